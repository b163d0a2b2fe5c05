import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { resources } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import { addMonths, chinaDay } from "~/validation/resource";

/** The owner keeping a resource listed: confirming it is still current, withdrawing it, listing it again. */

export type ManageResult = "changed" | "unchanged";

/**
 * "Still current": the listing runs `months` more from today (China time), and the owner will be asked
 * again when that day passes. A withdrawn resource is relisted first, not confirmed.
 */
export async function confirmResource(
  db: DbOrTx,
  resourceId: string,
  months: number,
): Promise<string | null> {
  const expiresOn = addMonths(chinaDay(), months);
  const rows = await db
    .update(resources)
    .set({ expiresOn, expiryNoticeAt: null, updatedAt: new Date() })
    .where(and(eq(resources.id, resourceId), isNull(resources.withdrawnAt)))
    .returning({ id: resources.id });
  return rows.length > 0 ? expiresOn : null;
}

/** Takes the resource off the catalogue and matches; its page and inquiries stay for their history. */
export async function withdrawResource(db: DbOrTx, resourceId: string): Promise<ManageResult> {
  const rows = await db
    .update(resources)
    .set({ withdrawnAt: new Date(), updatedAt: new Date() })
    .where(and(eq(resources.id, resourceId), isNull(resources.withdrawnAt)))
    .returning({ id: resources.id });
  return rows.length > 0 ? "changed" : "unchanged";
}

/**
 * Lists a withdrawn resource again. One whose expiry passed meanwhile is listed as possibly out of date
 * until confirmed, as any other.
 */
export async function relistResource(db: DbOrTx, resourceId: string): Promise<ManageResult> {
  const rows = await db
    .update(resources)
    .set({ withdrawnAt: null, updatedAt: new Date() })
    .where(and(eq(resources.id, resourceId), isNotNull(resources.withdrawnAt)))
    .returning({ id: resources.id });
  return rows.length > 0 ? "changed" : "unchanged";
}
