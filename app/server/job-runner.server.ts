import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { jobs } from "../../db/schema/index";
import { transact, type ActivityInput, type Publish } from "~/models/activity.server";
import { enqueueJobs, type JobInput } from "~/models/jobs.server";
import type { DbOrTx, Tx } from "~/utils/db.server";
import type { Services } from "./context.server";
import { describeError, startPoller } from "./poller.server";

/**
 * Runs the `jobs` table (docs/decisions/0011-postgres-job-queue.md). Like the mail sender it polls: jobs
 * are enqueued inside other transactions in any process, and a poll sees them from every process once
 * they commit.
 *
 * Each job is claimed with FOR UPDATE SKIP LOCKED inside `transact`, its handler runs in that
 * transaction (in a savepoint), and the job is marked done before it commits: what a handler writes
 * and the job's `done` commit together, so a job's effects happen exactly once however many processes
 * poll. A handler that throws is rolled back to the savepoint and the failure recorded under the same
 * row lock; the job is retried after a growing wait and given up after `maxAttempts`.
 */
export type JobRunnerTuning = {
  /** How often to look for due jobs. */
  pollMs: number;
  /** The first retry waits this long; each further one twice as long as the one before. */
  backoffMs: number;
  /** Attempts before a job is given up as failed. */
  maxAttempts: number;
};

export const defaultTuning: JobRunnerTuning = { pollMs: 5_000, backoffMs: 30_000, maxAttempts: 5 };

export type ClaimedJob = typeof jobs.$inferSelect;

export type JobContext = {
  /** The claiming transaction (a savepoint of it): write here, and it commits with the job's `done`. */
  tx: Tx;
  /** Live events, emitted only if the job succeeds and commits. */
  publish: Publish;
  job: ClaimedJob;
  services: Pick<Services, "config" | "log">;
};

export type JobHandler = (context: JobContext) => Promise<void>;

/** A job enqueued once per period (key = the period's start), by whichever process polls first. */
export type RecurringJob = { kind: string; everyMs: number };

export type JobRunner = {
  /** Runs every due job this runner has a handler for; resolves once this process has nothing in flight. */
  drain(): Promise<void>;
  /** Stops polling and waits for the job in progress (jobs are short transactions). */
  stop(): Promise<void>;
};

type Outcome = "done" | "failed" | "idle";

export function startJobRunner(
  deps: {
    services: Pick<Services, "config" | "db" | "log" | "realtime">;
    handlers: Readonly<Record<string, JobHandler>>;
    recurring?: readonly RecurringJob[];
  },
  overrides: Partial<JobRunnerTuning> = {},
): JobRunner {
  const { services, handlers, recurring = [] } = deps;
  const { db } = services;
  const tuning = { ...defaultTuning, ...overrides };
  const log = services.log.child({ component: "jobs" });
  const kinds = Object.keys(handlers);
  for (const { kind } of recurring) {
    if (!Object.hasOwn(handlers, kind)) throw new Error(`recurring job ${kind} has no handler`);
  }
  /** The period each recurring job was last enqueued for by this process: one insert per period, not per poll. */
  const enqueued = new Map<string, string>();

  // Only kinds this process can run: a process of an older version leaves newer kinds to the others.
  const due = () => and(eq(jobs.status, "queued"), lte(jobs.runAt, sql`now()`), inArray(jobs.kind, kinds));

  const enqueueRecurring = async () => {
    const now = Date.now();
    const pending: JobInput[] = [];
    for (const { kind, everyMs } of recurring) {
      const start = new Date(Math.floor(now / everyMs) * everyMs);
      const key = start.toISOString();
      if (enqueued.get(kind) !== key) pending.push({ kind, key, runAt: start });
    }
    if (pending.length === 0) return;
    await enqueueJobs(db, pending);
    for (const job of pending) enqueued.set(job.kind, job.key);
  };

  const recordFailure = async (
    target: DbOrTx,
    job: ClaimedJob,
    error: unknown,
    guard: "locked" | "unlocked",
  ) => {
    const attempts = job.attempts + 1;
    const givenUp = attempts >= tuning.maxAttempts;
    const rows = await target
      .update(jobs)
      .set({
        attempts,
        status: givenUp ? "failed" : "queued",
        lastError: describeError(error),
        // The waits double: one backoff after the first failure, two after the second, …
        runAt: new Date(Date.now() + tuning.backoffMs * 2 ** (attempts - 1)),
        ...(givenUp ? { finishedAt: new Date() } : {}),
      })
      .where(
        guard === "locked"
          ? eq(jobs.id, job.id)
          : // After a rollback another process may already have run it again: then its record stands.
            and(eq(jobs.id, job.id), eq(jobs.status, "queued"), eq(jobs.attempts, job.attempts)),
      )
      .returning({ id: jobs.id });
    if (rows.length === 0) return;
    const fields = { jobId: job.id, kind: job.kind, attempt: attempts, err: error };
    if (givenUp) log.error(fields, "job given up after repeated failures");
    else log.warn(fields, "job failed; will retry");
  };

  const runNext = async (): Promise<Outcome> => {
    let claimed: ClaimedJob | undefined;
    try {
      return await transact(services, async (tx, publish): Promise<Outcome> => {
        const [job] = await tx
          .select()
          .from(jobs)
          .where(due())
          .orderBy(asc(jobs.runAt), asc(jobs.id))
          .limit(1)
          .for("update", { skipLocked: true });
        if (!job) return "idle";
        claimed = job;
        const held: ActivityInput[] = [];
        try {
          await tx.transaction((savepoint) =>
            handlers[job.kind]({
              tx: savepoint,
              publish: (event) => held.push(event),
              job,
              services,
            }),
          );
        } catch (error) {
          await recordFailure(tx, job, error, "locked");
          return "failed";
        }
        held.forEach(publish);
        await tx
          .update(jobs)
          .set({ status: "done", attempts: job.attempts + 1, lastError: null, finishedAt: new Date() })
          .where(eq(jobs.id, job.id));
        return "done";
      });
    } catch (error) {
      // The transaction itself failed (its commit, the connection): nothing of the job stands. Recorded
      // outside it, so a job that keeps breaking its transaction still runs out of attempts.
      if (claimed) await recordFailure(db, claimed, error, "unlocked").catch(() => {});
      throw error;
    }
  };

  const hasDue = async () => (await db.select({ id: jobs.id }).from(jobs).where(due()).limit(1)).length > 0;

  const poller = startPoller({
    pollMs: tuning.pollMs,
    log,
    failure: "job poll failed",
    async pass(signal) {
      await enqueueRecurring();
      // One cheap look first: an idle poll costs one statement, not a transaction.
      if (kinds.length === 0 || !(await hasDue())) return;
      // A failed job waits for its backoff, so the loop moves on to the next one.
      while (!signal.aborted && (await runNext()) !== "idle");
    },
  });
  log.info({ pollMs: tuning.pollMs, kinds }, "job runner started");
  return poller;
}
