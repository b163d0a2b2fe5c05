import { sql } from "drizzle-orm";
import type { Db } from "~/utils/db.server";

/** Resolves when PostgreSQL answers a trivial query. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
