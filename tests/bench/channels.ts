import { execFileSync, fork, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { channelTopic } from "~/realtime/topics";
import { SESSION_COOKIE } from "~/utils/auth.server";
import { connectDatabase, type Db } from "~/utils/db.server";
import { startEmbeddedPostgres } from "../../db/embedded";
import { migrateDatabase } from "../../db/migrate";
import { channels } from "../../db/schema/index";
import { insertAlliances } from "../../db/seed-data/insert";
import { startRedis } from "../multi/redis";
import { ensureBuild } from "../setup/build";
import { freePort, spawnServer, tempDataDir, type SpawnedServer } from "../setup/spawn-server";
import type { ActivityFrame, Collected, Command, Kind, Reply } from "./channels-clients";
import { clientWs } from "./channels-ws";

/**
 * Issue 6, measured beside baselines in the same run (`npm run bench -- channels`), every server-side
 * process (Node, PostgreSQL, Redis) on core 0 and every client process on core 1:
 * - fan-out: one 200-byte message to FANOUT members subscribed to a channel, sent with `message:send`
 *   (so the time includes its transaction); beside it, bare Socket.IO relaying the very activity to as
 *   many sockets in a room, and a raw `ws` server relaying a frame of the same size to as many raw
 *   sockets. Rounds alternate. Latency runs from the sender's clock before it sends to the receiver's
 *   after it has decoded the frame (process.hrtime: one monotonic clock for every process); the next
 *   message goes once every member has the last one. Also: the time to a message's first delivery
 *   (what comes before the broadcast), the broadcast's own spread after it, and the CPU each side spent.
 * - memory: IDLE sockets on each server (Qilian's signed in and following the channel), its RSS and V8
 *   heap after garbage collection (asked through the inspector), before and after, per connection.
 * - cross-node: the fan-out through two processes and Redis, the members split across both and the
 *   sender on the first, in rounds alternating with one process without Redis on the same channel:
 *   what the second process adds, and deliveries lost.
 * BENCH_FANOUT_CLIENTS, BENCH_IDLE_SOCKETS and BENCH_CHANNEL_MESSAGES scale it.
 */
const FANOUT = Number(process.env.BENCH_FANOUT_CLIENTS ?? 2000);
const IDLE = Number(process.env.BENCH_IDLE_SOCKETS ?? 5000);
const MESSAGES = Number(process.env.BENCH_CHANNEL_MESSAGES ?? 20);
const BODY_BYTES = 200;
const WARM_UP = 3;
const ROUNDS = 4;
/** What the fan-out compares; the cross-node phase compares `ours` (one process) with `cross`. */
const KINDS = ["ours", "bare", "raw"] as const;
type Compared = (typeof KINDS)[number];
/** After every delivery of a message has landed (or DELIVERY_TIMEOUT_MS), this pause before the next. */
const GAP_MS = 100;
const DELIVERY_TIMEOUT_MS = 10_000;
const CLIENT_PROCESSES = 5;
/** The sender's turns are spread over a few accounts: one person's sends are rate-limited. */
const SENDERS = 10;

const canPin = os.cpus().length > 1 && fs.existsSync("/usr/bin/taskset");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function pin(pid: number | undefined, core: number) {
  if (canPin && pid) execFileSync("taskset", ["-a", "-cp", String(core), String(pid)], { stdio: "ignore" });
}

/** A client process (channels-clients.ts) and its request/reply channel. */
class Clients {
  readonly child: ChildProcess;
  #next = 0;
  #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  constructor() {
    this.child = fork("tests/bench/channels-clients.ts", [], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    pin(this.child.pid, 1);
    this.child.on("message", (reply: Reply) => {
      const pending = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (reply.ok) pending?.resolve(reply.value);
      else pending?.reject(new Error(reply.error));
    });
    this.child.on("exit", (code) => {
      for (const { reject } of this.#pending.values())
        reject(new Error(`client process exited with ${code}`));
    });
  }

  call<T = unknown>(command: Command): Promise<T> {
    const id = ++this.#next;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ id, command });
    });
  }

  stop(): void {
    if (this.child.connected) this.child.disconnect();
  }
}

