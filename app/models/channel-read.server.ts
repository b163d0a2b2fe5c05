import { sql } from "drizzle-orm";
import { userTopic } from "~/realtime/topics";
import type { Realtime } from "~/realtime/types";
import type { Db, Tx } from "~/utils/db.server";
import type { Viewer } from "~/utils/permissions.server";
import { transact, type Publish } from "./activity.server";
import type { ChannelRef } from "./channel-access.server";

/**
 * Moves the user's read position in a channel forward to `seq` (never back, never past the channel's
 * newest message) and tells the user's open pages (`channel.read` on their topic: `{ channelId, seq,
 * notificationsRead }`), so other tabs update their unread counts. Reading the channel also reads
 * its "new messages" notifications: the next message may ring again. Returns whether it moved.
 */
export async function advanceRead(
  tx: Tx,
  publish: Publish,
  userId: string,
  channelId: string,
  seq: number,
): Promise<boolean> {
  // One statement: the position, and the channel's "new messages" notifications if it moved.
  const [moved] = await tx.execute<{ seq: string | number | null; read: number }>(sql`
    with moved as (
      insert into channel_members (channel_id, user_id, last_read_seq)
      select id, ${userId}, least(${seq}::bigint, last_message_seq) from channels where id = ${channelId}
      on conflict (channel_id, user_id) do update set last_read_seq = excluded.last_read_seq
        where channel_members.last_read_seq < excluded.last_read_seq
      returning last_read_seq
    ), read as (
      update notifications set read_at = now()
      where user_id = ${userId} and read_at is null and type = 'channel.message'
        and data->>'channelId' = ${channelId} and exists (select 1 from moved where last_read_seq > 0)
      returning id
    )
    select (select last_read_seq from moved) as seq, (select count(*) from read)::int as read`);
  const position = Number(moved?.seq ?? 0);
  if (position <= 0) return false;
  publish({
    topic: userTopic(userId),
    type: "channel.read",
    payload: { channelId, seq: position, notificationsRead: moved.read },
  });
  return true;
}

/** The viewer has read the channel up to `seq`. Only moves forward. */
export async function markRead(
  services: { db: Db; realtime: Realtime },
  viewer: Viewer,
  channel: ChannelRef,
  seq: number,
): Promise<void> {
  // An admin reading a private channel has no row there, and must not get one: it is an invitation.
  if (!viewer || seq <= channel.lastReadSeq || (channel.kind === "private" && !channel.joined)) return;
  await transact(services, (tx, publish) => advanceRead(tx, publish, viewer.id, channel.id, seq));
}
