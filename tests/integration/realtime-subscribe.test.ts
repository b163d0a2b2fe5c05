import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { alliances, sessions } from "../../db/schema/index";
import { latestActivityId, transact } from "~/models/activity.server";
import type { LiveSocket } from "~/realtime/live-client";
import { allianceTopic, PLATFORM_TOPIC, sessionRoom, userTopic } from "~/realtime/topics";
import type { LiveActivity } from "~/realtime/types";
import {
  client,
  connect,
  createUser,
  disconnection,
  settle,
  signIn,
  subscribe,
  unsubscribe,
  until,
} from "../setup/live";
import { useTestServer } from "../setup/server";

describe("subscribing to topics", () => {
  const server = useTestServer();
  let user: { id: string };
  let other: { id: string };
  let admin: { id: string };
  const open: LiveSocket[] = [];

  beforeAll(async () => {
    user = await createUser(server.services.db);
    other = await createUser(server.services.db);
    admin = await createUser(server.services.db, "admin");
  });
  afterEach(() => {
    for (const socket of open.splice(0)) socket.close();
  });

  async function socketFor(userId: string) {
    const { cookie, sessionId } = await signIn(server.services, userId);
    const socket = await connect(client(server.url, { cookie }));
    open.push(socket);
    return { socket, sessionId };
  }

  async function insertAlliance(archived: boolean) {
    const id = crypto.randomUUID();
    await server.services.db.insert(alliances).values({
      id,
      slug: `live-${id}`,
      nameZh: "测试联盟",
      nameEn: "Test alliance",
      archivedAt: archived ? new Date() : null,
    });
    return id;
  }

  const publish = (topic: string, type: string) =>
    transact(server.services, async (_tx, publish) => publish({ topic, type }));

  it("answers a platform subscription with the activities after `after`, oldest first", async () => {
    await publish(PLATFORM_TOPIC, "test.first");
    await publish(PLATFORM_TOPIC, "test.second");
    const { socket } = await socketFor(user.id);
    const all = await subscribe(socket, { topic: PLATFORM_TOPIC, after: 0 });
    expect(all.ok).toBe(true);
    if (!all.ok) return;
    expect(all.more).toBe(false);
    const types = all.activities.map((a) => a.type);
    expect(types.slice(-2)).toEqual(["test.first", "test.second"]);

    const later = await subscribe(socket, { topic: PLATFORM_TOPIC, after: all.activities.at(-2)!.id });
    expect(later.ok && later.activities.map((a) => a.type)).toEqual(["test.second"]);
  });

  it("delivers live activities of a subscribed topic, and stops after unsubscribe", async () => {
    const { socket } = await socketFor(user.id);
    const received: LiveActivity[] = [];
    socket.on("activity", (activity) => received.push(activity));
    expect((await subscribe(socket, { topic: PLATFORM_TOPIC, after: 0 })).ok).toBe(true);

    const before = await latestActivityId(server.services.db, PLATFORM_TOPIC);
    await publish(PLATFORM_TOPIC, "test.live");
    await until(() => received.some((a) => a.type === "test.live"), "the live activity");
    // Live events name the topic's previous activity, so a client can tell when one overtook another.
    expect(received[0]).toMatchObject({ type: "test.live", prev: before });
    expect(received[0].id).toBeGreaterThan(before);
    expect(await unsubscribe(socket, { topic: PLATFORM_TOPIC })).toEqual({ ok: true });
    await publish(PLATFORM_TOPIC, "test.after-unsubscribe");
    await settle();
    expect(received.map((a) => a.type)).not.toContain("test.after-unsubscribe");
  });

  it("lets a user follow their own topic, and unsubscribing never leaves that private room", async () => {
    const { socket } = await socketFor(user.id);
    const received: LiveActivity[] = [];
    socket.on("activity", (activity) => received.push(activity));
    expect((await subscribe(socket, { topic: userTopic(user.id), after: 0 })).ok).toBe(true);
    expect(await unsubscribe(socket, { topic: userTopic(user.id) })).toEqual({ ok: true });
    await publish(userTopic(user.id), "test.notification");
    await until(() => received.some((a) => a.type === "test.notification"), "the private activity");
  });

  it("refuses another user's topic, to admins too", async () => {
    const { socket } = await socketFor(user.id);
    expect(await subscribe(socket, { topic: userTopic(other.id), after: 0 })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    const { socket: adminSocket } = await socketFor(admin.id);
    expect(await subscribe(adminSocket, { topic: userTopic(other.id), after: 0 })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
  });

  it("refuses topic kinds the policy does not know, private session rooms included", async () => {
    const { socket, sessionId } = await socketFor(user.id);
    for (const topic of [
      sessionRoom(sessionId),
      "presence:1",
      "problems:1",
      "platform:extra",
      "user",
      "alliance",
      "problem",
      "nothing",
    ]) {
      expect(await subscribe(socket, { topic, after: 0 }), topic).toMatchObject({
        ok: false,
        error: { code: "forbidden" },
      });
    }
  });

  it("refuses malformed requests as bad_request", async () => {
    const { socket } = await socketFor(user.id);
    const payloads: unknown[] = [
      null,
      "platform",
      {},
      { topic: PLATFORM_TOPIC },
      { topic: 42, after: 0 },
      { topic: "", after: 0 },
      { topic: PLATFORM_TOPIC, after: -1 },
      { topic: PLATFORM_TOPIC, after: 1.5 },
      { topic: PLATFORM_TOPIC, after: "0" },
      { topic: PLATFORM_TOPIC, after: 0, extra: true },
      { topic: "Platform", after: 0 },
      { topic: "user:../../etc", after: 0 },
      { topic: "x".repeat(500), after: 0 },
    ];
    for (const payload of payloads) {
      expect(await subscribe(socket, payload), JSON.stringify(payload)).toMatchObject({
        ok: false,
        error: { code: "bad_request" },
      });
    }
    expect(await unsubscribe(socket, { nope: 1 })).toMatchObject({
      ok: false,
      error: { code: "bad_request" },
    });
  });

  it("ignores a subscribe that asks for no answer, and keeps serving the socket", async () => {
    const { socket } = await socketFor(user.id);
    (socket.emit as (...args: unknown[]) => void)("subscribe", { topic: PLATFORM_TOPIC, after: 0 });
    expect((await subscribe(socket, { topic: PLATFORM_TOPIC, after: 0 })).ok).toBe(true);
  });

  it("lets signed-in users follow an existing alliance that is not archived", async () => {
    const active = await insertAlliance(false);
    const archived = await insertAlliance(true);
    const { socket } = await socketFor(user.id);
    expect((await subscribe(socket, { topic: allianceTopic(active), after: 0 })).ok).toBe(true);
    expect(await subscribe(socket, { topic: allianceTopic(archived), after: 0 })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    for (const id of [crypto.randomUUID(), "not-a-uuid"]) {
      expect(await subscribe(socket, { topic: allianceTopic(id), after: 0 })).toMatchObject({
        ok: false,
        error: { code: "not_found" },
      });
    }
  });

  it("checks the policy on every subscribe: an alliance archived meanwhile is refused and left", async () => {
    const id = await insertAlliance(false);
    const { socket } = await socketFor(user.id);
    const received: LiveActivity[] = [];
    socket.on("activity", (activity) => received.push(activity));
    expect((await subscribe(socket, { topic: allianceTopic(id), after: 0 })).ok).toBe(true);

    await server.services.db.update(alliances).set({ archivedAt: new Date() }).where(eq(alliances.id, id));
    expect(await subscribe(socket, { topic: allianceTopic(id), after: 0 })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    await publish(allianceTopic(id), "test.after-archive");
    await settle();
    expect(received).toEqual([]);
  });

  it("re-checks the session on subscribe: once it has ended, the socket is refused and closed", async () => {
    const { socket, sessionId } = await socketFor(user.id);
    await server.services.db.delete(sessions).where(eq(sessions.id, sessionId));
    const closed = disconnection(socket);
    expect(await subscribe(socket, { topic: PLATFORM_TOPIC, after: 0 })).toMatchObject({
      ok: false,
      error: { code: "unauthenticated" },
    });
    expect(await closed).toBe("io server disconnect");
  });
});