type Fixture = { channelId: string; topic: string; cookies: string[]; senderCookies: string[] };

/** One open alliance whose #general has `count` members plus the senders, each with a session. */
async function makeFixture(db: Db, count: number): Promise<Fixture> {
  const alliance = (
    await insertAlliances(db, [
      {
        slug: "bench-channels",
        nameZh: "频道基准联盟",
        nameEn: "Channel bench alliance",
        joinPolicy: "open",
      },
    ])
  ).get("bench-channels")!;
  const [general] = await db
    .select({ id: channels.id })
    .from(channels)
    .where(and(eq(channels.allianceId, alliance.id), eq(channels.kind, "general")));
  const total = count + SENDERS;
  await db.execute(sql`
    insert into users (id, email, display_name, password_hash)
    select 'bench-ch-' || g, 'bench-ch-' || g || '@bench.invalid', '成员' || g, 'x'
    from generate_series(1, ${total}::int) g`);
  await db.execute(sql`
    insert into memberships (alliance_id, user_id, role, status, joined_at)
    select ${alliance.id}, 'bench-ch-' || g, 'member', 'active', now() from generate_series(1, ${total}::int) g`);
  const sessions = await db.execute<{ id: string }>(sql`
    insert into sessions (id, user_id, expires_at)
    select 'bench' || g || md5(random()::text), 'bench-ch-' || g, now() + interval '1 day'
    from generate_series(1, ${total}::int) g
    returning id`);
  const cookies = sessions.map((s) => `${SESSION_COOKIE}=${s.id}`);
  return {
    channelId: general.id,
    topic: channelTopic(general.id),
    cookies: cookies.slice(0, count),
    senderCookies: cookies.slice(count),
  };
}

/** `items` dealt round-robin into `parts` lists. */
function deal<T>(items: T[], parts: number): T[][] {
  const out: T[][] = Array.from({ length: parts }, () => []);
  items.forEach((item, index) => out[index % parts].push(item));
  return out;
}

type Figures = {
  p50: number;
  p99: number;
  max: number;
  /** Median time to a message's first delivery: what comes before the broadcast (sending, storing). */
  firstP50: number;
  /** p50 and p99 of each delivery's time after the message's first delivery: the broadcast alone. */
  spreadP50: number;
  spreadP99: number;
  delivered: number;
  lost: number;
  duplicates: number;
};

function percentile(sorted: number[], q: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Latency over the messages in `markers`, and how many of their deliveries to `clients` never came. */
function figures(collected: Collected[], kind: Kind, markers: number[], clients: number): Figures {
  const perMarker = new Map<number, number[]>(markers.map((marker) => [marker, []]));
  for (const { samples } of collected) {
    samples[kind].markers.forEach((marker, index) => perMarker.get(marker)?.push(samples[kind].ms[index]));
  }
  const ms: number[] = [];
  const spread: number[] = [];
  const firsts: number[] = [];
  let lost = 0;
  let duplicates = 0;
  for (const times of perMarker.values()) {
    ms.push(...times);
    const first = Math.min(...times);
    if (times.length > 0) firsts.push(first);
    spread.push(...times.map((t) => t - first));
    lost += Math.max(0, clients - times.length);
    duplicates += Math.max(0, times.length - clients);
  }
  ms.sort((a, b) => a - b);
  spread.sort((a, b) => a - b);
  firsts.sort((a, b) => a - b);
  return {
    p50: percentile(ms, 0.5),
    p99: percentile(ms, 0.99),
    max: ms.at(-1) ?? NaN,
    firstP50: percentile(firsts, 0.5),
    spreadP50: percentile(spread, 0.5),
    spreadP99: percentile(spread, 0.99),
    delivered: ms.length,
    lost,
    duplicates,
  };
}

function ackFigures(acks: number[]): Figures {
  const sorted = [...acks].sort((a, b) => a - b);
  const [p50, p99] = [percentile(sorted, 0.5), percentile(sorted, 0.99)];
  const max = sorted.at(-1)!;
  return {
    p50,
    p99,
    max,
    firstP50: NaN,
    spreadP50: NaN,
    spreadP99: NaN,
    delivered: sorted.length,
    lost: 0,
    duplicates: 0,
  };
}

/** `database`: the PostgreSQL processes, whose CPU counts as the server side's. */
type Run = { receivers: Clients[]; sender: Clients; fixture: Fixture; database: () => number[] };

async function collectAll(run: Run): Promise<Collected[]> {
  return Promise.all(run.receivers.map((c) => c.call<Collected>({ type: "collect" })));
}

const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** CPU time each process has used so far (user + system, every thread), from /proc; gone ones are left out. */
function processCpuMs(pids: number[]): Map<number, number> {
  const used = new Map<number, number>();
  for (const pid of pids) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      used.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS);
    } catch {
      // exited meanwhile (a database backend)
    }
  }
  return used;
}

