import type { RemoteSocket, Socket } from "socket.io";
import { z } from "zod";
import { channelAccess } from "~/models/channel-access.server";
import {
  channelAudience,
  socketUser,
  TYPING_AUDIENCE_LIMIT,
  type SocketUser,
} from "~/models/presence.server";
import { allianceAccess } from "~/models/topic-records.server";
import type { Services } from "~/server/context.server";
import { allianceRole, canInAlliance } from "~/utils/permissions.server";
import type { SocketData } from "./handshake.server";
import type {
  PresenceEvent,
  PresenceResult,
  PresenceUser,
  RealtimeError,
  ServerToClientEvents,
  TypingResult,
  UnsubscribeResult,
} from "./protocol";
import { TYPING_EVERY_MS } from "./presence-timing";
import { channelTopic, presenceRoom, userTopic } from "./topics";

type Deps = Pick<Services, "db" | "log">;
type ClientEvents = Record<string, (...args: unknown[]) => void>;
type RealtimeSocket = Socket<ClientEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type Remote = RemoteSocket<ServerToClientEvents, SocketData>;

/**
 * What presence keeps on a socket, in socket.data so that fetchSockets() reads it on every process: the
 * user's name and the alliances the socket counts as present in. Watching is not enough to count: a
 * platform operator may watch an alliance's presence without being one of its members.
 */
type PresenceData = SocketData & { name?: string; presentIn?: string[] };

/** A re-ask from a page (every 30 s) or a new watcher may reuse a list this young. */
const LIST_TTL_MS = 5_000;
/** How long a cross-process question may wait for the other processes (one that died stops counting). */
const FETCH_TIMEOUT_MS = 3_000;
/** How long a socket's right to post in a channel, and a channel's reader count, are trusted. */
const CHECK_TTL_MS = 60_000;
/** Typing requests one socket may make per window before they are refused. */
const TYPING_BURST = 20;
const TYPING_WINDOW_MS = 10_000;
/** Alliances one socket may watch at once. */
const MAX_WATCHED = 20;
/** Entries a per-process map may hold before expired ones are swept out. */
const SWEEP_AT = 10_000;
/** Channels one socket remembers its right to post in. */
const MAX_CHECKS = 100;

const allianceRequest = z.object({ allianceId: z.string().min(1).max(100) }).strict();
const typingRequest = z.object({ channelId: z.string().min(1).max(100) }).strict();

type Timed<T> = { value: T; at: number };

function sweep<T>(map: Map<string, Timed<T>>, ttl: number, now: number) {
  if (map.size < SWEEP_AT) return;
  for (const [key, entry] of map) if (now - entry.at >= ttl) map.delete(key);
}

/**
 * Presence and typing (`presence:watch`, `presence:unwatch`, `typing`). Who is online is asked of the
 * rooms themselves through the adapter, across processes, so nothing is stored that a killed process
 * could leave behind: its sockets vanish from the answers once the adapter stops hearing from it, and
 * pages re-ask every 30 s. Arrivals and departures are told live as they happen.
 */
