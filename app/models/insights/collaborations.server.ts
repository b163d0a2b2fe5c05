import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "~/utils/db.server";
import { PERIOD_ZONE } from "./period";
import { grain, type Reading } from "./scope.server";
import type { Collaboration, Period } from "./types";

const LIMIT = 20;

/**
 * Solved within the period's Shanghai days, written on `solved_at` itself so the partial index on
 * (chain_id, solved_at, problem_id), read backwards in the query's order, stops after the newest twenty
 * instead of sorting the period's every crossing solution.
 */
function solvedWithin(period: Period): SQL {
  const start = (day: SQL) => sql`(${day}::timestamp at time zone ${PERIOD_ZONE})`;
  return sql`f.solved_at >= ${start(sql`${period.from}::date`)}
    and f.solved_at < ${start(sql`(${period.to}::date + 1)`)}`;
}

type Row = {
  problemId: string;
  title: string;
  solvedAt: Date | string;
  posterZh: string | null;
  posterEn: string | null;
  solverZh: string | null;
  solverEn: string | null;
  crossesAlliance: boolean;
  crossesChain: boolean;
};

/**
 * Problems of the scope solved in the period by an organization from outside their alliance or
 * chains, newest first. A problem hidden since the last refresh is left out at once.
 */
export async function loadCollaborations(
  db: DbOrTx,
  { scope, period, filters }: Reading,
): Promise<Collaboration[]> {
  const rows = await db.execute<Row>(sql`
    select f.problem_id::text as "problemId", p.title, f.solved_at as "solvedAt",
      poster.name_zh as "posterZh", poster.name_en as "posterEn",
      solver.name_zh as "solverZh", solver.name_en as "solverEn",
      f.crosses_alliance as "crossesAlliance", f.crosses_chain as "crossesChain"
    from insight_problems f
    join problems p on p.id = f.problem_id
    left join organizations poster on poster.id = f.poster_org_id
    left join organizations solver on solver.id = f.solver_org_id
    where ${grain("f.chain_id", filters.chainId)} and (f.crosses_alliance or f.crosses_chain)
      and ${solvedWithin(period)} and p.hidden_at is null
      ${scope.allianceId ? sql`and f.alliance_id = ${scope.allianceId}` : sql``}
    order by f.solved_at desc, f.problem_id desc
    limit ${LIMIT}`);
  return rows.map((row) => ({
    problemId: row.problemId,
    title: row.title,
    solvedAt: new Date(row.solvedAt).toISOString(),
    posterOrg: row.posterZh === null ? null : { nameZh: row.posterZh, nameEn: row.posterEn ?? row.posterZh },
    solverOrg: row.solverZh === null ? null : { nameZh: row.solverZh, nameEn: row.solverEn ?? row.solverZh },
    crossesAlliance: row.crossesAlliance,
    crossesChain: row.crossesChain,
  }));
}