function cpuSince(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** The embedded PostgreSQL's processes: the postmaster and the backends and helpers it has forked. */
function postgresPids(dataDir: string): number[] {
  const postmaster = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const children = execFileSync("pgrep", ["-P", String(postmaster)], { encoding: "utf8" });
  return [postmaster, ...children.split("\n").filter(Boolean).map(Number)];
}

async function clientCpuMs(run: Run): Promise<number> {
  const each = await Promise.all([...run.receivers, run.sender].map((c) => c.call<number>({ type: "cpu" })));
  return each.reduce((a, b) => a + b, 0);
}

async function deliveries(run: Run, kind: Kind, marker: number): Promise<number> {
  const each = await Promise.all(run.receivers.map((c) => c.call<number>({ type: "count", kind, marker })));
  return each.reduce((a, b) => a + b, 0);
}

type Series = { acks: number[]; clientCpuMs: number; serverCpuMs: number };
type Target = { kind: Kind; bytes: number; template?: ActivityFrame; servers: () => number[] };

/**
 * Sends `count` messages from `firstMarker` on, each once the previous one has reached all `clients`;
 * returns the sender's send → ack times and the CPU the clients and the target's servers spent.
 */
async function sendSeries(
  run: Run,
  target: Target,
  firstMarker: number,
  count: number,
  clients: number,
): Promise<Series> {
  const { kind, bytes, template } = target;
  const acks: number[] = [];
  const [client0, server0] = [await clientCpuMs(run), processCpuMs(target.servers())];
  for (let i = 0; i < count; i++) {
    const marker = firstMarker + i;
    const { ackMs } = await run.sender.call<{ ackMs: number }>({
      type: "send",
      kind,
      marker,
      bytes,
      template,
    });
    acks.push(ackMs);
    const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
    while ((await deliveries(run, kind, marker)) < clients && Date.now() < deadline) await sleep(20);
    await sleep(GAP_MS);
  }
  return {
    acks,
    clientCpuMs: (await clientCpuMs(run)) - client0,
    serverCpuMs: cpuSince(server0, processCpuMs(target.servers())),
  };
}

/** Opens `count` sockets of `kind` spread over the client processes (and over `urls`). */
/** `count` sockets of `kind`, dealt over the client processes and `urls`; Qilian's use the members from `first` on. */
async function open(run: Run, kind: Kind, urls: string[], count: number, first = 0) {
  const parts = deal(
    Array.from({ length: count }, (_, i) => i),
    run.receivers.length,
  );
  const cookies = run.fixture.cookies;
  const opened = await Promise.all(
    run.receivers.map((c, i) =>
      c.call<number>({
        type: "open",
        kind,
        urls,
        count: parts[i].length,
        topic: run.fixture.topic,
        cookies:
          kind === "ours" || kind === "cross" ? parts[i].map((index) => cookies[first + index]) : undefined,
      }),
    ),
  );
  const total = opened.reduce((a, b) => a + b, 0);
  if (total !== count) throw new Error(`opened ${total} of ${count} ${kind} sockets`);
}

async function closeAll(run: Run, kind: Kind) {
  await Promise.all([...run.receivers, run.sender].map((c) => c.call({ type: "close", kind })));
}

/** A baseline relay (channels-raw-server.ts or channels-socketio-server.ts) on core 0. */
async function startRelay(
  kind: "bare" | "raw",
  nodeOptions = "",
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const script =
    kind === "raw" ? "tests/bench/channels-raw-server.ts" : "tests/bench/channels-socketio-server.ts";
  const child = spawn(process.execPath, ["--import", "tsx", script, String(port)], {
    env: { ...process.env, NODE_OPTIONS: nodeOptions },
    // stderr only says that the inspector listens.
    stdio: ["ignore", "pipe", "ignore"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`the ${kind} relay exited with ${code}`)));
  });
  pin(child.pid, 0);
  return { url: `${kind === "raw" ? "ws" : "http"}://127.0.0.1:${port}`, child };
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** CPU per message: the client processes' (decoding FANOUT frames) and the server side's. */
type Cpu = { client: number; server: number };
type FanOut = {
  figures: Record<Compared, Figures>;
  acks: Figures;
  frameBytes: number;
  cpu: Record<Compared, Cpu>;
};

