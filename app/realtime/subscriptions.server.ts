import type { Socket } from "socket.io";
import { z } from "zod";
import { activitiesAfter } from "~/models/activity.server";
import type { Services } from "~/server/context.server";
import { checkSessionCookie } from "~/utils/auth.server";
import type { SocketData } from "./handshake.server";
import type { RealtimeError, SubscribeResult, UnsubscribeResult } from "./protocol";
import { JOIN_LIMIT, RateLimiter } from "./rate-limit";
import { refuseTopic } from "./topic-access.server";
import { parseTopic, sessionRoom, userTopic } from "./topics";

type Deps = Pick<Services, "config" | "db" | "log">;

/** How many activities one subscribe answer carries; the client asks again while `more` is set. */
export const CATCH_UP_PAGE = 500;
/** Rooms per socket, private ones included: bounds what one tab can make the server hold. */
const MAX_ROOMS = 200;

const topicField = z.string().min(1).max(120);
const subscribeSchema = z
  .object({ topic: topicField, after: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) })
  .strict();
const unsubscribeSchema = z.object({ topic: topicField }).strict();

/**
 * A signed-in socket's rooms: its private ones at once, then whatever topics it subscribes to. Every
 * subscribe re-checks the session and the policy: both may have changed since the handshake.
 */
export function handleSubscriptions(socket: Socket, deps: Deps) {
  const { userId, sessionId } = socket.data as SocketData;
  const privateRooms = new Set([userTopic(userId), sessionRoom(sessionId)]);
  void socket.join([...privateRooms]);

  // One request at a time per socket, in arrival order: an unsubscribe never overtakes the subscribe before it.
  let queue = Promise.resolve();
  const inOrder = (task: () => Promise<void>) => {
    queue = queue
      .then(task)
      .catch((error) => deps.log.error({ err: error, component: "realtime" }, "socket request failed"));
  };

  const joins = new RateLimiter(JOIN_LIMIT);
  socket.on("subscribe", (payload: unknown, ack: unknown) => {
    if (typeof ack !== "function") return;
    if (joins.take(socket.id) > 0) {
      const message = `at most ${JOIN_LIMIT.perSecond} subscribes a second`;
      return ack({ ok: false, error: { code: "limit", message } } satisfies SubscribeResult);
    }
    inOrder(async () => {
      const result = await subscribe(socket, payload, privateRooms, deps);
      ack(result);
      if (!result.ok && result.error.code === "unauthenticated") socket.disconnect(true);
    });
  });

  socket.on("unsubscribe", (payload: unknown, ack: unknown) => {
    inOrder(async () => {
      const request = unsubscribeSchema.safeParse(payload);
      let result: UnsubscribeResult = { ok: true };
      if (!request.success) result = { ok: false, error: badRequest(request.error) };
      // Private rooms stay: logout and notifications must reach the socket whatever the page follows.
      else if (!privateRooms.has(request.data.topic)) await socket.leave(request.data.topic);
      if (typeof ack === "function") ack(result);
    });
  });
}

async function subscribe(
  socket: Socket,
  payload: unknown,
  privateRooms: Set<string>,
  deps: Deps,
): Promise<SubscribeResult> {
  const request = subscribeSchema.safeParse(payload);
  if (!request.success) return { ok: false, error: badRequest(request.error) };
  const { topic, after } = request.data;
  try {
    // Without extending the session, as at the handshake: the browser's cookie keeps its own expiry.
    const session = await checkSessionCookie(deps, socket.handshake.headers.cookie);
    if (!session) {
      return { ok: false, error: { code: "unauthenticated", message: "the session has ended" } };
    }
    const refusal = await refuseTopic(deps.db, session.user, topic);
    if (refusal) {
      if (!privateRooms.has(topic)) await socket.leave(topic);
      return { ok: false, error: refusal };
    }
    if (!socket.rooms.has(topic) && socket.rooms.size >= MAX_ROOMS) {
      return {
        ok: false,
        error: { code: "limit", message: `a connection may follow at most ${MAX_ROOMS} topics` },
      };
    }
    // A socket that went away during the checks above has left all its rooms; joining now would leak one.
    if (socket.disconnected) {
      return { ok: false, error: { code: "unauthenticated", message: "disconnected" } };
    }
    // Join first, then read the log: an activity committed after the read's snapshot is emitted after
    // this join and so arrives live. Whatever arrives both ways, the client drops by id.
    await socket.join(topic);
    // A member who leaves between the check above and this join would keep the room: leaving takes the
    // user's sockets out of the rooms only after it commits, which can fall before the join. Asking
    // again now closes the gap: a leave that commits later removes the room after this point.
    if (closesOnLeave(topic)) {
      const late = await refuseTopic(deps.db, session.user, topic);
      if (late) {
        await socket.leave(topic);
        return { ok: false, error: late };
      }
    }
    const rows = await activitiesAfter(deps.db, topic, after, CATCH_UP_PAGE + 1);
    return { ok: true, activities: rows.slice(0, CATCH_UP_PAGE), more: rows.length > CATCH_UP_PAGE };
  } catch (error) {
    deps.log.error({ err: error, component: "realtime", topic }, "subscribe failed");
    return { ok: false, error: { code: "internal", message: "live updates are unavailable" } };
  }
}

/** Topics whose access ends when someone leaves an alliance or a private channel. */
function closesOnLeave(topic: string): boolean {
  const kind = parseTopic(topic)?.kind;
  return kind === "channel" || kind === "board";
}

function badRequest(error: z.ZodError): RealtimeError {
  const issue = error.issues[0];
  return { code: "bad_request", message: `${issue.path.join(".") || "payload"}: ${issue.message}` };
}
