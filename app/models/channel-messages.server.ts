import { and, eq, lt, sql, type SQL } from "drizzle-orm";
import { channelMessages } from "../../db/schema/index";
import type { MessageResult, MessageView, SendInput } from "~/realtime/protocol";
import { channelTopic } from "~/realtime/topics";
import type { DbOrTx } from "~/utils/db.server";
import type { Viewer } from "~/utils/permissions.server";
import { PAGE_MAX, sendSchema } from "~/validation/channel-message";
import { lockTopics } from "./activity.server";
import { channelAccess, type ChannelRef } from "./channel-access.server";
import {
  announceMessage,
  fail,
  insertMentions,
  invalid,
  notFound,
  prepareMessage,
  Refusal,
  refusalOf,
  transactMessage,
  type MessageServices,
} from "./channel-message-results.server";
import { messageView, messageViews } from "./channel-message-view.server";
import { advanceRead } from "./channel-read.server";

/**
 * Channel messages: sending, editing, deleting, history, read positions. The socket handlers
 * (app/realtime/channel-handlers.server.ts) and the HTTP form (app/routes/channels.$id.messages.tsx)
 * both come here, through the same schemas.
 */

export type { MessageError, MessageResult, MessageView, SendInput } from "~/realtime/protocol";
export { deleteMessage, editMessage } from "./channel-message-changes.server";
export { invalid } from "./channel-message-results.server";
export { markRead } from "./channel-read.server";

const DEFAULT_PAGE = 50;

/**
 * Sends a message. Retrying with the same `clientKey` returns the first message (`duplicate`) and
 * writes nothing; a key already used in another channel is refused. The channel topic's lock is taken
 * before the row draws its `seq`, so within a channel seq order is commit order; `message.created` is
 * emitted on the channel's topic after commit.
 */
export async function sendMessage(
  services: MessageServices,
  viewer: Viewer,
  input: SendInput,
): Promise<MessageResult> {
  const parsed = sendSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { channelId, body, clientKey, replyToId } = parsed.data;
  const { db } = services;
  const channel = await channelAccess(db, viewer, channelId);
  if (!channel || !viewer) return notFound();
  // A retry after the channel was archived still gets its message; other retries are found on insert.
  if (!channel.post) {
    return (await duplicate(db, viewer.id, channel.id, clientKey)) ?? fail("forbidden", refusalOf(channel));
  }

  let replyAuthorId: string | null = null;
  if (replyToId) {
    const [reply] = await db
      .select({
        channelId: channelMessages.channelId,
        authorId: channelMessages.authorId,
        removed: sql<boolean>`${channelMessages.deletedAt} is not null or ${channelMessages.hiddenAt} is not null`,
      })
      .from(channelMessages)
      .where(eq(channelMessages.id, replyToId));
    if (!reply || reply.channelId !== channel.id) {
      return fail("bad_request", "channelMessage.error.replyInvalid", "replyToId");
    }
    if (reply.removed) return fail("bad_request", "channelMessage.error.replyRemoved", "replyToId");
    replyAuthorId = reply.authorId;
  }
  const audience = { replyAuthorId, everyone: true };
  const { listeners, marked } = await prepareMessage(db, channel, body, audience);

  return transactMessage(services, async (tx, publish) => {
    await lockTopics(tx, [channelTopic(channel.id)]);
    // One statement: the row, and the channel's newest seq unless it was archived meanwhile.
    const [row] = await tx.execute<{ id: string; seq: string | number; open: boolean }>(sql`
      with m as (
        insert into channel_messages (channel_id, author_id, body, body_html, reply_to_id, client_key)
        values (${channel.id}, ${viewer.id}, ${body}, ${marked.html}, ${replyToId}, ${clientKey})
        on conflict (author_id, client_key) do nothing
        returning id, seq
      ), c as (
        update channels set last_message_seq = greatest(channels.last_message_seq, m.seq) from m
        where channels.id = ${channel.id} and channels.archived_at is null
        returning channels.id
      )
      select m.id, m.seq, exists (select 1 from c) as open from m`);
    // The same send, retried while the first was still being written, or a key used elsewhere.
    if (!row) return (await duplicate(tx, viewer.id, channel.id, clientKey))!;
    if (!row.open) throw new Refusal(fail("forbidden", "channelMessage.error.archived"));
    const seq = Number(row.seq);
    await insertMentions(tx, row.id, marked.mentioned);
    // An admin reading a private channel has no row there, and must not get one: it is an invitation.
    if (channel.kind !== "private" || channel.joined) {
      await advanceRead(tx, publish, viewer.id, channel.id, seq);
    }
    return announceMessage(tx, publish, {
      channel,
      messageId: row.id,
      actorId: viewer.id,
      listeners,
      reason: { ...audience, mentioned: new Set(marked.mentioned) },
      type: "message.created",
    });
  });
}

/**
 * A page of a channel's history, oldest first. Without a cursor, the newest messages; `before` pages
 * backwards from a seq, `after` forwards (catching up, "jump to first unread"). One query.
 */
export async function listMessages(
  db: DbOrTx,
  viewer: Viewer,
  channel: ChannelRef,
  page: { before?: number; after?: number; limit?: number } = {},
): Promise<{ messages: MessageView[]; hasOlder: boolean; hasNewer: boolean }> {
  const limit = Math.min(Math.max(Math.trunc(page.limit ?? DEFAULT_PAGE), 1), PAGE_MAX);
  const viewerId = viewer?.id ?? null;
  const inChannel = eq(channelMessages.channelId, channel.id);
  const { before, after } = page;
  const newerExists = before !== undefined && before <= channel.lastMessageSeq;

  if (after !== undefined) {
    // From the newest message at or before `after` (if any): its presence answers hasOlder.
    const from = sql`${channelMessages.seq} >= coalesce((select max(p.seq) from ${channelMessages} p
      where p.channel_id = ${channel.id} and p.seq <= ${after}), ${after} + 1)`;
    const conditions: SQL[] = [inChannel, from];
    if (before !== undefined) conditions.push(lt(channelMessages.seq, before));
    const rows = await messageViews(db, viewerId, {
      where: and(...conditions)!,
      order: "asc",
      limit: limit + 2,
    });
    const hasOlder = rows.length > 0 && rows[0].seq <= after;
    const messages = rows.slice(hasOlder ? 1 : 0);
    return { messages: messages.slice(0, limit), hasOlder, hasNewer: messages.length > limit || newerExists };
  }
  const conditions: SQL[] = [inChannel];
  if (before !== undefined) conditions.push(lt(channelMessages.seq, before));
  const rows = await messageViews(db, viewerId, {
    where: and(...conditions)!,
    order: "desc",
    limit: limit + 1,
  });
  return {
    messages: rows.slice(0, limit).reverse(),
    hasOlder: rows.length > limit,
    hasNewer: newerExists,
  };
}

/** The first message sent with this key, when there is one: in this channel it is the answer again. */
async function duplicate(
  db: DbOrTx,
  authorId: string,
  channelId: string,
  clientKey: string,
): Promise<MessageResult | null> {
  const [first] = await db
    .select({ id: channelMessages.id, channelId: channelMessages.channelId })
    .from(channelMessages)
    .where(and(eq(channelMessages.authorId, authorId), eq(channelMessages.clientKey, clientKey)));
  if (!first) return null;
  if (first.channelId !== channelId)
    return fail("bad_request", "channelMessage.error.clientKeyReused", "clientKey");
  return { ok: true, message: (await messageView(db, authorId, first.id))!, duplicate: true };
}
