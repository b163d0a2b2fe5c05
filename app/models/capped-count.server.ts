import { count, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "~/utils/db.server";

/**
 * Result counts stop at COUNT_CAP ("1,000+"): an exact count reads every matching row, which on a board of
 * 100,000 problems costs more than the page itself, and nobody pages through a thousand results.
 */
export const COUNT_CAP = 1000;

export type CappedCount = { total: number; more: boolean };

export async function cappedCount(db: DbOrTx, table: PgTable, where: SQL | undefined): Promise<CappedCount> {
  const matching = db
    .select({ one: sql`1` })
    .from(table)
    .where(where)
    .limit(COUNT_CAP + 1)
    .as("matching");
  const [{ n }] = await db.select({ n: count() }).from(matching);
  return n > COUNT_CAP ? { total: COUNT_CAP, more: true } : { total: n, more: false };
}