/** (a) Qilian, bare Socket.IO and the raw relay, in alternating rounds, FANOUT clients each. */
async function benchFanOut(run: Run, env: Record<string, string>): Promise<FanOut> {
  const server = await spawnServer(env);
  pin(server.process.pid, 0);
  const bare = await startRelay("bare");
  const raw = await startRelay("raw");
  try {
    await open(run, "ours", [server.url], FANOUT);
    await open(run, "bare", [bare.url], FANOUT);
    await open(run, "raw", [raw.url], FANOUT);
    const { fixture } = run;
    await run.sender.call({
      type: "sender",
      kind: "ours",
      url: server.url,
      cookies: fixture.senderCookies,
      channelId: fixture.channelId,
    });
    await run.sender.call({ type: "sender", kind: "bare", url: bare.url, topic: fixture.topic });
    await run.sender.call({ type: "sender", kind: "raw", url: raw.url, topic: fixture.topic });

    // Warm-up (JIT, pools) and Qilian's frame, which the baselines then copy: bare Socket.IO relays
    // the very activity, the raw relay a frame of its size.
    const targets: Record<Compared, Target> = {
      ours: { kind: "ours", bytes: BODY_BYTES, servers: () => [server.process.pid!, ...run.database()] },
      bare: { kind: "bare", bytes: 0, servers: () => [bare.child.pid!] },
      raw: { kind: "raw", bytes: 0, servers: () => [raw.child.pid!] },
    };
    let marker = 0;
    await sendSeries(run, targets.ours, marker, WARM_UP, FANOUT);
    marker += WARM_UP;
    const warm = await collectAll(run);
    targets.bare.template = warm.find((c) => c.template)!.template!;
    targets.raw.bytes = Math.max(...warm.map((c) => c.frameBytes.ours));
    for (const kind of ["bare", "raw"] as const) {
      await sendSeries(run, targets[kind], marker, WARM_UP, FANOUT);
      marker += WARM_UP;
    }
    await collectAll(run);

    const measured: Record<Compared, number[]> = { ours: [], bare: [], raw: [] };
    const cpu: Record<Compared, Cpu> = {
      ours: { client: 0, server: 0 },
      bare: { client: 0, server: 0 },
      raw: { client: 0, server: 0 },
    };
    const acks: number[] = [];
    const perRound = Math.ceil(MESSAGES / ROUNDS);
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of KINDS) {
        const count = Math.min(perRound, MESSAGES - round * perRound);
        const series = await sendSeries(run, targets[kind], marker, count, FANOUT);
        if (kind === "ours") acks.push(...series.acks);
        cpu[kind].client += series.clientCpuMs / MESSAGES;
        cpu[kind].server += series.serverCpuMs / MESSAGES;
        for (let i = 0; i < count; i++) measured[kind].push(marker + i);
        marker += count;
      }
    }
    await sleep(1000);
    const collected = await collectAll(run);
    const dropped = collected.reduce((n, c) => n + c.dropped.ours + c.dropped.bare + c.dropped.raw, 0);
    if (dropped > 0) console.warn(`fan-out: the servers closed ${dropped} client sockets during the run`);
    return {
      figures: {
        ours: figures(collected, "ours", measured.ours, FANOUT),
        bare: figures(collected, "bare", measured.bare, FANOUT),
        raw: figures(collected, "raw", measured.raw, FANOUT),
      },
      acks: ackFigures(acks),
      frameBytes: targets.raw.bytes,
      cpu,
    };
  } catch (error) {
    console.error(server.output());
    throw error;
  } finally {
    for (const kind of KINDS) await closeAll(run, kind);
    await server.stop();
    await stopChild(bare.child);
    await stopChild(raw.child);
  }
}

