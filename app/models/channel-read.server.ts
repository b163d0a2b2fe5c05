import { sql, type SQL } from "drizzle-orm";
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
async function advanceRead(
  tx: Tx,
  publish: Publish,
  userId: string,
  channelId: string,
  seq: number,
): Promise<boolean> {
  const [moved] = await tx.execute<{ seq: string | number | null; read: number }>(sql`
    with ${readCtes(
      userId,
      channelId,
      sql`select id, ${userId}, least(${seq}::bigint, last_message_seq) from channels where id = ${channelId}`,
    )}
    select (select last_read_seq from moved) as seq, (select count(*) from read)::int as read`);
  return publishRead(publish, userId, channelId, moved?.seq ?? null, moved?.read ?? 0);
}

/**
 * advanceRead's statement, to put in another's `with`: `moved` (the position, when `position` — a
 * query giving channel id, user id and seq — moves it forward) and `read` (the channel's "new
 * messages" notifications then read). The caller selects from them and hands the result to publishRead.
 */
export function readCtes(userId: string, channelId: string, position: SQL): SQL {
  return sql`moved as (
      insert into channel_members (channel_id, user_id, last_read_seq) ${position}
      on conflict (channel_id, user_id) do update set last_read_seq = excluded.last_read_seq
        where channel_members.last_read_seq < excluded.last_read_seq
      returning last_read_seq
    ), read as (
      update notifications set read_at = now()
      where user_id = ${userId} and read_at is null and type = 'channel.message'
        and data->>'channelId' = ${channelId} and exists (select 1 from moved where last_read_seq > 0)
      returning id
    )`;
}

/** Tells the user's pages that the position moved to `seq` (null or 0: it did not); returns whether it did. */
export function publishRead(
  publish: Publish,
  userId: string,
  channelId: string,
  seq: string | number | null,
  read: number,
): boolean {
  const position = Number(seq ?? 0);
  if (position <= 0) return false;
  publish({
    topic: userTopic(userId),
    type: "channel.read",
    payload: { channelId, seq: position, notificationsRead: read },
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
