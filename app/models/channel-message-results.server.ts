import type { ZodError } from "zod";
import { messageMentions } from "../../db/schema/index";
import type { MessageKey } from "~/i18n/dictionary";
import type { MessageError, MessageResult, MessageView } from "~/realtime/protocol";
import { channelTopic } from "~/realtime/topics";
import type { Realtime } from "~/realtime/types";
import type { Db, Tx } from "~/utils/db.server";
import type { Publish } from "./activity.server";
import type { ChannelRef } from "./channel-access.server";
import { sharedView } from "./channel-message-view.server";

/** What the message writers (channel-messages.server.ts, channel-message-changes.server.ts) share. */

export type MessageServices = { db: Db; realtime: Realtime };

export const fail = (code: MessageError["code"], message: MessageKey, field?: string): MessageResult => ({
  ok: false,
  error: field ? { code, message, field } : { code, message },
});
export const notFound = () => fail("not_found", "channelMessage.error.notFound");

/** Rolls a transaction back with the answer to give instead. */
export class Refusal extends Error {
  constructor(readonly result: MessageResult) {
    super("refused");
  }
}

/** A schema's first complaint; its messages are i18n keys, zod's own (a payload that is no object) are not. */
export function invalid(error: ZodError): MessageResult {
  const issue = error.issues[0];
  const field = typeof issue?.path[0] === "string" ? issue.path[0] : undefined;
  const message = issue?.message.startsWith("channelMessage.")
    ? (issue.message as MessageKey)
    : "channelMessage.error.badRequest";
  return fail("bad_request", message, field);
}

export function refusalOf(channel: ChannelRef): MessageKey {
  return channel.archivedAt ? "channelMessage.error.archived" : "channelMessage.error.forbidden";
}

export async function insertMentions(tx: Tx, messageId: string, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  await tx.insert(messageMentions).values(userIds.map((userId) => ({ messageId, userId })));
}

export function publishMessage(publish: Publish, type: string, view: MessageView, actorId: string): void {
  publish({ topic: channelTopic(view.channelId), type, payload: { message: sharedView(view) }, actorId });
}
