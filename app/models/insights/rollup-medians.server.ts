import { sql } from "drizzle-orm";
import type { Tx } from "~/utils/db.server";

/**
 * Fills `insight_medians` from the inputs `insight_daily` keeps (built first): for every grain, each
 * calendar quarter's and year's median time to first response (over problems posted in it) and to
 * solution (over problems solved in it).
 */
export async function buildMedians(tx: Tx): Promise<void> {
  await tx.execute(sql`
    insert into insight_medians (period_from, period_to, alliance_id, chain_id, response_hours, solution_days)
    select period.from_day, period.to_day, d.alliance_id, d.chain_id,
      percentile_cont(0.5) within group (order by input.v) filter (where input.response),
      percentile_cont(0.5) within group (order by input.v) filter (where not input.response)
    from insight_daily d
    cross join lateral (values
      (date_trunc('quarter', d.day)::date, (date_trunc('quarter', d.day) + interval '3 months -1 day')::date),
      (date_trunc('year', d.day)::date, (date_trunc('year', d.day) + interval '1 year -1 day')::date)
    ) as period(from_day, to_day)
    cross join lateral (
      select true as response, unnest(d.response_hours) as v
      union all select false, unnest(d.solution_days)
    ) as input
    where cardinality(d.response_hours) + cardinality(d.solution_days) > 0
    group by period.from_day, period.to_day, d.alliance_id, d.chain_id`);
}
