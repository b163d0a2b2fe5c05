import { sql } from "drizzle-orm";
import type { DbOrTx } from "~/utils/db.server";
import { grain, within, type Reading } from "./scope.server";
import { DAILY_SUMS, type DailySums } from "./totals.server";

/** The period's sums per chain, at the scope's alliance grain (one chain when filtered). */
export async function sumsByChain(db: DbOrTx, { scope, period, filters }: Reading) {
  const rows = await db.execute<DailySums & { chainId: string }>(sql`
    select chain_id::text as "chainId", ${DAILY_SUMS} from insight_daily
    where ${grain("alliance_id", scope.allianceId)} and chain_id is not null
      ${filters.chainId ? sql`and chain_id = ${filters.chainId}` : sql``} and ${within("day", period)}
    group by chain_id`);
  return new Map(rows.map(({ chainId, ...sums }) => [chainId, sums]));
}

/** The period's sums per alliance, at the filter's chain grain (the one alliance of an alliance scope). */
export async function sumsByAlliance(db: DbOrTx, { scope, period, filters }: Reading) {
  const rows = await db.execute<DailySums & { allianceId: string }>(sql`
    select alliance_id::text as "allianceId", ${DAILY_SUMS} from insight_daily
    where alliance_id is not null ${scope.allianceId ? sql`and alliance_id = ${scope.allianceId}` : sql``}
      and ${grain("chain_id", filters.chainId)} and ${within("day", period)}
    group by alliance_id`);
  return new Map(rows.map(({ allianceId, ...sums }) => [allianceId, sums]));
}

export type NodeSums = { problemsPosted: number; problemsSolved: number };

/** Problems posted and solved per node over the period: the heatmap's cells that are not zero. */
export async function sumsByNode(db: DbOrTx, { scope, period, filters }: Reading) {
  const rows = await db.execute<NodeSums & { nodeId: string }>(sql`
    select node_id::text as "nodeId", sum(problems_posted)::int as "problemsPosted",
      sum(problems_solved)::int as "problemsSolved"
    from insight_node_daily
    where ${grain("alliance_id", scope.allianceId)} and ${within("day", period)}
      ${filters.chainId ? sql`and chain_id = ${filters.chainId}` : sql``}
    group by node_id`);
  return new Map(rows.map(({ nodeId, ...sums }) => [nodeId, sums]));
}
