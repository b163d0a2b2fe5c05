import { sql } from "drizzle-orm";
import { alliances, organizations, users } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";

export type PlatformCounts = { alliances: number; organizations: number; members: number };

/** The home page's headline numbers, in one round trip. */
export async function platformCounts(db: DbOrTx): Promise<PlatformCounts> {
  const [row] = await db.execute<PlatformCounts>(sql`
    select
      (select count(*)::int from ${alliances} where ${alliances.archivedAt} is null) as "alliances",
      (select count(*)::int from ${organizations}) as "organizations",
      (select count(*)::int from ${users}) as "members"`);
  return { alliances: row.alliances, organizations: row.organizations, members: row.members };
}
