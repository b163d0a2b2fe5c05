import { and, eq, isNull, sql } from "drizzle-orm";
import { channelMessages, messageMentions } from "../../db/schema/index";
import type { MessageResult } from "~/realtime/protocol";
import type { Db } from "~/utils/db.server";
import type { Viewer } from "~/utils/permissions.server";
import { deleteSchema, editSchema } from "~/validation/channel-message";
import { transact } from "./activity.server";
import { recordAudit } from "./audit.server";
import { channelAccess, type ChannelRef } from "./channel-access.server";
import {
  announceMessage,
  fail,
  insertMentions,
  invalid,
  notFound,
  prepareMessage,
  publishMessage,
  Refusal,
  refusalOf,
  transactMessage,
  type MessageServices,
} from "./channel-message-results.server";
import { messageView } from "./channel-message-view.server";

/** Edits one's own visible message; people it newly mentions are told. */
export async function editMessage(
  services: MessageServices,
  viewer: Viewer,
  input: { messageId: string; body: string; channelId?: string },
): Promise<MessageResult> {
  const parsed = editSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { messageId, body } = parsed.data;
  const target = await messageTarget(services.db, viewer, messageId, input.channelId);
  if (!("channel" in target)) return target;
  const { channel, message, viewerId } = target;
  if (message.authorId !== viewerId || message.removed) {
    return fail("forbidden", "channelMessage.error.notEditable");
  }
  if (!channel.post) return fail("forbidden", refusalOf(channel));
  if (message.body === body)
    return { ok: true, message: (await messageView(services.db, viewerId, messageId))! };

  const audience = { replyAuthorId: null, everyone: false };
  const { listeners, marked } = await prepareMessage(services.db, channel, body, audience);
  return transactMessage(services, async (tx, publish) => {
    const [row] = await tx
      .update(channelMessages)
      .set({ body, bodyHtml: marked.html, editedAt: new Date() })
      .where(
        and(
          eq(channelMessages.id, messageId),
          isNull(channelMessages.deletedAt),
          isNull(channelMessages.hiddenAt),
        ),
      )
      .returning({ id: channelMessages.id });
    if (!row) throw new Refusal(fail("forbidden", "channelMessage.error.notEditable"));
    const before = await tx
      .delete(messageMentions)
      .where(eq(messageMentions.messageId, messageId))
      .returning({ userId: messageMentions.userId });
    await insertMentions(tx, messageId, marked.mentioned);
    const known = new Set(before.map((m) => m.userId));
    const mentioned = new Set(marked.mentioned.filter((id) => !known.has(id)));
    return announceMessage(tx, publish, {
      channel,
      messageId,
      actorId: viewerId,
      listeners,
      reason: { ...audience, mentioned },
      type: "message.updated",
    });
  });
}

/**
 * Deletes a message: one's own, or anyone's with `channel.moderate` (recorded in the audit log). It
 * stays in the history as "message removed", its text gone. Deleting it again changes nothing.
 */
export async function deleteMessage(
  services: MessageServices,
  viewer: Viewer,
  input: { messageId: string; channelId?: string },
): Promise<MessageResult> {
  const parsed = deleteSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const target = await messageTarget(services.db, viewer, parsed.data.messageId, input.channelId);
  if (!("channel" in target)) return target;
  const { channel, message, viewerId } = target;
  const own = message.authorId === viewerId;
  if (channel.archivedAt) return fail("forbidden", "channelMessage.error.archived");
  if (!((own && channel.post) || channel.moderate))
    return fail("forbidden", "channelMessage.error.notDeletable");

  return transact(services, async (tx, publish) => {
    const [row] = await tx
      .update(channelMessages)
      .set({ deletedAt: new Date(), deletedById: viewerId, body: "", bodyHtml: "" })
      .where(and(eq(channelMessages.id, message.id), isNull(channelMessages.deletedAt)))
      .returning({ id: channelMessages.id });
    if (row) {
      await tx.delete(messageMentions).where(eq(messageMentions.messageId, message.id));
      if (!own) {
        await recordAudit(tx, {
          action: "channel.message.deleted",
          actorId: viewerId,
          subjectUserId: message.authorId,
          allianceId: channel.allianceId,
          data: { channelId: channel.id, channel: channel.name, messageId: message.id },
        });
      }
    }
    const view = (await messageView(tx, viewerId, message.id))!;
    if (row) publishMessage(publish, "message.updated", view, viewerId);
    return { ok: true, message: view } as const;
  });
}

type Target = {
  channel: ChannelRef;
  viewerId: string;
  message: { id: string; authorId: string; body: string; removed: boolean };
};

/** The message and its channel as the viewer may see them; anything hidden from them is not found. */
async function messageTarget(
  db: Db,
  viewer: Viewer,
  messageId: string,
  channelId: string | undefined,
): Promise<Target | MessageResult> {
  if (!viewer) return notFound();
  const [message] = await db
    .select({
      id: channelMessages.id,
      channelId: channelMessages.channelId,
      authorId: channelMessages.authorId,
      body: channelMessages.body,
      removed: sql<boolean>`${channelMessages.deletedAt} is not null or ${channelMessages.hiddenAt} is not null`,
    })
    .from(channelMessages)
    .where(eq(channelMessages.id, messageId));
  if (!message || (channelId !== undefined && message.channelId !== channelId)) return notFound();
  const channel = await channelAccess(db, viewer, message.channelId);
  return channel ? { channel, viewerId: viewer.id, message } : notFound();
}
