import net from "node:net";
import { and, asc, eq } from "drizzle-orm";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachSequencer, type LiveSocket } from "~/realtime/live-client";
import type { MessageResult, MessageView, RealtimeError } from "~/realtime/protocol";
import { channelTopic } from "~/realtime/topics";
import type { Activity } from "~/realtime/types";
import { connectDatabase, type Database } from "~/utils/db.server";
import { loadConfig } from "~/utils/env.server";
import { channelMessages, channels } from "../../db/schema/index";
import { addMember, createAlliance } from "../factories";
import { createUser, signIn, until } from "../setup/live";
import { freePort, spawnServer, type SpawnedServer } from "../setup/spawn-server";
import { startRedis, type RunningRedis } from "./redis";

/**
 * DESIGN §4 and issue 6's guarantee: with two server processes on one database and one Redis, `kill -9`
 * of the process a group of members is on loses them nothing. The members reach the cluster through a
 * TCP proxy standing in for the load balancer: it forwards to A while A accepts connections and to B
 * once A refuses them. Senders keep posting on B (and some through the proxy, whose sends in flight die
 * with A and are retried on B with the same key) while A is killed halfway through.
 */
const MEMBERS = 20;
const MESSAGES = 300;
/** Senders straight on B, and senders that reach the cluster through the proxy like the members. */
const SENDERS_ON_B = 20;
const SENDERS_PROXIED = 10;
const KILL_AFTER = 100;

/** A load balancer with one health rule: a backend that refuses connections is skipped. */
function failoverProxy(ports: number[]) {
  const connections = ports.map(() => 0);
  const open = new Set<net.Socket>();
  const server = net.createServer((downstream) => {
    open.add(downstream);
    downstream.on("close", () => open.delete(downstream));
    downstream.on("error", () => {});
    const forward = (index: number) => {
      const upstream = net.connect(ports[index], "127.0.0.1");
      open.add(upstream);
      let connected = false;
      upstream.once("connect", () => {
        connected = true;
        connections[index]++;
        downstream.pipe(upstream);
        upstream.pipe(downstream);
      });
      upstream.on("error", () => {
        if (!connected && index + 1 < ports.length) forward(index + 1);
        else downstream.destroy();
      });
      upstream.on("close", () => {
        open.delete(upstream);
        if (connected) downstream.destroy();
      });
      downstream.on("close", () => upstream.destroy());
    };
    forward(0);
  });
  return {
    connections,
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, "127.0.0.1", () => {
          resolve(`http://127.0.0.1:${(server.address() as net.AddressInfo).port}`);
        }),
      ),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A browser tab: reconnects on its own, through whatever URL it was given. */
