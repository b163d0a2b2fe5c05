import type { MessageKey } from "~/i18n/dictionary";
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

/** Who in an alliance is online: people with a page open that watches the alliance's presence. */
export type PresenceUser = { userId: string; name: string };
export type PresenceRequest = { allianceId: string };
/** Everyone online now, each person once however many tabs they have open. */
export type PresenceResult = { ok: true; online: PresenceUser[] } | { ok: false; error: RealtimeError };
/** A person's first tab arrived (online) or their last one left (offline). */
export type PresenceEvent = { allianceId: string; userId: string; name: string; online: boolean };

export type TypingRequest = { channelId: string };
/** `relayed: false` when throttled or, with `large`, when the channel has too many readers to show typing. */
export type TypingResult =
  { ok: true; relayed: boolean; large: boolean } | { ok: false; error: RealtimeError };
export type TypingEvent = { channelId: string; userId: string; name: string };

/**
 * A channel message as its readers see it (app/models/channel-messages.server.ts). Live payloads
 * (`message.created` / `message.updated` activities on the channel's topic, `{ message }`) carry it with
 * `body` null: every reader shares them. Clients replace a message by id.
 */
export type MessageView = {
  id: string;
  seq: number;
  channelId: string;
  author: { id: string; name: string };
  /** Sanitized HTML (mentions as <span class="mention" data-user-id>), "" when deleted or hidden. */
  bodyHtml: string;
  /** The Markdown source, only for the author's own visible messages (edit); null otherwise. */
  body: string | null;
  /** excerpt: plain text of at most 140 characters, "" when the quoted message was removed or hidden. */
  replyTo: { id: string; authorName: string; excerpt: string } | null;
  createdAt: string;
  editedAt: string | null;
  state: "visible" | "deleted" | "hidden";
  hiddenReason: string | null;
  /** The ids of the users it mentions. */
  mentions: string[];
};

/** `clientKey` is made once per draft by the client: a retried send returns the first message. */
export type SendInput = { channelId: string; body: string; replyToId?: string | null; clientKey: string };
export type EditInput = { messageId: string; body: string };
export type DeleteInput = { messageId: string };
export type ReadInput = { channelId: string; seq: number };

/** `message` is an i18n key; `field` names the input at fault, for the form. */
export type MessageError = {
  code: "bad_request" | "unauthenticated" | "forbidden" | "not_found" | "limit" | "internal";
  message: MessageKey;
  field?: string;
};
export type MessageResult =
  { ok: true; message: MessageView; duplicate?: boolean } | { ok: false; error: MessageError };
export type ReadResult = { ok: true } | { ok: false; error: MessageError };

export interface ServerToClientEvents {
  activity: (activity: LiveActivity) => void;
  presence: (event: PresenceEvent) => void;
  typing: (event: TypingEvent) => void;
  /**
   * The server ended the session this socket was opened with (log-out elsewhere, password change,
   * suspension); the disconnect follows. Sent so the page can say so: a server restart disconnects
   * sockets too, with the same reason, but leaves the session alone.
   */
  "session:ended": () => void;
}

export interface ClientToServerEvents {
  subscribe: (request: SubscribeRequest, ack: (result: SubscribeResult) => void) => void;
  unsubscribe: (request: UnsubscribeRequest, ack?: (result: UnsubscribeResult) => void) => void;
  /** Requests without an acknowledgement function are ignored. */
  "message:send": (request: SendInput, ack: (result: MessageResult) => void) => void;
  "message:edit": (request: EditInput, ack: (result: MessageResult) => void) => void;
  "message:delete": (request: DeleteInput, ack: (result: MessageResult) => void) => void;
  /** Moves the read position forward only; the user's other tabs hear `channel.read` on their topic. */
  "channel:read": (request: ReadInput, ack: (result: ReadResult) => void) => void;
  "presence:watch": (request: PresenceRequest, ack: (result: PresenceResult) => void) => void;
  "presence:unwatch": (request: PresenceRequest, ack?: (result: UnsubscribeResult) => void) => void;
  typing: (request: TypingRequest, ack?: (result: TypingResult) => void) => void;
}

/** The `data` of a refused handshake's connect_error. */
export type HandshakeErrorData = { code: "unauthenticated" | "internal" };
