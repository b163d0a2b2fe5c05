import crypto from "node:crypto";
import { io, type Socket } from "socket.io-client";
import type { WebSocket as RawSocket } from "ws";
import { clientWs } from "./channels-ws";

/**
 * One client process of the channel benchmark (channels.ts forks several, pinned to the load core):
 * holds light Engine.IO clients on Qilian (`ours`; `cross` for the two-process cluster, measured beside
 * it) and on a bare Socket.IO relay (`bare`), and raw `ws` sockets on the raw relay (`raw`); records
 * when each message arrives, and can act as the sender (with socket.io-client). Send
 * and arrival times come from process.hrtime, the system-wide monotonic clock, so latencies compare
 * across processes.
 */
export type Kind = "ours" | "cross" | "bare" | "raw";
/** Qilian's kinds: signed-in sockets following the channel, messages sent with `message:send`. */
type QilianKind = "ours" | "cross";
const isQilian = (kind: Kind): kind is QilianKind => kind === "ours" || kind === "cross";

/** A delivered activity, as the bare relay repeats it. */
export type ActivityFrame = { type: string; payload: { message?: { bodyHtml?: string } } };

export type Command =
  | { type: "open"; kind: Kind; urls: string[]; count: number; cookies?: string[]; topic: string }
  | { type: "sender"; kind: QilianKind; url: string; cookies: string[]; channelId: string }
  | { type: "sender"; kind: "bare" | "raw"; url: string; topic: string }
  /** `bytes`: the body's size for `ours`, the frame's for `raw`; `bare` repeats `template`. */
  | { type: "send"; kind: Kind; marker: number; bytes: number; template?: ActivityFrame }
  | { type: "count"; kind: Kind; marker: number }
  | { type: "cpu" }
  | { type: "collect" }
  | { type: "close"; kind: Kind };

export type Samples = { markers: number[]; ms: number[] };
export type Collected = {
  samples: Record<Kind, Samples>;
  /** The size of one delivered frame as it travelled (Socket.IO's `42[…]` text), 0 before any. */
  frameBytes: Record<Kind, number>;
  /** The first activity Qilian delivered: what the bare relay sends. */
  template: ActivityFrame | null;
  /** Sockets the server closed during the run: their deliveries count as lost. */
  dropped: Record<Kind, number>;
};

type Request = { id: number; command: Command };
export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

const { WebSocket } = clientWs();
const CONNECT_CONCURRENCY = 25;
const MARK = /m=(\d+) t=(\d+)/;
const NEW_MESSAGE = '"type":"message.created"';

const perKind = <T>(make: () => T): Record<Kind, T> => ({
  ours: make(),
  cross: make(),
  bare: make(),
  raw: make(),
});
const sockets = perKind<(Socket | RawSocket)[]>(() => []);
let samples = perKind<Samples>(() => ({ markers: [], ms: [] }));
/** Deliveries per message so far, for the sender's pacing. */
let counts = perKind(() => new Map<number, number>());
const frameBytes = perKind(() => 0);
const dropped = perKind(() => 0);
/** Sockets closed here: a `ws` socket's close event comes after the closing handshake, maybe much later. */
const closed = new WeakSet<Socket | RawSocket>();
let template: ActivityFrame | null = null;
const senders = perKind<(Socket | RawSocket)[]>(() => []);
const sending = { channelId: "", topic: "", next: 0 };

/**
 * What every measuring client does with a frame, whichever the server: its arrival time first, then
 * the text, a check that it is a new message (Qilian also sends other activities) and the mark read
 * out of it. Nothing is decoded further, so the tail measures the servers rather than client decoding.
 */
function record(kind: Kind, data: unknown, arrived: bigint): string | null {
  const text = String(data);
  if (!text.includes(NEW_MESSAGE)) return null;
  const match = MARK.exec(text);
  if (!match) return null;
  const marker = Number(match[1]);
  counts[kind].set(marker, (counts[kind].get(marker) ?? 0) + 1);
  samples[kind].markers.push(marker);
  samples[kind].ms.push(Number(arrived - BigInt(match[2])) / 1e6);
  if (!frameBytes[kind]) frameBytes[kind] = Buffer.byteLength(text);
  return text;
}

function socketIo(url: string, cookie?: string): Socket {
  return io(url, {
    transports: ["websocket"],
    extraHeaders: cookie ? { cookie, origin: url } : { origin: url },
    reconnection: false,
    forceNew: true,
  });
}

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
}

function openRawSocket(url: string): Promise<RawSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    socket.once("open", () => resolve(socket));
    socket.once("error", reject);
  });
}

/** Runs `open(i)` for 0..count-1, a few at a time: a burst of thousands of handshakes tests nothing here. */
async function paced(count: number, open: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONNECT_CONCURRENCY, count) }, async () => {
      while (next < count) await open(next++);
    }),
  );
}

/**
 * A measuring client of a Socket.IO server, speaking Engine.IO 4 / Socket.IO 5 over `ws` itself (as
 * the raw clients do): open, connect to the main namespace, join the topic (Qilian: `subscribe`, bare:
 * `join`) with an acknowledgement, answer pings; then each `42["activity",…]` frame is only recorded.
 */
