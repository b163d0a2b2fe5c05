import { sql } from "drizzle-orm";
import { activity, notifications } from "../../db/schema/index";
import { userTopic } from "~/realtime/topics";
import type { DbOrTx } from "~/utils/db.server";

export type NotificationBadge = {
  unread: number;
  /** The user topic's newest activity id: the bell follows the topic live from there. */
  after: number;
};

/**
 * The header's bell, in one round trip: every page a signed-in user opens pays for it, so it must
 * not cost more. Both numbers come from one snapshot, so no notification is counted twice or missed.
 */
export async function notificationBadge(db: DbOrTx, userId: string): Promise<NotificationBadge> {
  const [row] = await db.execute<{ unread: number; after: string | number | null }>(sql`
    select
      (select count(*)::int from ${notifications}
        where ${notifications.userId} = ${userId} and ${notifications.readAt} is null) as "unread",
      (select max(${activity.id}) from ${activity} where ${activity.topic} = ${userTopic(userId)}) as "after"`);
  return { unread: row?.unread ?? 0, after: Number(row?.after ?? 0) };
}