export function presenceHandler(deps: Deps) {
  const lists = new Map<string, Timed<Promise<PresenceUser[]>>>();
  const audiences = new Map<string, Timed<number>>();
  const lastTyping = new Map<string, Timed<null>>();

  const onlineIn = (socket: RealtimeSocket, allianceId: string): Promise<PresenceUser[]> => {
    const now = Date.now();
    const cached = lists.get(allianceId);
    if (cached && now - cached.at < LIST_TTL_MS) return cached.value;
    sweep(lists, LIST_TTL_MS, now);
    const value = socket.nsp
      .in(presenceRoom(allianceId))
      .timeout(FETCH_TIMEOUT_MS)
      .fetchSockets()
      .then((sockets) => peopleIn(sockets, allianceId));
    lists.set(allianceId, { value, at: now });
    value.catch(() => lists.delete(allianceId));
    return value;
  };

  /** Whether another socket of the user, on any process, counts as present in the alliance. */
  const presentElsewhere = async (socket: RealtimeSocket, userId: string, allianceId: string) => {
    const sockets = await socket.nsp.in(userTopic(userId)).timeout(FETCH_TIMEOUT_MS).fetchSockets();
    return sockets.some(
      (other) =>
        other.id !== socket.id &&
        other.rooms.has(presenceRoom(allianceId)) &&
        (other.data as PresenceData).presentIn?.includes(allianceId),
    );
  };

  const announce = (socket: RealtimeSocket, event: PresenceEvent) => {
    lists.delete(event.allianceId);
    // Not back to the socket that arrives or leaves: it learns the list from its own answer.
    socket.to(presenceRoom(event.allianceId)).emit("presence", event);
  };

  /** Tells the room the user left, unless another of their sockets is still present there. */
  const depart = async (socket: RealtimeSocket, allianceId: string) => {
    const data = socket.data as PresenceData;
    if (await presentElsewhere(socket, data.userId, allianceId)) return;
    announce(socket, { allianceId, userId: data.userId, name: data.name ?? "", online: false });
  };

  const audience = async (channelId: string): Promise<number> => {
    const now = Date.now();
    const cached = audiences.get(channelId);
    if (cached && now - cached.at < CHECK_TTL_MS) return cached.value;
    sweep(audiences, CHECK_TTL_MS, now);
    const value = await channelAudience(deps.db, channelId);
    audiences.set(channelId, { value, at: now });
    return value;
  };

  return (socket: RealtimeSocket) => {
    const data = socket.data as PresenceData;
    let user: Promise<SocketUser | null> | undefined;
    // Loaded once per connection, on first use: most sockets never ask for presence or typing.
    const me = () => {
      user ??= socketUser(deps.db, data.userId).then((found) => {
        if (found) data.name = found.name;
        return found;
      });
      user.catch(() => (user = undefined));
      return user;
    };

    // Watch and unwatch in arrival order: an unwatch never overtakes the watch before it.
    let queue = Promise.resolve();
    const inOrder = (task: () => Promise<void>) => {
      queue = queue
        .then(task)
        .catch((error) => deps.log.error({ err: error, component: "presence" }, "presence request failed"));
    };

    const stopWatching = async (allianceId: string) => {
      await socket.leave(presenceRoom(allianceId));
      if (!(data.presentIn ?? []).includes(allianceId)) return;
      data.presentIn = (data.presentIn ?? []).filter((id) => id !== allianceId);
      await depart(socket, allianceId);
    };

    const watch = async (payload: unknown): Promise<PresenceResult> => {
      const request = allianceRequest.safeParse(payload);
      if (!request.success) return { ok: false, error: badRequest(request.error) };
      const { allianceId } = request.data;
      const found = await me();
      if (!found) return { ok: false, error: { code: "unauthenticated", message: "no such user" } };
      const alliance = await allianceAccess(deps.db, allianceId, found.viewer.id);
      const role = allianceRole(found.viewer, alliance?.membership ?? null);
      // An archived alliance is hidden from all but platform operators, here as at its address.
      if (!alliance || (alliance.archivedAt && role !== "admin")) {
        await stopWatching(allianceId);
        return { ok: false, error: { code: "not_found", message: `no alliance ${allianceId}` } };
      }
      if (!canInAlliance(role, "alliance.presence.view")) {
        // A re-ask after leaving the alliance: the socket stops counting there too.
        await stopWatching(allianceId);
        return { ok: false, error: { code: "forbidden", message: "only members see who is online" } };
      }
      const room = presenceRoom(allianceId);
      const watched = [...socket.rooms].filter((name) => name.startsWith("presence:")).length;
      if (!socket.rooms.has(room) && watched >= MAX_WATCHED) {
        return {
          ok: false,
          error: { code: "limit", message: `a connection may watch at most ${MAX_WATCHED} alliances` },
        };
      }
      const present = alliance.membership?.status === "active";
      // Counted already only if still in the room: access closing (leaveRooms) may have taken it out.
      const counted = (data.presentIn ?? []).includes(allianceId) && socket.rooms.has(room);
      const arriving = present && !counted;
      // Asked before this socket counts, so two tabs arriving together both announce (twice is harmless;
      // never is not).
      const already = arriving && (await presentElsewhere(socket, found.viewer.id, allianceId));
      // A socket that went away during the checks has left all its rooms; joining now would leak one.
      if (socket.disconnected)
        return { ok: false, error: { code: "unauthenticated", message: "disconnected" } };
      if (arriving)
        data.presentIn = [...(data.presentIn ?? []).filter((id) => id !== allianceId), allianceId];
      await socket.join(room);
      if (arriving && !already) {
        announce(socket, { allianceId, userId: found.viewer.id, name: found.name, online: true });
      }
      const online = await onlineIn(socket, allianceId);
      // A list cached a moment ago may predate this socket's arrival: count it all the same.
      if (present && !online.some((person) => person.userId === found.viewer.id)) {
        return { ok: true, online: sortByName([...online, { userId: found.viewer.id, name: found.name }]) };
      }
      return { ok: true, online };
    };

    const unwatch = async (payload: unknown): Promise<UnsubscribeResult> => {
      const request = allianceRequest.safeParse(payload);
      if (!request.success) return { ok: false, error: badRequest(request.error) };
      await stopWatching(request.data.allianceId);
      return { ok: true };
    };

    socket.on("presence:watch", (payload: unknown, ack: unknown) => {
      if (typeof ack !== "function") return;
      inOrder(async () => ack(await answer(deps, "presence:watch", () => watch(payload))));
    });

    socket.on("presence:unwatch", (payload: unknown, ack: unknown) => {
      inOrder(async () => {
        const result = await answer(deps, "presence:unwatch", () => unwatch(payload));
        if (typeof ack === "function") ack(result);
      });
    });

    socket.on("disconnecting", () => {
      // Only alliances whose room the socket is still in: access closing (leaveRooms) may have taken it out.
      const leaving = (data.presentIn ?? []).filter((id) => socket.rooms.has(presenceRoom(id)));
      data.presentIn = [];
      for (const allianceId of leaving) {
        depart(socket, allianceId).catch((error) =>
          deps.log.warn({ err: error, component: "presence", allianceId }, "presence departure not told"),
        );
      }
    });

    const checks = new Map<string, Timed<RealtimeError | null>>();
    let burst = { start: 0, count: 0 };

    /** Why the user may not type in the channel (null: they may), remembered for a minute. */
    const refusal = async (channelId: string, found: SocketUser): Promise<RealtimeError | null> => {
      const now = Date.now();
      const cached = checks.get(channelId);
      if (cached && now - cached.at < CHECK_TTL_MS) return cached.value;
      if (checks.size >= MAX_CHECKS) checks.clear();
      const channel = await channelAccess(deps.db, found.viewer, channelId);
      const value: RealtimeError | null = !channel
        ? { code: "not_found", message: `no channel ${channelId}` }
        : channel.post
          ? null
          : { code: "forbidden", message: "not allowed to post in this channel" };
      checks.set(channelId, { value, at: now });
      return value;
    };

    const typing = async (payload: unknown): Promise<TypingResult> => {
      const request = typingRequest.safeParse(payload);
      if (!request.success) return { ok: false, error: badRequest(request.error) };
      const now = Date.now();
      if (now - burst.start >= TYPING_WINDOW_MS) burst = { start: now, count: 0 };
      burst.count += 1;
      if (burst.count > TYPING_BURST) {
        return { ok: false, error: { code: "limit", message: "too many typing notices; slow down" } };
      }
      const { channelId } = request.data;
      const found = await me();
      if (!found) return { ok: false, error: { code: "unauthenticated", message: "no such user" } };
      const refused = await refusal(channelId, found);
      if (refused) return { ok: false, error: refused };
      if ((await audience(channelId)) > TYPING_AUDIENCE_LIMIT)
        return { ok: true, relayed: false, large: true };
      const key = `${found.viewer.id}/${channelId}`;
      const last = lastTyping.get(key);
      if (last && now - last.at < TYPING_EVERY_MS) return { ok: true, relayed: false, large: false };
      sweep(lastTyping, TYPING_EVERY_MS, now);
      lastTyping.set(key, { value: null, at: now });
      // Volatile: a typing notice that cannot leave at once is worthless later. Not to the typist's own tabs.
      socket.volatile
        .to(channelTopic(channelId))
        .except(userTopic(found.viewer.id))
        .emit("typing", { channelId, userId: found.viewer.id, name: found.name });
      return { ok: true, relayed: true, large: false };
    };

    socket.on("typing", (payload: unknown, ack: unknown) => {
      void answer(deps, "typing", () => typing(payload)).then((result) => {
        if (typeof ack === "function") ack(result);
      });
    });
  };
}

