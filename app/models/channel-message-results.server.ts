import type { ZodError } from "zod";
import { messageMentions } from "../../db/schema/index";
import type { MessageKey } from "~/i18n/dictionary";
import { renderMarkdown } from "~/markdown/render.server";
import type { MessageError, MessageResult, MessageView } from "~/realtime/protocol";
import { channelTopic } from "~/realtime/topics";
import type { Realtime } from "~/realtime/types";
import type { Db, DbOrTx, Tx } from "~/utils/db.server";
import { transact, type Publish } from "./activity.server";
import type { ChannelRef } from "./channel-access.server";
import { messageListeners, type Listener } from "./channel-message-audience.server";
import { messageNotifications } from "./channel-message-notify.server";
import { markMentions } from "./channel-message-text.server";
import { messageView, sharedView } from "./channel-message-view.server";
import { notifyAll } from "./notifications.server";

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

/** Writes in a transaction; a Refusal thrown inside rolls it back and is the answer. */
export async function transactMessage(
  services: MessageServices,
  work: (tx: Tx, publish: Publish) => Promise<MessageResult>,
): Promise<MessageResult> {
  try {
    return await transact(services, work);
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    throw error;
  }
}

/** Who may hear of a message besides the people it names. */
type Audience = { replyAuthorId: string | null; everyone: boolean };

/** Read before the transaction: who may hear of the message, and its HTML with their names marked. */
export async function prepareMessage(db: DbOrTx, channel: ChannelRef, body: string, audience: Audience) {
  const listeners = await messageListeners(db, channel, { body, ...audience });
  const marked = markMentions(
    renderMarkdown(body),
    listeners.filter((l) => l.named),
  );
  return { listeners, marked };
}

/** Once the row is written: the people it concerns are notified and the channel's readers get `type`. */
export async function announceMessage(
  tx: Tx,
  publish: Publish,
  input: {
    channel: ChannelRef;
    messageId: string;
    /** The message as its author sees it, when the writer already has it: not selected again. */
    view?: MessageView;
    actorId: string;
    listeners: readonly Listener[];
    reason: Audience & { mentioned: ReadonlySet<string> };
    type: "message.created" | "message.updated";
  },
): Promise<MessageResult> {
  const { channel, actorId, type } = input;
  const view = input.view ?? (await messageView(tx, actorId, input.messageId))!;
  await notifyAll(tx, publish, messageNotifications(channel, view, input.listeners, input.reason));
  publishMessage(publish, type, view, actorId);
  return { ok: true, message: view };
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
