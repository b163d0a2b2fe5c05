import { sql } from "drizzle-orm";
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

export const jobStatusEnum = pgEnum("job_status", ["queued", "done", "failed"]);

/**
 * The job queue: work due at `runAt`, claimed by one process at a time (FOR UPDATE SKIP LOCKED) and
 * finished in the claiming transaction, so what a job writes and its `done` commit together: a job
 * runs to completion exactly once however many processes poll. `key` makes enqueueing idempotent
 * (one reminder job per occurrence, offset and start time).
 */
export const jobs = pgTable(
  "jobs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind").notNull(),
    key: text("key").notNull(),
    payload: jsonb("payload")
      .notNull()
      .default(sql`'{}'::jsonb`),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    status: jobStatusEnum("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("jobs_kind_key_idx").on(t.kind, t.key),
    index("jobs_due_idx")
      .on(t.runAt, t.id)
      .where(sql`${t.status} = 'queued'`),
  ],
);
