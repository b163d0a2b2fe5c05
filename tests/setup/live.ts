import crypto from "node:crypto";
import { io } from "socket.io-client";
import { users } from "../../db/schema/index";
import type { LiveSocket } from "~/realtime/live-client";
import type { SubscribeResult, UnsubscribeResult } from "~/realtime/protocol";
import { startSession } from "~/utils/auth.server";
import type { Db } from "~/utils/db.server";
import type { Config } from "~/utils/env.server";

/** Socket tests' helpers: users with sessions, and Node socket.io clients that present them. */

export async function createUser(db: Db, platformRole: "admin" | null = null) {
  const id = crypto.randomUUID();
  await db.insert(users).values({
    id,
    email: `live-${id}@test.qilian.example`,
    displayName: `Live ${id.slice(0, 8)}`,
    passwordHash: "not-a-real-hash",
    platformRole,
  });
  return { id };
}

/** A session for the user and the Cookie header a browser would send with it. */
export async function signIn(deps: { db: Db; config: Config }, userId: string) {
  const { sessionId, setCookie } = await startSession(deps, userId);
  return { sessionId, cookie: setCookie.split(";")[0] };
}

type ClientOptions = { cookie?: string; origin?: string | null };

/** A client that has not connected yet; `origin` defaults to the server's own, null sends none. */
export function client(url: string, { cookie, origin = url }: ClientOptions = {}): LiveSocket {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (origin) headers.origin = origin;
  return io(url, {
    transports: ["websocket"],
    extraHeaders: headers,
    autoConnect: false,
    reconnection: false,
    forceNew: true,
  });
}

/** Connects and resolves once the server has accepted the socket. */
export function connect(socket: LiveSocket): Promise<LiveSocket> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
    socket.connect();
  });
}

/** Connects and resolves with the refusal; fails if the server accepts the socket. */
export function refusal(
  socket: LiveSocket,
): Promise<Error & { data?: { code?: string }; description?: unknown }> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => reject(new Error("the server accepted a socket it should have refused")));
    socket.once("connect_error", resolve);
    socket.connect();
  });
}

export function subscribe(socket: LiveSocket, payload: unknown): Promise<SubscribeResult> {
  return new Promise((resolve) =>
    (socket.emit as (...args: unknown[]) => void)("subscribe", payload, resolve),
  );
}

export function unsubscribe(socket: LiveSocket, payload: unknown): Promise<UnsubscribeResult> {
  return new Promise((resolve) =>
    (socket.emit as (...args: unknown[]) => void)("unsubscribe", payload, resolve),
  );
}

/** Resolves when the server ends the socket, with Socket.IO's reason; fails after `ms`. */
export function disconnection(socket: LiveSocket, ms = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the server did not end the socket")), ms);
    socket.once("disconnect", (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

/** Waits until `predicate` holds, polling; fails with `what` after `ms`. */
export async function until(
  predicate: () => boolean | Promise<boolean>,
  what: string,
  ms = 5000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Gives in-flight packets time to arrive, for asserting that something did NOT happen. */
export const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));
