import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiveSocket } from "~/realtime/live-client";
import type { PresenceEvent, PresenceResult } from "~/realtime/protocol";
import { connectDatabase, type Database } from "~/utils/db.server";
import { loadConfig } from "~/utils/env.server";
import { addMember, createAlliance } from "../factories";
import { client, connect, createUser, signIn, until } from "../setup/live";
import { spawnServer, type SpawnedServer } from "../setup/spawn-server";
import { startRedis, type RunningRedis } from "./redis";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Presence across two processes sharing Redis: the list and the arrivals span both, and the people on a
 * process killed with -9 (which says goodbye to nobody) drop out of the list within a minute.
 */
describe("presence across processes", () => {
  let redis: RunningRedis | undefined;
  let a: SpawnedServer | undefined;
  let b: SpawnedServer | undefined;
  let database: Database | undefined;
  const sockets: LiveSocket[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    const env = {
      DATABASE_URL: process.env.TEST_DATABASE_URL!,
      REDIS_URL: redis.url,
      SEED_DEMO: "false",
      BACKGROUND_JOBS: "false",
    };
    [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
    database = connectDatabase(process.env.TEST_DATABASE_URL!, { max: 4 });
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await database?.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
  });

  it("lists and announces people on both processes, and forgets those on a killed one within a minute", async () => {
    const { db } = database!;
    const config = loadConfig({ NODE_ENV: "production", DATABASE_URL: process.env.TEST_DATABASE_URL });
    const { id: allianceId } = await createAlliance(db);
    const join = async (url: string) => {
      const user = await createUser(db);
      await addMember(db, { allianceId, userId: user.id });
      const { cookie } = await signIn({ db, config }, user.id);
      const socket = await connect(client(url, { cookie }));
      sockets.push(socket);
      const events: PresenceEvent[] = [];
      socket.on("presence", (event) => events.push(event));
      return { id: user.id, socket, events };
    };
    const watch = async (socket: LiveSocket): Promise<PresenceResult> =>
      socket.timeout(10_000).emitWithAck("presence:watch", { allianceId });
    const online = (result: PresenceResult) => (result.ok ? result.online.map((p) => p.userId).sort() : null);

    const onA = await join(a!.url);
    const onB = await join(b!.url);
    expect(online(await watch(onA.socket))).toEqual([onA.id]);
    expect(online(await watch(onB.socket))).toEqual([onA.id, onB.id].sort());
    await until(() => onA.events.some((e) => e.userId === onB.id && e.online), "B's arrival told on A");

    a!.process.kill("SIGKILL");
    const killedAt = Date.now();
    // What a page does: ask again (every 30 s in the browser; more often here to measure).
    let list: string[] | null = null;
    while (Date.now() - killedAt < 60_000) {
      list = online(await watch(onB.socket).catch(() => ({ ok: false }) as PresenceResult));
      if (list && !list.includes(onA.id)) break;
      await sleep(1_000);
    }
    expect(list).toEqual([onB.id]);
    const cleared = Date.now() - killedAt;
    console.info(`presence: a killed process's people left the list after ${cleared} ms`);
    // The browser asks every 30 s: even its first ask after this point is within the minute.
    expect(cleared).toBeLessThan(30_000);
  }, 90_000);
});
