import { sql } from "drizzle-orm";
import { insightNodes, insightRefreshes } from "../../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import { positionCounts } from "../chains.server";
import { enqueueJob } from "../jobs.server";
import { buildDaily } from "./rollup-daily.server";
import { buildMedians } from "./rollup-medians.server";
import { buildMembers } from "./rollup-members.server";
import { buildNodeDaily, buildProblemFacts } from "./rollup-problems.server";

/** The job kind that rebuilds the rollups: every 10 minutes (job-registry) and on request. */
export const REFRESH_KIND = "insights.refresh";

/**
 * Namespace of the advisory lock that lets one rebuild run at a time (activity.server.ts uses
 * 7_240_002, login-throttle 7_240_003, org-create 7_240_010).
 */
const REFRESH_LOCK = 7_240_020;

/**
 * Rebuilds every rollup from the data, as of `now`, in one transaction (a savepoint when given one):
 * readers keep seeing the previous rollup until it commits, never a half-built one. Rows are deleted,
 * not truncated, because TRUNCATE would block those readers for the whole rebuild. A second process
 * arriving meanwhile waits on the lock and then rebuilds from fresher data.
 */
export async function refreshInsights(db: DbOrTx, now: Date): Promise<{ ms: number }> {
  const started = performance.now();
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${REFRESH_LOCK}, 0)`);
    await tx.execute(sql`delete from insight_problems`);
    await tx.execute(sql`delete from insight_node_daily`);
    await tx.execute(sql`delete from insight_daily`);
    await tx.execute(sql`delete from insight_nodes`);
    await tx.execute(sql`delete from insight_members`);
    await tx.execute(sql`delete from insight_medians`);
    // The facts first: the daily and node rollups are summed from them.
    await buildProblemFacts(tx);
    await buildNodeDaily(tx);
    await buildDaily(tx, now);
    await buildMedians(tx);
    await buildMembers(tx);
    // The chain map's own counts, so weak links here and on /chains never disagree.
    const counts = await positionCounts(tx);
    if (counts.size > 0)
      await tx.insert(insightNodes).values(
        [...counts].map(([nodeId, { suppliers, needs, openProblems }]) => ({
          nodeId,
          suppliers,
          needs,
          openProblems,
        })),
      );
    // Every row was just replaced: without fresh statistics the planner misjudges the grains (a node
    // scan of the whole table instead of the period's rows, measured at 51 ms against a few).
    await tx.execute(
      sql`analyze insight_problems, insight_node_daily, insight_daily, insight_medians, insight_members, insight_nodes`,
    );
    const ms = Math.round(performance.now() - started);
    await tx
      .insert(insightRefreshes)
      .values({ refreshedAt: now, durationMs: ms })
      .onConflictDoUpdate({ target: insightRefreshes.id, set: { refreshedAt: now, durationMs: ms } });
  });
  return { ms: Math.round(performance.now() - started) };
}

/** When the rollups were last rebuilt; null before the first time. */
export async function lastRefresh(db: DbOrTx): Promise<Date | null> {
  const [row] = await db.select({ at: insightRefreshes.refreshedAt }).from(insightRefreshes);
  return row?.at ?? null;
}

/**
 * Asks the job runner for a rebuild now. The key names the rollup it would replace, so asking again
 * before that job has run is a no-op (false), while asking after it ran queues a new one.
 */
export async function requestRefresh(db: DbOrTx): Promise<boolean> {
  const last = await lastRefresh(db);
  return enqueueJob(db, { kind: REFRESH_KIND, key: `after:${last?.toISOString() ?? "never"}` });
}
