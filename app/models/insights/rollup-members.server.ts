import { sql } from "drizzle-orm";
import type { Tx } from "~/utils/db.server";
import { withAll, withAllOf } from "./grain.server";

/**
 * Fills `insight_members`: distinct active members and the organizations they represent, per alliance
 * and chain grain (a member is on their alliance's chains). Kept with the rollup rather than counted per
 * page view: count(distinct) over every membership costs more than the rest of the dashboard together.
 */
export async function buildMembers(tx: Tx): Promise<void> {
  await tx.execute(sql`
    insert into insight_members (alliance_id, chain_id, members, organizations)
    select alliance.id, chain.id, count(distinct m.user_id), count(distinct r.org_id)
    from memberships m
    left join (select alliance_id, array_agg(chain_id) as ids from alliance_chains
      group by alliance_id) chains_of on chains_of.alliance_id = m.alliance_id
    left join org_representatives r on r.user_id = m.user_id
    cross join lateral unnest(${withAll(sql`m.alliance_id`)}) as alliance(id)
    cross join lateral unnest(${withAllOf(sql`coalesce(chains_of.ids, '{}')`)}) as chain(id)
    where m.status = 'active'
    group by alliance.id, chain.id`);
}
