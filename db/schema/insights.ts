import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  real,
  smallint,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * The dashboard's rollups (docs/decisions/0014-insights-rollups.md): rebuilt from the data by the
 * `insights.refresh` job, never written by hand, read by app/models/insights/*. No foreign keys: a
 * rollup row outlives nothing, and deleting an alliance must not wait on them.
 *
 * In every table a null `alliance_id` / `chain_id` is the grain "all alliances" / "all chains", so a
 * page reads ready sums instead of de-duplicating problems that sit on two chains. Days are calendar
 * days in Asia/Shanghai.
 */

/** Per day and grain, everything the headline, series, chain and alliance tables count. */
export const insightDaily = pgTable(
  "insight_daily",
  {
    day: date("day").notNull(),
    allianceId: uuid("alliance_id"),
    chainId: uuid("chain_id"),
    problemsPosted: integer("problems_posted").notNull().default(0),
    problemsSolved: integer("problems_solved").notNull().default(0),
    applications: integer("applications").notNull().default(0),
    acceptances: integer("acceptances").notNull().default(0),
    eventsHeld: integer("events_held").notNull().default(0),
    registrations: integer("registrations").notNull().default(0),
    attended: integer("attended").notNull().default(0),
    resourcesShared: integer("resources_shared").notNull().default(0),
    inquiries: integer("inquiries").notNull().default(0),
    matchesTakenUp: integer("matches_taken_up").notNull().default(0),
    crossAlliance: integer("cross_alliance").notNull().default(0),
    crossChain: integer("cross_chain").notNull().default(0),
    /** People whose earliest active membership within the grain began this day. */
    membersJoined: integer("members_joined").notNull().default(0),
    /**
     * The exact inputs of the medians: hours to first response of the problems posted this day, days to
     * solution of those solved this day. A year's median then reads 365 short arrays, not 50,000 rows.
     */
    responseHours: real("response_hours")
      .array()
      .notNull()
      .default(sql`'{}'::real[]`),
    solutionDays: real("solution_days")
      .array()
      .notNull()
      .default(sql`'{}'::real[]`),
  },
  // Reads fix the grain and take a range of days: exactly this order.
  (t) => [unique("insight_daily_grain_day_uq").on(t.allianceId, t.chainId, t.day).nullsNotDistinct()],
);

/** Problems posted and solved per day at each chain node (the heatmap); `chain_id` is the node's chain. */
export const insightNodeDaily = pgTable(
  "insight_node_daily",
  {
    day: date("day").notNull(),
    allianceId: uuid("alliance_id"),
    chainId: uuid("chain_id").notNull(),
    nodeId: uuid("node_id").notNull(),
    problemsPosted: integer("problems_posted").notNull().default(0),
    problemsSolved: integer("problems_solved").notNull().default(0),
  },
  (t) => [unique("insight_node_daily_grain_day_uq").on(t.allianceId, t.day, t.nodeId).nullsNotDistinct()],
);

/**
 * One row per problem and chain grain (null = all chains, then one per chain of the problem): the
 * daily rollup is summed from these, and the collaborations list reads them.
 */
export const insightProblems = pgTable(
  "insight_problems",
  {
    problemId: uuid("problem_id").notNull(),
    chainId: uuid("chain_id"),
    allianceId: uuid("alliance_id"),
    postedDay: date("posted_day").notNull(),
    /** Hours from posting to the first reply by someone else or the first application. */
    responseHours: real("response_hours"),
    solvedAt: timestamp("solved_at", { withTimezone: true }),
    solvedDay: date("solved_day"),
    solutionDays: real("solution_days"),
    posterOrgId: uuid("poster_org_id"),
    solverOrgId: uuid("solver_org_id"),
    crossesAlliance: boolean("crosses_alliance").notNull(),
    crossesChain: boolean("crosses_chain").notNull(),
  },
  (t) => [
    unique("insight_problems_problem_chain_uq").on(t.problemId, t.chainId).nullsNotDistinct(),
    index("insight_problems_collaboration_idx")
      .on(t.chainId, t.solvedAt, t.problemId)
      .where(sql`${t.crossesAlliance} or ${t.crossesChain}`),
  ],
);

/**
 * The medians of every calendar quarter and year, per grain: a year's median reads one row instead of
 * sorting every input of the year. Months and custom periods are computed from `insight_daily`'s inputs.
 */
export const insightMedians = pgTable(
  "insight_medians",
  {
    periodFrom: date("period_from").notNull(),
    periodTo: date("period_to").notNull(),
    allianceId: uuid("alliance_id"),
    chainId: uuid("chain_id"),
    responseHours: real("response_hours"),
    solutionDays: real("solution_days"),
  },
  (t) => [
    unique("insight_medians_grain_period_uq")
      .on(t.allianceId, t.periodFrom, t.periodTo, t.chainId)
      .nullsNotDistinct(),
  ],
);

/** Active members and the organizations they represent, per grain, when the rollup was built. */
export const insightMembers = pgTable(
  "insight_members",
  {
    allianceId: uuid("alliance_id"),
    chainId: uuid("chain_id"),
    members: integer("members").notNull(),
    organizations: integer("organizations").notNull(),
  },
  (t) => [unique("insight_members_grain_uq").on(t.allianceId, t.chainId).nullsNotDistinct()],
);

/** Suppliers, needers and open problems per node when the rollup was built: the weak links. */
export const insightNodes = pgTable("insight_nodes", {
  nodeId: uuid("node_id").primaryKey(),
  suppliers: integer("suppliers").notNull(),
  needs: integer("needs").notNull(),
  openProblems: integer("open_problems").notNull(),
});

/** The one row saying when the rollups were last rebuilt (the page shows it) and how long it took. */
export const insightRefreshes = pgTable(
  "insight_refreshes",
  {
    id: smallint("id").primaryKey().default(1),
    refreshedAt: timestamp("refreshed_at", { withTimezone: true }).notNull(),
    durationMs: integer("duration_ms").notNull(),
  },
  (t) => [check("insight_refreshes_one_row", sql`${t.id} = 1`)],
);