function openLightSocket(kind: Exclude<Kind, "raw">, url: string, topic: string, cookie?: string) {
  const endpoint = `${url.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`;
  const headers: Record<string, string> = cookie ? { cookie, origin: url } : { origin: url };
  const socket = new WebSocket(endpoint, { perMessageDeflate: false, headers });
  const join = JSON.stringify([isQilian(kind) ? "subscribe" : "join", { topic, after: 0 }]);
  return new Promise<RawSocket>((resolve, reject) => {
    let joined = false;
    socket.on("message", (data) => {
      const arrived = process.hrtime.bigint();
      if (joined) {
        const text = record(kind, data, arrived);
        if (text && kind === "ours" && !template)
          template = (JSON.parse(text.slice(2)) as unknown[])[1] as ActivityFrame;
        else if (!text && String(data) === "2") socket.send("3");
        return;
      }
      const text = String(data);
      if (text === "2") socket.send("3");
      else if (text.startsWith("0{")) socket.send("40");
      else if (text.startsWith("40")) socket.send(`420${join}`);
      else if (text.startsWith("44")) reject(new Error(`connection refused: ${text}`));
      else if (text.startsWith("430")) {
        const [answer] = JSON.parse(text.slice(3)) as [{ ok: boolean; error?: unknown }];
        if (!answer.ok) return reject(new Error(`subscribe refused: ${JSON.stringify(answer.error)}`));
        joined = true;
        resolve(socket);
      }
    });
    socket.once("error", reject);
    socket.on("close", () => {
      if (!joined) reject(new Error("closed before joining"));
      else if (!closed.has(socket)) dropped[kind]++;
    });
  });
}

async function openSocketIo(
  kind: Exclude<Kind, "raw">,
  urls: string[],
  count: number,
  topic: string,
  cookies?: string[],
) {
  await paced(count, async (index) => {
    sockets[kind].push(await openLightSocket(kind, urls[index % urls.length], topic, cookies?.[index]));
  });
}

async function openRaw(urls: string[], count: number) {
  await paced(count, async (index) => {
    const socket = await openRawSocket(urls[index % urls.length]);
    socket.on("message", (data) => {
      record("raw", data, process.hrtime.bigint());
    });
    socket.on("close", () => {
      if (!closed.has(socket)) dropped.raw++;
    });
    sockets.raw.push(socket);
  });
}

/** `text` filled up to `bytes` (ASCII) with letters: the server trims a message's surrounding spaces. */
function padded(text: string, bytes: number): string {
  return `${text} `.padEnd(bytes, "x");
}

type SendResult = { ok: true } | { ok: false; error: unknown };

async function send(command: Extract<Command, { type: "send" }>): Promise<{ ackMs: number }> {
  const { kind, marker, bytes } = command;
  const sent = process.hrtime.bigint();
  const mark = `m=${marker} t=${sent}`;
  // Senders take turns: one user's sends are rate-limited like anyone's.
  const socket = senders[kind][sending.next++ % senders[kind].length];
  if (kind === "raw") {
    // The frame the raw clients receive is exactly what is sent, `bytes` long: Qilian's frames' size.
    const frame = JSON.stringify({ type: "message.created", text: mark, pad: "" });
    (socket as RawSocket).send(
      frame.replace('"pad":""', `"pad":"${" ".repeat(Math.max(0, bytes - frame.length))}"`),
    );
    return { ackMs: 0 };
  }
  if (kind === "bare") {
    // Qilian's own activity, only its mark changed: the same frame, give or take a digit.
    const bodyHtml = (command.template!.payload.message?.bodyHtml ?? "").replace(MARK, mark);
    const message = { ...command.template!.payload.message, bodyHtml };
    const activity = { ...command.template!, payload: { message } };
    (socket as Socket).emit("relay", { topic: sending.topic, activity });
    return { ackMs: 0 };
  }
  const result = (await (socket as Socket).timeout(30_000).emitWithAck("message:send", {
    channelId: sending.channelId,
    body: padded(`bench ${mark}`, bytes),
    clientKey: crypto.randomUUID(),
  })) as SendResult;
  if (!result.ok) throw new Error(`message:send refused: ${JSON.stringify(result.error)}`);
  return { ackMs: Number(process.hrtime.bigint() - sent) / 1e6 };
}

async function closeAll(kind: Kind): Promise<void> {
  for (const socket of [...sockets[kind], ...senders[kind]]) {
    closed.add(socket);
    socket.close();
  }
  sockets[kind] = [];
  senders[kind] = [];
  dropped[kind] = 0;
  // Let the close frames go out before the servers are stopped or measured.
  await new Promise((resolve) => setTimeout(resolve, 200));
}

async function run(command: Command): Promise<unknown> {
  switch (command.type) {
    case "open":
      if (command.kind === "raw") await openRaw(command.urls, command.count);
      else await openSocketIo(command.kind, command.urls, command.count, command.topic, command.cookies);
      return sockets[command.kind].length;
    case "sender":
      if ("channelId" in command) {
        sending.channelId = command.channelId;
        const sockets = command.cookies.map((cookie) => socketIo(command.url, cookie));
        await Promise.all(sockets.map(connected));
        senders[command.kind] = sockets;
      } else if (command.kind === "bare") {
        sending.topic = command.topic;
        const socket = socketIo(command.url);
        await connected(socket);
        senders.bare = [socket];
      } else {
        senders.raw = [await openRawSocket(command.url)];
      }
      return null;
    case "send":
      return send(command);
    case "count":
      return counts[command.kind].get(command.marker) ?? 0;
    case "cpu": {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    }
    case "collect": {
      const collected: Collected = {
        samples,
        frameBytes: { ...frameBytes },
        template,
        dropped: { ...dropped },
      };
      samples = perKind<Samples>(() => ({ markers: [], ms: [] }));
      counts = perKind(() => new Map<number, number>());
      return collected;
    }
    case "close":
      return closeAll(command.kind);
  }
}

process.on("message", (request: Request) => {
  run(request.command).then(
    (value) => process.send!({ id: request.id, ok: true, value } satisfies Reply),
    (error: unknown) =>
      process.send!({
        id: request.id,
        ok: false,
        error: String((error as Error)?.stack ?? error),
      } satisfies Reply),
  );
});
process.on("disconnect", () => process.exit(0));
