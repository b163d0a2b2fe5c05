import { and, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { channelMessages, users } from "../../db/schema/index";
import type { MessageView } from "~/realtime/protocol";
import type { DbOrTx } from "~/utils/db.server";
import { plainExcerpt } from "./channel-message-text.server";

const replies = alias(channelMessages, "reply");
const replyAuthors = alias(users, "reply_author");

/** Enough of a quoted message's HTML for its excerpt, without fetching up to 10,000 characters of it. */
export const QUOTE_HTML = 2000;

/**
 * Messages as readers see them, in one query with their authors, the messages they reply to and their
 * mentions. `viewerId` gets the Markdown of their own visible messages (to edit them); null gets none,
 * as in live payloads, which every reader shares.
 */
export async function messageViews(
  db: DbOrTx,
  viewerId: string | null,
  query: { where: SQL; order: "asc" | "desc"; limit?: number },
): Promise<MessageView[]> {
  const visible = sql`${channelMessages.deletedAt} is null and ${channelMessages.hiddenAt} is null`;
  const base = db
    .select({
      id: channelMessages.id,
      seq: channelMessages.seq,
      channelId: channelMessages.channelId,
      authorId: channelMessages.authorId,
      authorName: users.displayName,
      body: viewerId
        ? sql<
            string | null
          >`case when ${channelMessages.authorId} = ${viewerId} and ${visible} then ${channelMessages.body} end`
        : sql<null>`null`,
      bodyHtml: sql<string>`case when ${visible} then ${channelMessages.bodyHtml} else '' end`,
      createdAt: channelMessages.createdAt,
      editedAt: channelMessages.editedAt,
      deleted: sql<boolean>`${channelMessages.deletedAt} is not null`,
      hidden: sql<boolean>`${channelMessages.hiddenAt} is not null`,
      hiddenReason: channelMessages.hiddenReason,
      replyId: replies.id,
      replyAuthorName: replyAuthors.displayName,
      replyHtml: sql<
        string | null
      >`case when ${replies.deletedAt} is null and ${replies.hiddenAt} is null then left(${replies.bodyHtml}, ${QUOTE_HTML}) else '' end`,
      mentions: sql<string[]>`case when ${visible} then coalesce(
        (select array_agg(mm.user_id order by mm.user_id) from message_mentions mm
          where mm.message_id = ${channelMessages.id}), '{}') else '{}' end`,
    })
    .from(channelMessages)
    .innerJoin(users, eq(users.id, channelMessages.authorId))
    .leftJoin(replies, eq(replies.id, channelMessages.replyToId))
    .leftJoin(replyAuthors, eq(replyAuthors.id, replies.authorId))
    .where(and(query.where))
    .orderBy(query.order === "asc" ? sql`${channelMessages.seq} asc` : sql`${channelMessages.seq} desc`);
  const rows = await (query.limit === undefined ? base : base.limit(query.limit));
  return rows.map((row) => ({
    id: row.id,
    seq: row.seq,
    channelId: row.channelId,
    author: { id: row.authorId, name: row.authorName },
    bodyHtml: row.bodyHtml,
    body: row.body,
    replyTo:
      row.replyId && row.replyAuthorName !== null
        ? { id: row.replyId, authorName: row.replyAuthorName, excerpt: plainExcerpt(row.replyHtml ?? "") }
        : null,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    state: row.deleted ? "deleted" : row.hidden ? "hidden" : "visible",
    hiddenReason: row.deleted ? null : row.hiddenReason,
    mentions: row.mentions,
  }));
}

/** One message's view (null when it no longer exists). */
export async function messageView(
  db: DbOrTx,
  viewerId: string | null,
  id: string,
): Promise<MessageView | null> {
  const [view] = await messageViews(db, viewerId, { where: eq(channelMessages.id, id), order: "asc" });
  return view ?? null;
}

/** The same view as every reader sees it: what live payloads carry. */
export function sharedView(view: MessageView): MessageView {
  return { ...view, body: null };
}
