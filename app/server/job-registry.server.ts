import { PLAN_KIND, REMINDER_KIND, planReminders, sendReminder } from "~/models/event-reminders.server";
import { pruneFinishedJobs } from "~/models/jobs.server";
import type { JobHandler, RecurringJob } from "./job-runner.server";

const PRUNE_KIND = "jobs.prune";
const DAY_MS = 86_400_000;
/** Finished jobs are kept this long, to see what ran. */
const KEEP_DONE_MS = 14 * DAY_MS;

/** Every kind of job the server runs, by name. */
export const jobHandlers: Record<string, JobHandler> = {
  [PLAN_KIND]: async ({ tx }) => {
    await planReminders(tx, new Date());
  },
  [REMINDER_KIND]: async ({ tx, publish, job, services }) => {
    const { result, recipients } = await sendReminder(tx, publish, {
      payload: job.payload,
      now: new Date(),
      publicUrl: services.config.publicUrl,
    });
    if (result !== "sent") services.log.info({ jobId: job.id, result }, "event reminder skipped");
    else services.log.debug({ jobId: job.id, recipients }, "event reminder sent");
  },
  [PRUNE_KIND]: async ({ tx }) => {
    await pruneFinishedJobs(tx, new Date(Date.now() - KEEP_DONE_MS));
  },
};

export const recurringJobs: RecurringJob[] = [
  { kind: PLAN_KIND, everyMs: 60_000 },
  { kind: PRUNE_KIND, everyMs: DAY_MS },
];
