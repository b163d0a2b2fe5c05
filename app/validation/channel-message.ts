import { z } from "zod";
import type { MessageKey } from "~/i18n/dictionary";

/**
 * Channel messages: one schema per request, shared by the HTTP form (channels.$id.messages.tsx, the
 * channel in its URL) and the socket events (channel-handlers.server.ts, the channel in the payload).
 * Messages are i18n keys.
 *
 * Lengths count UTF-16 units, as a textarea's maxlength does: never more characters than the database's
 * char_length check allows. The browser enforces the limit before sending, so a socket frame stays far
 * below the server's 64 KiB cap (app/realtime/server.server.ts), where Socket.IO would drop it.
 */

export const BODY_MAX = 10_000;
export const CLIENT_KEY = /^[A-Za-z0-9_-]{8,64}$/;
/** The most messages one history request returns. */
export const PAGE_MAX = 100;

const m = (key: MessageKey) => key;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const required = (key: MessageKey) => ({ required_error: m(key), invalid_type_error: m(key) });

const body = z
  .string(required("channelMessage.error.bodyRequired"))
  // PostgreSQL text cannot hold NUL; nobody types one.
  .transform((text) => text.replaceAll("\u0000", "").trim())
  .pipe(
    z
      .string()
      .min(1, m("channelMessage.error.bodyRequired"))
      .max(BODY_MAX, m("channelMessage.error.bodyTooLong")),
  );

const uuid = (key: MessageKey) => z.string(required(key)).regex(UUID, m(key));
const messageId = uuid("channelMessage.error.messageInvalid").transform((id) => id.toLowerCase());
const channelId = uuid("channelMessage.error.channelInvalid").transform((id) => id.toLowerCase());

/** Sending from the channel page; the form's hidden `clientKey` is made once per draft. */
export const sendFormSchema = z.object({
  body,
  clientKey: z.string(required("channelMessage.error.clientKeyInvalid")).regex(CLIENT_KEY, {
    message: m("channelMessage.error.clientKeyInvalid"),
  }),
  replyToId: uuid("channelMessage.error.replyInvalid")
    .transform((id) => id.toLowerCase())
    .nullish()
    .transform((id) => id ?? null),
});
export const editFormSchema = z.object({ messageId, body });
export const deleteFormSchema = z.object({ messageId });
export const readFormSchema = z.object({
  seq: z.coerce
    .number(required("channelMessage.error.seqInvalid"))
    .int(m("channelMessage.error.seqInvalid"))
    .min(0, m("channelMessage.error.seqInvalid"))
    .max(Number.MAX_SAFE_INTEGER, m("channelMessage.error.seqInvalid")),
});

/** The socket events' payloads: the forms' fields, and the channel where the form has it in its URL. */
export const sendSchema = sendFormSchema.extend({ channelId });
export const editSchema = editFormSchema;
export const deleteSchema = deleteFormSchema;
export const readSchema = z.object({
  channelId,
  seq: z
    .number(required("channelMessage.error.seqInvalid"))
    .int(m("channelMessage.error.seqInvalid"))
    .min(0, m("channelMessage.error.seqInvalid"))
    .max(Number.MAX_SAFE_INTEGER, m("channelMessage.error.seqInvalid")),
});

export type SendRequest = z.infer<typeof sendSchema>;
export type EditRequest = z.infer<typeof editSchema>;
export type DeleteRequest = z.infer<typeof deleteSchema>;
export type ReadRequest = z.infer<typeof readSchema>;
