import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "~/utils/db.server";
import { addDays, addMonths } from "./period";
import { grain, oneDecimal, within, type Reading } from "./scope.server";
import type { Period } from "./types";

export type Medians = { medianFirstResponseHours: number | null; medianSolutionDays: number | null };

/** Key of the "all chains" medians in the map `loadMedians` returns. */
export const ALL_CHAINS = "*";

/** Whether the refresh keeps this period's medians ready: exactly one calendar quarter or year. */
export function isPrecomputed({ from, to }: Period): boolean {
  const [, month, day] = from.split("-");
  if (day !== "01" || !["01", "04", "07", "10"].includes(month)) return false;
  return (
    to === addDays(addMonths(from, 3), -1) || (month === "01" && to === addDays(addMonths(from, 12), -1))
  );
}

/**
 * Medians for the headline's chain grain and for each chain, exact (an even count takes the mean of
 * the middle two): time to first response over problems posted in the period that got one, time to
 * solution over problems solved in it. A quarter or year reads its ready row; other periods sort the
 * day-by-day inputs, at most a few months of them in practice.
 */
export async function loadMedians(db: DbOrTx, reading: Reading): Promise<Map<string, Medians>> {
  const { filters } = reading;
  const rows = await db.execute<{ chainId: string | null; response: number | null; solution: number | null }>(
    isPrecomputed(reading.period) ? readyMedians(reading) : sortedMedians(reading),
  );
  const medians = new Map<string, Medians>(
    rows.map((row) => [
      row.chainId ?? ALL_CHAINS,
      { medianFirstResponseHours: oneDecimal(row.response), medianSolutionDays: oneDecimal(row.solution) },
    ]),
  );
  // Filtered to one chain, the headline's medians are that chain's.
  if (filters.chainId) medians.set(ALL_CHAINS, medians.get(filters.chainId) ?? noMedians());
  return medians;
}

const chainFilter = (chainId: string | null, column: string) =>
  chainId ? sql`and ${sql.raw(column)} = ${chainId}` : sql``;

function readyMedians({ scope, period, filters }: Reading): SQL {
  return sql`
    select chain_id::text as "chainId", response_hours as response, solution_days as solution
    from insight_medians
    where ${grain("alliance_id", scope.allianceId)} and period_from = ${period.from}::date
      and period_to = ${period.to}::date ${chainFilter(filters.chainId, "chain_id")}`;
}

function sortedMedians({ scope, period, filters }: Reading): SQL {
  return sql`
    select d.chain_id::text as "chainId",
      percentile_cont(0.5) within group (order by input.v) filter (where input.response) as response,
      percentile_cont(0.5) within group (order by input.v) filter (where not input.response) as solution
    from insight_daily d
    cross join lateral (
      select true as response, unnest(d.response_hours) as v
      union all select false, unnest(d.solution_days)
    ) as input
    where ${grain("d.alliance_id", scope.allianceId)} and ${within("d.day", period)}
      ${chainFilter(filters.chainId, "d.chain_id")}
    group by d.chain_id`;
}

export const noMedians = (): Medians => ({ medianFirstResponseHours: null, medianSolutionDays: null });
