import { and, eq, lt, sql, type SQL } from "drizzle-orm";
import { channelMessages, users } from "../../db/schema/index";
import type { MessageResult, MessageView, SendInput } from "~/realtime/protocol";
import { channelTopic, userTopic } from "~/realtime/topics";
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
import { messageView, messageViews, QUOTE_HTML } from "./channel-message-view.server";
import { plainExcerpt } from "./channel-message-text.server";
import { publishRead, readCtes } from "./channel-read.server";

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

  let reply: { id: string; authorId: string; authorName: string; html: string } | null = null;
  if (replyToId) {
    const [found] = await db
      .select({
        channelId: channelMessages.channelId,
        authorId: channelMessages.authorId,
        authorName: users.displayName,
        html: sql<string>`left(${channelMessages.bodyHtml}, ${QUOTE_HTML})`,
        removed: sql<boolean>`${channelMessages.deletedAt} is not null or ${channelMessages.hiddenAt} is not null`,
      })
      .from(channelMessages)
      .innerJoin(users, eq(users.id, channelMessages.authorId))
      .where(eq(channelMessages.id, replyToId));
    if (!found || found.channelId !== channel.id) {
      return fail("bad_request", "channelMessage.error.replyInvalid", "replyToId");
    }
    if (found.removed) return fail("bad_request", "channelMessage.error.replyRemoved", "replyToId");
    reply = { id: replyToId, authorId: found.authorId, authorName: found.authorName, html: found.html };
  }
  const audience = { replyAuthorId: reply?.authorId ?? null, everyone: true };
  const { listeners, marked } = await prepareMessage(db, channel, body, audience);
  const advances = channel.kind !== "private" || channel.joined;

  return transactMessage(services, async (tx, publish) => {
    // With nobody to notify, the sender's topic (for `channel.read`) is the only other one this
    // transaction publishes to: taken now too, it costs no second round trip at commit.
    const early = [channelTopic(channel.id)];
    if (advances && listeners.every((l) => l.id === viewer.id)) early.push(userTopic(viewer.id));
    await lockTopics(tx, early);
    // One statement: the row, the channel's newest seq unless it was archived meanwhile, and the
    // sender's read position (an admin reading a private channel has no row there, and must not get
    // one: it is an invitation).
    const position = sql`select m.channel_id, m.author_id, m.seq from m where ${advances}`;
    const [row] = await tx.execute<{
      id: string;
      seq: string | number;
      created_ms: string | number;
      author_name: string;
      open: boolean;
      read_seq: string | number | null;
      read: number;
    }>(sql`
      with m as (
        insert into channel_messages (channel_id, author_id, body, body_html, reply_to_id, client_key)
        values (${channel.id}, ${viewer.id}, ${body}, ${marked.html}, ${replyToId}, ${clientKey})
        on conflict (author_id, client_key) do nothing
        returning id, channel_id, author_id, seq, created_at
      ), c as (
        update channels set last_message_seq = greatest(channels.last_message_seq, m.seq) from m
        where channels.id = ${channel.id} and channels.archived_at is null
        returning channels.id
      ), ${readCtes(viewer.id, channel.id, position)}
      select m.id, m.seq, floor(extract(epoch from m.created_at) * 1000) as created_ms,
        (select display_name from users where id = ${viewer.id}) as author_name,
        exists (select 1 from c) as open,
        (select last_read_seq from moved) as read_seq, (select count(*) from read)::int as read
      from m`);
    // The same send, retried while the first was still being written, or a key used elsewhere.
    if (!row) return (await duplicate(tx, viewer.id, channel.id, clientKey))!;
    if (!row.open) throw new Refusal(fail("forbidden", "channelMessage.error.archived"));
    const seq = Number(row.seq);
    await insertMentions(tx, row.id, marked.mentioned);
    publishRead(publish, viewer.id, channel.id, row.read_seq, row.read);
    // The view messageViews would select, from what this send already knows.
    const view: MessageView = {
      id: row.id,
      seq,
      channelId: channel.id,
      author: { id: viewer.id, name: row.author_name },
      bodyHtml: marked.html,
      body,
      replyTo: reply && { id: reply.id, authorName: reply.authorName, excerpt: plainExcerpt(reply.html) },
      createdAt: new Date(Number(row.created_ms)).toISOString(),
      editedAt: null,
      state: "visible",
      hiddenReason: null,
      mentions: [...new Set(marked.mentioned)].sort(),
    };
    return announceMessage(tx, publish, {
      channel,
      messageId: row.id,
      view,
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