function tab(url: string, cookie: string): LiveSocket {
  return io(url, {
    transports: ["websocket"],
    extraHeaders: { cookie, origin: url },
    reconnectionDelay: 100,
    reconnectionDelayMax: 400,
    forceNew: true,
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("kill -9 of the process a group of members is on", () => {
  let redis: RunningRedis | undefined;
  let a: SpawnedServer | undefined;
  let b: SpawnedServer | undefined;
  let proxy: ReturnType<typeof failoverProxy> | undefined;
  let database: Database | undefined;
  const sockets: LiveSocket[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    const [portA, portB] = [await freePort(), await freePort()];
    const env = {
      DATABASE_URL: process.env.TEST_DATABASE_URL!,
      REDIS_URL: redis.url,
      SEED_DEMO: "false",
      BACKGROUND_JOBS: "false",
    };
    [a, b] = await Promise.all([
      spawnServer({ ...env, PORT: String(portA) }),
      spawnServer({ ...env, PORT: String(portB) }),
    ]);
    proxy = failoverProxy([portA, portB]);
    database = connectDatabase(process.env.TEST_DATABASE_URL!, { max: 4 });
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await proxy?.close();
    await database?.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
  });

  it("delivers every committed message to every member exactly once, in order, and stores each once", async () => {
    const { db } = database!;
    const config = loadConfig({
      NODE_ENV: "production",
      DATABASE_URL: process.env.TEST_DATABASE_URL,
      LOG_LEVEL: "silent",
    });
    const alliance = await createAlliance(db);
    const [general] = await db
      .select({ id: channels.id })
      .from(channels)
      .where(and(eq(channels.allianceId, alliance.id), eq(channels.kind, "general")));
    const topic = channelTopic(general.id);
    const people = await Promise.all(
      Array.from({ length: MEMBERS + SENDERS_ON_B + SENDERS_PROXIED }, async () => {
        const user = await createUser(db);
        await addMember(db, { allianceId: alliance.id, userId: user.id });
        return { ...user, cookie: (await signIn({ db, config }, user.id)).cookie };
      }),
    );
    const proxyUrl = await proxy!.listen();

    // The members: on A through the proxy, each following the channel through the sequencer.
    const members = people.slice(0, MEMBERS).map(({ cookie }) => {
      const socket = tab(proxyUrl, cookie);
      sockets.push(socket);
      const received: Activity[] = [];
      const errors: RealtimeError[] = [];
      let connects = 0;
      socket.on("connect", () => connects++);
      attachSequencer(socket).watch(topic, 0, (activity) => received.push(activity), {
        onError: (error) => errors.push(error),
      });
      return { socket, received, errors, connects: () => connects };
    });
    const senders = people.slice(MEMBERS).map(({ cookie }, index) => {
      const socket = tab(index < SENDERS_ON_B ? b!.url : proxyUrl, cookie);
      sockets.push(socket);
      return socket;
    });
    await until(
      () => [...members.map((m) => m.socket), ...senders].every((socket) => socket.connected),
      "every socket connected",
      10_000,
    );
    expect(proxy!.connections[0]).toBe(MEMBERS + SENDERS_PROXIED);

    let acked = 0;
    let retries = 0;
    let killedAt = 0;
    const ackedIds = new Set<string>();
    const deadline = Date.now() + 20_000;

    /** Sends until acknowledged: a send whose answer never came is repeated with the same key. */
    async function send(socket: LiveSocket, body: string, clientKey: string) {
      for (;;) {
        if (Date.now() > deadline) throw new Error(`message ${clientKey} was never acknowledged`);
        if (!socket.connected) {
          await sleep(50);
          continue;
        }
        let result: MessageResult;
        try {
          result = await socket
            .timeout(3000)
            .emitWithAck("message:send", { channelId: general.id, body, clientKey });
        } catch {
          // Timed out, or the connection went with the process: resend once reconnected.
          retries++;
          continue;
        }
        if (result.ok) {
          ackedIds.add(result.message.id);
          if (++acked === KILL_AFTER) {
            a!.process.kill("SIGKILL");
            killedAt = Date.now();
          }
          return;
        }
        if (result.error.code !== "limit") throw new Error(`send refused: ${JSON.stringify(result.error)}`);
        await sleep(200);
      }
    }

    const started = Date.now();
    // Each sender posts its share one after another; together they keep a steady stream going.
    await Promise.all(
      senders.map(async (socket, index) => {
        for (let n = index; n < MESSAGES; n += senders.length) {
          await send(socket, `消息 ${n}：kill -9 之后也不能丢`, `kill-test-${n}`);
          await sleep(10);
        }
      }),
    );
    expect(a!.process.signalCode).toBe("SIGKILL");

    const stored = await db
      .select({ id: channelMessages.id, clientKey: channelMessages.clientKey })
      .from(channelMessages)
      .where(eq(channelMessages.channelId, general.id))
      .orderBy(asc(channelMessages.seq));
    expect(stored).toHaveLength(MESSAGES);
    expect(new Set(stored.map((m) => m.clientKey)).size).toBe(MESSAGES);
    expect(new Set(stored.map((m) => m.id))).toEqual(ackedIds);

    const expected = stored.map((m) => m.id);
    const ids = (member: (typeof members)[number]) =>
      member.received
        .filter((activity) => activity.type === "message.created")
        .map((activity) => (activity.payload as { message: MessageView }).message.id);
    await until(
      () => members.every((member) => ids(member).length >= MESSAGES),
      "every message at every member",
      10_000,
    );
    for (const member of members) {
      expect(member.errors).toEqual([]);
      // Exactly once, in seq order, none missing.
      expect(ids(member)).toEqual(expected);
      // It did lose its connection with A and come back (through the proxy, to B).
      expect(member.connects()).toBeGreaterThanOrEqual(2);
    }
    expect(proxy!.connections[1]).toBeGreaterThanOrEqual(MEMBERS);
    console.log(
      `kill -9 test: ${MESSAGES} messages in ${Date.now() - started} ms (A killed at ${killedAt - started} ms), ` +
        `${retries} sends repeated, ` +
        `${proxy!.connections[1]} reconnections to B`,
    );
    expect(b!.output()).not.toMatch(/"level":(50|60)/);
  }, 60_000);
});
