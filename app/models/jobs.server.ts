import { and, eq, lt } from "drizzle-orm";
import { jobs } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";

export type JobInput = {
  kind: string;
  /** Unique per kind: enqueueing the same key again is a no-op, so planners may repeat themselves. */
  key: string;
  runAt?: Date;
  payload?: Record<string, unknown>;
};

/**
 * Queues work for the job runner (app/server/job-runner.server.ts), inside the caller's transaction
 * when given one. Returns whether a job was added; false means one with this kind and key exists.
 */
export async function enqueueJob(db: DbOrTx, job: JobInput): Promise<boolean> {
  const rows = await enqueueJobs(db, [job]);
  return rows > 0;
}

/** Many jobs in one statement; returns how many were new. */
export async function enqueueJobs(db: DbOrTx, input: readonly JobInput[]): Promise<number> {
  if (input.length === 0) return 0;
  const rows = await db
    .insert(jobs)
    .values(
      input.map((job) => ({
        kind: job.kind,
        key: job.key,
        payload: job.payload ?? {},
        ...(job.runAt ? { runAt: job.runAt } : {}),
      })),
    )
    .onConflictDoNothing({ target: [jobs.kind, jobs.key] })
    .returning({ id: jobs.id });
  return rows.length;
}

/**
 * Forgets jobs that finished successfully before `before`. Their keys can be reused afterwards, which is
 * harmless once the moment they stood for (a minute, an occurrence's start) has passed. Failed jobs stay
 * for inspection.
 */
export async function pruneFinishedJobs(db: DbOrTx, before: Date): Promise<number> {
  const rows = await db
    .delete(jobs)
    .where(and(eq(jobs.status, "done"), lt(jobs.finishedAt, before)))
    .returning({ id: jobs.id });
  return rows.length;
}
