import type { Activity, LiveActivity } from "./types";

/** What travels over the socket, shared by the server and the browser client. */

export type ErrorCode = "bad_request" | "unauthenticated" | "forbidden" | "not_found" | "limit" | "internal";
export type RealtimeError = { code: ErrorCode; message: string };

export type SubscribeRequest = { topic: string; after: number };
/**
 * The activities after `after`, oldest first. `more` says the page was full: ask again with the last id
 * received before applying live events, or some would arrive ahead of older ones.
 */
export type SubscribeResult =
  { ok: true; activities: Activity[]; more: boolean } | { ok: false; error: RealtimeError };

export type UnsubscribeRequest = { topic: string };
export type UnsubscribeResult = { ok: true } | { ok: false; error: RealtimeError };

export interface ServerToClientEvents {
  activity: (activity: LiveActivity) => void;
}

export interface ClientToServerEvents {
  subscribe: (request: SubscribeRequest, ack: (result: SubscribeResult) => void) => void;
  unsubscribe: (request: UnsubscribeRequest, ack?: (result: UnsubscribeResult) => void) => void;
}

/** The `data` of a refused handshake's connect_error. */
export type HandshakeErrorData = { code: "unauthenticated" | "internal" };
