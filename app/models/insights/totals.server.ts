import { sql } from "drizzle-orm";
import type { DbOrTx } from "~/utils/db.server";
import { bucketStart, bucketStarts } from "./period";
import { grain, within, type Reading } from "./scope.server";
import type { Period, SeriesPoint } from "./types";

/** The summed columns of `insight_daily`, as the figures name them. */
export const DAILY_SUMS = sql.raw(
  [
    "problems_posted as problemsPosted",
    "problems_solved as problemsSolved",
    "applications",
    "acceptances",
    "events_held as eventsHeld",
    "registrations",
    "attended",
    "resources_shared as resourcesShared",
    "inquiries",
    "matches_taken_up as matchesTakenUp",
    "cross_alliance as crossAllianceSolutions",
    "cross_chain as crossChainSolutions",
    "members_joined as membersJoined",
  ]
    .map((column) => {
      const [name, alias = name] = column.split(" as ");
      return `coalesce(sum(${name}), 0)::int as "${alias}"`;
    })
    .join(", "),
);

export type DailySums = {
  problemsPosted: number;
  problemsSolved: number;
  applications: number;
  acceptances: number;
  eventsHeld: number;
  registrations: number;
  attended: number;
  resourcesShared: number;
  inquiries: number;
  matchesTakenUp: number;
  crossAllianceSolutions: number;
  crossChainSolutions: number;
  membersJoined: number;
};

export const noSums = (): DailySums => ({
  problemsPosted: 0,
  problemsSolved: 0,
  applications: 0,
  acceptances: 0,
  eventsHeld: 0,
  registrations: 0,
  attended: 0,
  resourcesShared: 0,
  inquiries: 0,
  matchesTakenUp: 0,
  crossAllianceSolutions: 0,
  crossChainSolutions: 0,
  membersJoined: 0,
});

/** The scope's rows per day: the headline is their sum and the series their buckets (one read for both). */
export async function loadDays(
  db: DbOrTx,
  reading: Reading,
): Promise<{ totals: DailySums; series: SeriesPoint[] }> {
  const rows = await db.execute<DailySums & { day: string }>(sql`
    select day::text as day, ${DAILY_SUMS} from insight_daily
    where ${grain("alliance_id", reading.scope.allianceId)} and ${grain("chain_id", reading.filters.chainId)}
      and ${within("day", reading.period)}
    group by day`);
  const totals = noSums();
  for (const row of rows)
    for (const key of Object.keys(totals) as (keyof DailySums)[]) totals[key] += row[key];
  return { totals, series: toSeries(reading.period, rows) };
}

/** One point per bucket of the period, zeros where nothing happened. */
function toSeries(period: Period, rows: readonly (DailySums & { day: string })[]): SeriesPoint[] {
  const points = new Map(
    bucketStarts(period).map((start) => [
      start,
      {
        start,
        problemsPosted: 0,
        problemsSolved: 0,
        registrations: 0,
        attended: 0,
        resourcesShared: 0,
        inquiries: 0,
      },
    ]),
  );
  for (const row of rows) {
    const point = points.get(bucketStart(period, row.day));
    if (!point) continue;
    point.problemsPosted += row.problemsPosted;
    point.problemsSolved += row.problemsSolved;
    point.registrations += row.registrations;
    point.attended += row.attended;
    point.resourcesShared += row.resourcesShared;
    point.inquiries += row.inquiries;
  }
  return [...points.values()];
}
