import { sql } from "drizzle-orm";
import { resources } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import { chinaDay } from "~/validation/resource";
import type { Publish } from "./activity.server";
import { notifyAll } from "./notifications.server";

export const EXPIRY_KIND = "resources.expiry";

/** Listings asked about per run; the next run takes the rest. */
const BATCH = 500;

/**
 * Asks the owners of listings whose expiry day has passed (China time) to confirm they are still current
 * or withdraw them: once per expiry — `expiry_notice_at` is set in the same statement that picks them, and
 * only confirming (a new expiry day) or editing the day clears it. Hidden and withdrawn ones are not asked.
 * Both whoever shared it and its contact person are told.
 */
export async function noticeExpiredResources(db: DbOrTx, publish: Publish, now: Date): Promise<number> {
  const today = chinaDay(now);
  const rows = await db.execute<{
    id: string;
    title: string;
    created_by_id: string | null;
    contact_user_id: string | null;
  }>(sql`update ${resources} set expiry_notice_at = ${now.toISOString()}::timestamptz
    where ${resources.id} in (select ${resources.id} from ${resources}
      where ${resources.expiresOn} < ${today} and ${resources.withdrawnAt} is null
        and ${resources.expiryNoticeAt} is null and ${resources.hiddenAt} is null
      order by ${resources.expiresOn}, ${resources.id} limit ${BATCH} for update skip locked)
    returning ${resources.id}, ${resources.title}, ${resources.createdById}, ${resources.contactUserId}`);
  const notices = [...rows].flatMap((row) =>
    [...new Set([row.created_by_id, row.contact_user_id])]
      .filter((userId): userId is string => userId !== null)
      .map((userId) => ({
        userId,
        type: "resource.expiring",
        data: { resource: row.title },
        href: `/resources/${row.id}`,
      })),
  );
  await notifyAll(db, publish, notices);
  return rows.length;
}
