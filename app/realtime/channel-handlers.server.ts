import type { Socket } from "socket.io";
import { channelAccess } from "~/models/channel-access.server";
import { deleteMessage, editMessage, invalid, markRead, sendMessage } from "~/models/channel-messages.server";
import type { Services } from "~/server/context.server";
import { checkSessionCookie, type SessionUser } from "~/utils/auth.server";
import { deleteSchema, editSchema, readSchema, sendSchema } from "~/validation/channel-message";
import type { MessageError, MessageResult, ReadResult } from "./protocol";
import { sendLimiter } from "./rate-limit";

type Result = MessageResult | ReadResult;
type Handler = (user: SessionUser, payload: unknown) => Promise<Result>;

const failure = (code: MessageError["code"], message: MessageError["message"]) =>
  ({ ok: false, error: { code, message } }) as const;

/**
 * A signed-in socket's channel requests: send, edit, delete, mark read. Each one re-checks the session
 * (it may have ended since the handshake) and answers through its acknowledgement, failures included:
 * a bad request never costs the connection. A request without an acknowledgement is ignored. One
 * socket's requests run one at a time, in arrival order, so its messages keep the order it sent them in.
 *
 * Oversized frames never get here: above maxHttpBufferSize (server.server.ts) Socket.IO closes the
 * connection, which the client avoids by holding messages to 10,000 characters before sending.
 */
export function handleChannelMessages(socket: Socket, services: Services) {
  let queue = Promise.resolve();

  const on = (event: string, handle: Handler) => {
    socket.on(event, (payload: unknown, ack: unknown) => {
      if (typeof ack !== "function") return;
      queue = queue.then(async () => {
        let result: Result;
        let ended = false;
        try {
          const session = await checkSessionCookie(services, socket.handshake.headers.cookie);
          if (session) result = await handle(session.user, payload);
          else {
            ended = true;
            result = failure("unauthenticated", "channelMessage.error.unauthenticated");
          }
        } catch (error) {
          services.log.error({ err: error, component: "realtime", event }, "channel request failed");
          result = failure("internal", "channelMessage.error.internal");
        }
        try {
          ack(result);
        } catch (error) {
          services.log.error({ err: error, component: "realtime", event }, "acknowledgement failed");
        }
        if (ended) socket.disconnect(true);
      });
    });
  };

  on("message:send", async (user, payload) => {
    const request = sendSchema.safeParse(payload);
    if (!request.success) return invalid(request.error);
    if (sendLimiter().take(user.id) > 0) return failure("limit", "channelMessage.error.limit");
    return sendMessage(services, user, request.data);
  });

  on("message:edit", async (user, payload) => {
    const request = editSchema.safeParse(payload);
    return request.success ? editMessage(services, user, request.data) : invalid(request.error);
  });

  on("message:delete", async (user, payload) => {
    const request = deleteSchema.safeParse(payload);
    return request.success ? deleteMessage(services, user, request.data) : invalid(request.error);
  });

  on("channel:read", async (user, payload) => {
    const request = readSchema.safeParse(payload);
    if (!request.success) return invalid(request.error);
    const channel = await channelAccess(services.db, user, request.data.channelId);
    if (!channel) return failure("not_found", "channelMessage.error.notFound");
    await markRead(services, user, channel, request.data.seq);
    return { ok: true };
  });
}