type Memory = { rss: number; heap: number };

/** RSS and V8 heap of a process after two full collections, asked through its inspector. */
async function memoryAfterGc(pid: number, inspectPort: number): Promise<Memory> {
  const [target] = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  const { WebSocket } = clientWs();
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  let id = 0;
  const call = <T>(method: string): Promise<T> =>
    new Promise((resolve) => {
      const mine = ++id;
      const listener = (data: unknown) => {
        const message = JSON.parse(String(data)) as { id?: number; result: T };
        if (message.id !== mine) return;
        socket.off("message", listener);
        resolve(message.result);
      };
      socket.on("message", listener);
      socket.send(JSON.stringify({ id: mine, method }));
    });
  await call("HeapProfiler.collectGarbage");
  await call("HeapProfiler.collectGarbage");
  const { usedSize } = await call<{ usedSize: number }>("Runtime.getHeapUsage");
  socket.close();
  await sleep(500);
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)![1]);
  return { rss: rssKb * 1024, heap: usedSize };
}

/** (b) IDLE connections' cost on each server: (after − before) / IDLE, both after a warm-up. */
async function benchMemory(run: Run, env: Record<string, string>): Promise<Record<Compared, Memory>> {
  const warmUp = Math.min(200, IDLE);
  const settle = 3000;
  const result = {} as Record<Compared, Memory>;
  for (const kind of KINDS) {
    const inspectPort = await freePort();
    const inspect = `--inspect=127.0.0.1:${inspectPort}`;
    let pid: number;
    let url: string;
    let stop: () => Promise<void>;
    let output = () => "";
    if (kind === "ours") {
      const server = await spawnServer({ ...env, NODE_OPTIONS: inspect });
      [pid, url, stop, output] = [server.process.pid!, server.url, () => server.stop(), server.output];
    } else {
      const relay = await startRelay(kind, inspect);
      [pid, url, stop] = [relay.child.pid!, relay.url, () => stopChild(relay.child)];
    }
    pin(pid, 0);
    try {
      await open(run, kind, [url], warmUp);
      await closeAll(run, kind);
      await sleep(settle);
      const before = await memoryAfterGc(pid, inspectPort);
      await open(run, kind, [url], IDLE);
      await sleep(settle);
      const after = await memoryAfterGc(pid, inspectPort);
      result[kind] = { rss: (after.rss - before.rss) / IDLE, heap: (after.heap - before.heap) / IDLE };
    } catch (error) {
      console.error(output());
      throw error;
    } finally {
      await closeAll(run, kind);
      await stop();
    }
  }
  return result;
}

type CrossNode = {
  figures: Record<"ours" | "cross", Figures>;
  acks: Record<"ours" | "cross", Figures>;
  cpu: Record<"ours" | "cross", Cpu>;
};

/**
 * (c) Two processes sharing Redis (`cross`: members split across both, the sender on the first) beside
 * one process without Redis (`ours`: as many other members), in alternating rounds on one channel.
 */
