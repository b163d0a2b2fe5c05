import { sql } from "drizzle-orm";
import type { DbOrTx } from "~/utils/db.server";

export type AllianceEntry = {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string;
  archived: boolean;
  chainIds: string[];
};

/** Every alliance (a handful) with its chains, in the plan's order: names and links for the rows. */
export async function listAllianceEntries(db: DbOrTx): Promise<AllianceEntry[]> {
  return db.execute<AllianceEntry>(sql`
    select a.id::text as id, a.slug, a.name_zh as "nameZh", a.name_en as "nameEn",
      a.archived_at is not null as archived,
      array(select ac.chain_id::text from alliance_chains ac where ac.alliance_id = a.id) as "chainIds"
    from alliances a order by a.position, a.slug`);
}
