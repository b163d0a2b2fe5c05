import type { MessageResult } from "~/realtime/protocol";
import { getLive } from "~/realtime/socket.client";

/** How long an acknowledgement may take before the composer offers a retry (with the same key). */
const ACK_TIMEOUT = 10_000;

/** A failure the server reported, or `timeout` when no acknowledgement came. */
export type RequestError = { code: string; message: string };
export type RequestResult = MessageResult | { ok: false; error: RequestError };

const timeout: RequestError = { code: "timeout", message: "" };

/**
 * Sends over the page's socket and waits for the acknowledgement. A frame emitted while disconnected
 * waits in Socket.IO's buffer; when the ack times out it is dropped from there, and the retry (same
 * client key) makes at most one message.
 */
export function sendMessage(input: {
  channelId: string;
  body: string;
  replyToId: string | null;
  clientKey: string;
}): Promise<RequestResult> {
  return new Promise((resolve) => {
    getLive()
      .socket.timeout(ACK_TIMEOUT)
      .emit("message:send", input, (error: Error | null, result: MessageResult) =>
        resolve(error ? { ok: false, error: timeout } : result),
      );
  });
}

export function editMessage(input: { messageId: string; body: string }): Promise<RequestResult> {
  return new Promise((resolve) => {
    getLive()
      .socket.timeout(ACK_TIMEOUT)
      .emit("message:edit", input, (error: Error | null, result: MessageResult) =>
        resolve(error ? { ok: false, error: timeout } : result),
      );
  });
}

export function deleteMessage(input: { messageId: string }): Promise<RequestResult> {
  return new Promise((resolve) => {
    getLive()
      .socket.timeout(ACK_TIMEOUT)
      .emit("message:delete", input, (error: Error | null, result: MessageResult) =>
        resolve(error ? { ok: false, error: timeout } : result),
      );
  });
}

/**
 * Moves the read position: over the socket when it is up, else through the HTTP route (a tab whose
 * socket is down still clears its unread count).
 */
export async function markRead(channelId: string, seq: number): Promise<boolean> {
  const { socket } = getLive();
  if (socket.connected) {
    return new Promise((resolve) => {
      socket
        .timeout(ACK_TIMEOUT)
        .emit("channel:read", { channelId, seq }, (error: Error | null, result: { ok: boolean }) =>
          resolve(!error && result.ok),
        );
    });
  }
  const body = new URLSearchParams({ intent: "read", seq: String(seq) });
  const response = await fetch(`/channels/${channelId}/messages`, { method: "POST", body }).catch(() => null);
  return response?.ok ?? false;
}