async function benchCrossNode(run: Run, env: Record<string, string>): Promise<CrossNode> {
  const redis = await startRedis();
  pin(redis.pid, 0);
  const servers: SpawnedServer[] = [];
  try {
    servers.push(
      ...(await Promise.all([
        spawnServer(env),
        spawnServer({ ...env, REDIS_URL: redis.url }),
        spawnServer({ ...env, REDIS_URL: redis.url }),
      ])),
    );
    for (const server of servers) pin(server.process.pid, 0);
    const [single, ...cluster] = servers;
    await open(run, "ours", [single.url], FANOUT);
    await open(
      run,
      "cross",
      cluster.map((s) => s.url),
      FANOUT,
      FANOUT,
    );
    const { fixture } = run;
    const sender = { cookies: fixture.senderCookies, channelId: fixture.channelId };
    await run.sender.call({ type: "sender", kind: "ours", url: single.url, ...sender });
    await run.sender.call({ type: "sender", kind: "cross", url: cluster[0].url, ...sender });
    const targets = {
      ours: { kind: "ours", bytes: BODY_BYTES, servers: () => [single.process.pid!, ...run.database()] },
      cross: {
        kind: "cross",
        bytes: BODY_BYTES,
        servers: () => [...cluster.map((s) => s.process.pid!), redis.pid, ...run.database()],
      },
    } satisfies Record<"ours" | "cross", Target>;
    // Markers continue past the fan-out's so that nothing from one phase counts in the other.
    let marker = 10_000;
    for (const kind of ["ours", "cross"] as const) {
      await sendSeries(run, targets[kind], marker, WARM_UP, FANOUT);
      marker += WARM_UP;
    }
    await collectAll(run);
    const measured = { ours: [] as number[], cross: [] as number[] };
    const acks = { ours: [] as number[], cross: [] as number[] };
    const cpu = { ours: { client: 0, server: 0 }, cross: { client: 0, server: 0 } };
    const perRound = Math.ceil(MESSAGES / ROUNDS);
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of ["ours", "cross"] as const) {
        const count = Math.min(perRound, MESSAGES - round * perRound);
        const series = await sendSeries(run, targets[kind], marker, count, FANOUT);
        acks[kind].push(...series.acks);
        cpu[kind].client += series.clientCpuMs / MESSAGES;
        cpu[kind].server += series.serverCpuMs / MESSAGES;
        for (let i = 0; i < count; i++) measured[kind].push(marker + i);
        marker += count;
      }
    }
    await sleep(1000);
    const collected = await collectAll(run);
    const dropped = collected.reduce((n, c) => n + c.dropped.ours + c.dropped.cross, 0);
    if (dropped > 0) console.warn(`cross-node: the servers closed ${dropped} client sockets during the run`);
    return {
      figures: {
        ours: figures(collected, "ours", measured.ours, FANOUT),
        cross: figures(collected, "cross", measured.cross, FANOUT),
      },
      acks: { ours: ackFigures(acks.ours), cross: ackFigures(acks.cross) },
      cpu,
    };
  } catch (error) {
    for (const server of servers) console.error(server.output());
    throw error;
  } finally {
    await closeAll(run, "ours");
    await closeAll(run, "cross");
    await Promise.all(servers.map((s) => s.stop()));
    await redis.stop();
  }
}