/** Each person once (several tabs, several processes), by name. */
function peopleIn(sockets: Remote[], allianceId: string): PresenceUser[] {
  const people = new Map<string, PresenceUser>();
  for (const socket of sockets) {
    const data = socket.data as PresenceData;
    if (data.presentIn?.includes(allianceId) && data.name !== undefined) {
      people.set(data.userId, { userId: data.userId, name: data.name });
    }
  }
  return sortByName([...people.values()]);
}

function sortByName(people: PresenceUser[]): PresenceUser[] {
  return people.sort((a, b) => a.name.localeCompare(b.name, "zh-CN") || a.userId.localeCompare(b.userId));
}

/** Runs a request; a failure is logged and answered, never thrown at the connection. */
async function answer<T>(
  deps: Deps,
  event: string,
  run: () => Promise<T>,
): Promise<T | { ok: false; error: RealtimeError }> {
  try {
    return await run();
  } catch (error) {
    // A process that died is still expected to answer until the adapter notices (seconds): not our fault.
    const timedOut = error instanceof Error && error.message.startsWith("timeout reached");
    deps.log[timedOut ? "warn" : "error"](
      { err: error, component: "presence", event },
      "presence request failed",
    );
    return { ok: false, error: { code: "internal", message: "presence is unavailable" } };
  }
}

function badRequest(error: z.ZodError): RealtimeError {
  const issue = error.issues[0];
  return { code: "bad_request", message: `${issue.path.join(".") || "payload"}: ${issue.message}` };
}
