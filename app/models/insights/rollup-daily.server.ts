import { sql } from "drizzle-orm";
import type { Tx } from "~/utils/db.server";
import { grainCtes, sources } from "./rollup-sources.server";

/** The counted columns of `insight_daily`, each a metric the sources emit. */
const METRICS = [
  "problems_posted",
  "problems_solved",
  "applications",
  "acceptances",
  "events_held",
  "registrations",
  "attended",
  "resources_shared",
  "inquiries",
  "matches_taken_up",
  "cross_alliance",
  "cross_chain",
  "members_joined",
] as const;

/**
 * Fills `insight_daily` from `insight_problems` (built first) and the raw tables, in one statement.
 * What counts where:
 * - problems by their alliance and chains; applications on their creation day, acceptances on the day
 *   of the `application_accepted` event, both under their problem's grains; beside the posted and
 *   solved counts, the hours to first response and days to solution the medians are taken over;
 * - events held: scheduled occurrences of published events that started before `now`, on their start
 *   day, under the host alliance and its chains; their confirmed registrations and check-ins with them;
 * - resources shared: visible resources on their creation day (withdrawing one later does not undo
 *   having shared it), under every alliance they are shared with and their chains;
 * - inquiries about visible resources on their creation day, and matches taken up (accepted inquiries
 *   made for a problem) on the day they were decided, under their resource's grains;
 * - members joined: people on the day their earliest active membership in the grain began (an
 *   alliance's members are on its chains).
 */
export async function buildDaily(tx: Tx, now: Date): Promise<void> {
  const columns = sql.raw(METRICS.join(", "));
  const sums = sql.raw(
    METRICS.map((metric) => `coalesce(sum(n) filter (where metric = '${metric}'), 0)`).join(", "),
  );
  const inputs = (metric: string) =>
    sql.raw(`coalesce(array_agg(v) filter (where metric = '${metric}' and v is not null), '{}')`);
  await tx.execute(sql`
    insert into insight_daily (day, alliance_id, chain_id, ${columns}, response_hours, solution_days)
    with ${grainCtes(now)}, counted (day, alliance_id, chain_id, metric, n, v) as (
      ${sql.join(sources, sql` union all `)}
    )
    select day, alliance_id, chain_id, ${sums}, ${inputs("problems_posted")}, ${inputs("problems_solved")}
    from counted group by day, alliance_id, chain_id`);
}