/** Each server holds IDLE sockets plus its database pool; the client processes share the rest. */
function checkDescriptorLimit() {
  const limit = Number(execFileSync("sh", ["-c", "ulimit -n"], { encoding: "utf8" }).trim());
  const needed = IDLE + 1000;
  if (Number.isFinite(limit) && limit < needed) {
    throw new Error(
      `ulimit -n is ${limit}; the channel benchmark holds ${IDLE} sockets per server: run \`ulimit -n ${needed}\` first`,
    );
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function table(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const row of [header, widths.map((w) => "-".repeat(w)), ...rows]) {
    console.log(row.map((cell, i) => cell.padEnd(widths[i])).join(" | "));
  }
}

export async function benchChannels(): Promise<void> {
  checkDescriptorLimit();
  ensureBuild();
  const embedded = await startEmbeddedPostgres({ dir: tempDataDir("qilian-bench-ch-pg-"), ephemeral: true });
  const database = connectDatabase(embedded.url, { max: 4 });
  const receivers = Array.from({ length: CLIENT_PROCESSES }, () => new Clients());
  const sender = new Clients();
  try {
    await migrateDatabase(embedded.url);
    const fixture = await makeFixture(database.db, Math.max(2 * FANOUT, IDLE));
    // The database serves the servers: it shares their core, away from the clients'.
    for (const pid of postgresPids(embedded.dataDir)) pin(pid, 0);
    const run: Run = { receivers, sender, fixture, database: () => postgresPids(embedded.dataDir) };
    const env = {
      DATABASE_URL: embedded.url,
      SEED_DEMO: "false",
      BACKGROUND_JOBS: "false",
      LOG_LEVEL: "error",
    };

    const fanOut = await benchFanOut(run, env);
    const memory = await benchMemory(run, env);
    const crossNode = await benchCrossNode(run, env);

    const total = FANOUT * MESSAGES;
    const f = fanOut.figures;
    console.log(
      `\nChannels: ${FANOUT} members, ${MESSAGES} messages of ${BODY_BYTES} bytes per server (${ROUNDS} alternating ` +
        `rounds; frames of ${fanOut.frameBytes} bytes); ${IDLE} idle sockets` +
        `${canPin ? "; servers (and PostgreSQL, Redis) on core 0, clients on core 1" : ""}\n`,
    );
    const row = (
      name: string,
      value: (kind: Compared) => number,
      format: (n: number) => string,
      target = "",
    ) => [
      name,
      ...KINDS.map((kind) => format(value(kind))),
      (value("ours") / value("raw")).toFixed(2),
      target,
    ];
    table(
      ["measure", "Qilian", "bare Socket.IO", "raw ws", "Qilian ÷ raw", "target"],
      [
        row("fan-out p50 (send → receipt)", (k) => f[k].p50, ms),
        row("fan-out p99 (send → receipt)", (k) => f[k].p99, ms, "≤ 1.30"),
        row("fan-out max", (k) => f[k].max, ms),
        row("first delivery p50 (before the broadcast)", (k) => f[k].firstP50, ms),
        row("broadcast alone p50 (1st receipt → receipt)", (k) => f[k].spreadP50, ms),
        row("broadcast alone p99 (1st receipt → receipt)", (k) => f[k].spreadP99, ms),
        [
          ...row(
            "fan-out lost",
            (k) => f[k].lost,
            (n) => `${n} of ${total}`,
          ).slice(0, 4),
          "",
          "0",
        ],
        ["send → ack p50 / p99", `${ms(fanOut.acks.p50)} / ${ms(fanOut.acks.p99)}`, "—", "—", "", ""],
        row("server CPU per message (Qilian: with PostgreSQL)", (k) => fanOut.cpu[k].server, ms),
        row(`client CPU per message (${FANOUT} receivers)`, (k) => fanOut.cpu[k].client, ms),
        row("memory per idle socket, RSS", (k) => memory[k].rss, kb, "≤ 2"),
        row("memory per idle socket, V8 heap", (k) => memory[k].heap, kb),
      ],
    );
    console.log("");
    const [one, two] = [crossNode.figures.ours, crossNode.figures.cross];
    const added = (value: (f: Figures) => number) => [
      ms(value(two)),
      ms(value(one)),
      ms(value(two) - value(one)),
    ];
    table(
      [
        "cross-node (same channel, alternating rounds)",
        "2 processes + Redis",
        "1 process",
        "added",
        "target",
      ],
      [
        ["fan-out p50", ...added((x) => x.p50), ""],
        ["fan-out p99", ...added((x) => x.p99), "≤ 10 ms"],
        ["first delivery p50", ...added((x) => x.firstP50), ""],
        ["broadcast alone p99", ...added((x) => x.spreadP99), ""],
        ["lost", `${two.lost} of ${total}`, `${one.lost} of ${total}`, "", "0"],
        ["duplicates", String(two.duplicates), String(one.duplicates), "", "0"],
        ["send → ack p50", ms(crossNode.acks.cross.p50), ms(crossNode.acks.ours.p50), "", ""],
        [
          "server CPU per message (with PostgreSQL, Redis)",
          ms(crossNode.cpu.cross.server),
          ms(crossNode.cpu.ours.server),
          "",
          "",
        ],
      ],
    );
  } finally {
    for (const c of [...receivers, sender]) c.stop();
    await database.close();
    await embedded.stop();
  }
}
