import crypto from "node:crypto";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { latestActivityId, transact } from "~/models/activity.server";
import type { LiveSocket } from "~/realtime/live-client";
import { createRealtimeServer, type RealtimeServer } from "~/realtime/server.server";
import { PLATFORM_TOPIC } from "~/realtime/topics";
import type { LiveActivity } from "~/realtime/types";
import { connectDatabase, type Database } from "~/utils/db.server";
import { loadConfig } from "~/utils/env.server";
import { createLogger } from "~/utils/logger.server";
import { client, connect, createUser, disconnection, settle, signIn, subscribe, until } from "../setup/live";
import { spawnServer, type SpawnedServer } from "../setup/spawn-server";
import { startRedis, type RunningRedis } from "./redis";

/**
 * Two server processes on one database and one Redis (DESIGN §4): what happens on one reaches sockets
 * connected to the other. Each process is the real `server.ts`, as `npm start` runs it.
 */
describe("two server processes sharing rooms through Redis", () => {
  let redis: RunningRedis | undefined;
  let a: SpawnedServer | undefined;
  let b: SpawnedServer | undefined;
  let database: Database | undefined;
  /** A third member of the cluster inside this test process, to publish and disconnect directly. */
  let local: RealtimeServer | undefined;
  const sockets: LiveSocket[] = [];

  const config = () =>
    loadConfig({
      NODE_ENV: "production",
      DATABASE_URL: process.env.TEST_DATABASE_URL,
      REDIS_URL: redis!.url,
      LOG_LEVEL: "silent",
    });

  beforeAll(async () => {
    redis = await startRedis();
    const env = { DATABASE_URL: process.env.TEST_DATABASE_URL!, REDIS_URL: redis.url, SEED_DEMO: "false" };
    [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
    database = connectDatabase(process.env.TEST_DATABASE_URL!, { max: 4 });
    const base = { config: config(), db: database.db, log: createLogger("silent") };
    local = createRealtimeServer(http.createServer(), base);
    await local.ready;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await local?.close();
    await database?.close();
    // stop() signals the node process itself (spawnServer keeps its PID), never an npm wrapper.
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
  });

  /** A signed-in socket on process B, subscribed to the platform topic. */
  async function platformSocketOnB() {
    const user = await createUser(database!.db);
    const { cookie, sessionId } = await signIn({ db: database!.db, config: config() }, user.id);
    const socket = await connect(client(b!.url, { cookie }));
    sockets.push(socket);
    const received: LiveActivity[] = [];
    socket.on("activity", (activity) => received.push(activity));
    const answer = await subscribe(socket, { topic: PLATFORM_TOPIC, after: 0 });
    expect(answer.ok).toBe(true);
    return { user, cookie, sessionId, socket, received };
  }

  it("delivers an activity published by another process to a socket on B", async () => {
    const { received } = await platformSocketOnB();
    await transact({ db: database!.db, realtime: local!.realtime }, async (_tx, publish) =>
      publish({ topic: PLATFORM_TOPIC, type: "test.cross-process" }),
    );
    await until(() => received.some((a) => a.type === "test.cross-process"), "the activity on B");
    expect(received.at(-1)?.id).toBe(await latestActivityId(database!.db, PLATFORM_TOPIC));
  });

  it("announces a sign-up on process A to a client of process B", async () => {
    const { received } = await platformSocketOnB();
    const email = `multi-${crypto.randomUUID()}@test.qilian.example`;
    const res = await fetch(new URL("/signup", a!.url), {
      method: "POST",
      redirect: "manual",
      headers: { origin: a!.url, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, password: "correct horse battery", displayName: "跨进程用户" }),
    });
    expect(res.status, await res.clone().text()).toBeLessThan(400);
    await until(() => received.some((a) => a.type === "user.joined"), "user.joined on B", 10_000);
    expect(received.find((a) => a.type === "user.joined")?.payload).toMatchObject({
      displayName: "跨进程用户",
    });
  });

  it("lets another process end a user's sockets on B", async () => {
    const { user, socket } = await platformSocketOnB();
    const bystander = await platformSocketOnB();
    const ended = disconnection(socket);
    local!.realtime.disconnectUser(user.id);
    expect(await ended).toBe("io server disconnect");
    await settle();
    expect(bystander.socket.connected).toBe(true);
  });

  it("closes a session's sockets on B when it logs out through A", async () => {
    const { cookie, socket } = await platformSocketOnB();
    const bystander = await platformSocketOnB();
    const ended = disconnection(socket);
    const res = await fetch(new URL("/logout", a!.url), {
      method: "POST",
      redirect: "manual",
      headers: { origin: a!.url, cookie, "content-type": "application/x-www-form-urlencoded" },
      body: "",
    });
    expect(res.status).toBe(303);
    expect(await ended).toBe("io server disconnect");
    await settle();
    expect(bystander.socket.connected).toBe(true);
  });

  it("stops both processes cleanly on SIGTERM, Redis connections included", async () => {
    const started = Date.now();
    await Promise.all([a!.stop(), b!.stop()]);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect([a!.process.exitCode, b!.process.exitCode]).toEqual([0, 0]);
    expect(a!.output() + b!.output()).not.toMatch(/"level":(50|60)/);
  });
});
