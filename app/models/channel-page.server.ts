import { and, eq } from "drizzle-orm";
import { channelMessages } from "../../db/schema/index";
import type { MessageView } from "~/realtime/protocol";
import type { DbOrTx } from "~/utils/db.server";
import type { Viewer } from "~/utils/permissions.server";
import type { ChannelRef } from "./channel-access.server";
import { listMessages } from "./channel-messages.server";
import { isUuid } from "./topic-records.server";

/** Read messages shown above the first unread one (or a linked one), for context. */
const CONTEXT = 15;
/** Messages from the first unread (or linked) one on. */
const AHEAD = 50;

export type ChannelPage = {
  messages: MessageView[];
  hasOlder: boolean;
  hasNewer: boolean;
  /** The first message by someone else after the read position, when the page holds it: the "new messages" line. */
  firstUnreadSeq: number | null;
  /** A linked message (`?message=`) found in this channel. */
  highlightId: string | null;
};

/**
 * The window of history a channel page opens on: around a linked message when one is asked for and
 * is in this channel, else around the first unread message, else the newest messages.
 */
export async function channelPage(
  db: DbOrTx,
  viewer: NonNullable<Viewer>,
  channel: ChannelRef,
  linked: string | null,
): Promise<ChannelPage> {
  let focus: { seq: number; id: string | null } | null = null;
  if (linked && isUuid(linked)) {
    const [row] = await db
      .select({ seq: channelMessages.seq })
      .from(channelMessages)
      .where(and(eq(channelMessages.id, linked.toLowerCase()), eq(channelMessages.channelId, channel.id)));
    // The linked message is the first of the part that loads forwards.
    if (row) focus = { seq: row.seq - 1, id: linked.toLowerCase() };
  }
  if (!focus && channel.lastReadSeq < channel.lastMessageSeq) focus = { seq: channel.lastReadSeq, id: null };

  let page: Omit<ChannelPage, "firstUnreadSeq" | "highlightId">;
  if (focus) {
    const [before, after] = await Promise.all([
      listMessages(db, viewer, channel, { before: focus.seq + 1, limit: CONTEXT }),
      listMessages(db, viewer, channel, { after: focus.seq, limit: AHEAD }),
    ]);
    page = {
      messages: [...before.messages, ...after.messages],
      hasOlder: before.hasOlder,
      hasNewer: after.hasNewer,
    };
  } else {
    page = await listMessages(db, viewer, channel, { limit: AHEAD });
  }
  return {
    ...page,
    firstUnreadSeq: firstUnread(page, viewer.id, channel.lastReadSeq),
    highlightId: focus?.id ?? null,
  };
}

/** Unread as the sidebar counts it: by someone else, still visible, after the read position. */
function firstUnread(
  page: { messages: MessageView[]; hasOlder: boolean },
  viewerId: string,
  lastReadSeq: number,
): number | null {
  // Only when the page reaches back to the read position is its first unread the channel's.
  const reachesBack = !page.hasOlder || (page.messages[0]?.seq ?? Infinity) <= lastReadSeq;
  if (!reachesBack) return null;
  const first = page.messages.find(
    (m) => m.seq > lastReadSeq && m.author.id !== viewerId && m.state === "visible",
  );
  return first?.seq ?? null;
}
