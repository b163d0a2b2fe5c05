import { SWEEP_KIND, sweepAttachmentFiles } from "~/models/attachment-sweeper.server";
import { PLAN_KIND, REMINDER_KIND, planReminders, sendReminder } from "~/models/event-reminders.server";
import { REFRESH_KIND, refreshInsights } from "~/models/insights/refresh.server";
import { pruneFinishedJobs } from "~/models/jobs.server";
import { DIGEST_KIND, DIGEST_PLAN_KIND, planDigests, sendDigest } from "~/models/notification-digest.server";
import { NOTIFICATION_EMAIL_KIND, sendNotificationEmail } from "~/models/notification-email.server";
import { EXPIRY_KIND, noticeExpiredResources } from "~/models/resource-expiry.server";
import { announceProblemMatches, announceResourceMatches } from "~/models/resource-match-announce.server";
import { MATCH_PROBLEM_KIND, MATCH_RESOURCE_KIND, payloadId } from "~/models/resource-match-jobs.server";
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
  [NOTIFICATION_EMAIL_KIND]: async ({ tx, job, services }) => {
    await sendNotificationEmail(tx, { payload: job.payload, publicUrl: services.config.publicUrl });
  },
  [DIGEST_PLAN_KIND]: async ({ tx }) => {
    await planDigests(tx, new Date());
  },
  [DIGEST_KIND]: async ({ tx, job, services }) => {
    const result = await sendDigest(tx, {
      payload: job.payload,
      now: new Date(),
      publicUrl: services.config.publicUrl,
    });
    services.log.debug({ jobId: job.id, result }, "daily digest");
  },
  [EXPIRY_KIND]: async ({ tx, publish, services }) => {
    const asked = await noticeExpiredResources(tx, publish, new Date());
    if (asked > 0) services.log.info({ asked }, "expired resources: owners asked to confirm");
  },
  [MATCH_PROBLEM_KIND]: async ({ tx, publish, job, services }) => {
    const told = await announceProblemMatches(tx, publish, payloadId(job.payload, "problemId"));
    services.log.debug({ jobId: job.id, told }, "problem matches announced");
  },
  [MATCH_RESOURCE_KIND]: async ({ tx, publish, job, services }) => {
    const told = await announceResourceMatches(tx, publish, payloadId(job.payload, "resourceId"));
    services.log.debug({ jobId: job.id, told }, "resource matches announced");
  },
  [PRUNE_KIND]: async ({ tx }) => {
    await pruneFinishedJobs(tx, new Date(Date.now() - KEEP_DONE_MS));
  },
  [REFRESH_KIND]: async ({ tx, services }) => {
    const { ms } = await refreshInsights(tx, new Date());
    services.log.debug({ ms }, "insights refreshed");
  },
  [SWEEP_KIND]: async ({ tx, services }) => {
    const result = await sweepAttachmentFiles(tx, services.config.dataDir, new Date());
    if (result.finished + result.removed > 0) services.log.info(result, "attachment files swept");
  },
};

export const recurringJobs: RecurringJob[] = [
  { kind: PLAN_KIND, everyMs: 60_000 },
  { kind: DIGEST_PLAN_KIND, everyMs: 3_600_000 },
  { kind: PRUNE_KIND, everyMs: DAY_MS },
  { kind: SWEEP_KIND, everyMs: 3_600_000 },
  { kind: EXPIRY_KIND, everyMs: 3_600_000 },
  // The dashboard says when its figures were computed; ten minutes old is fresh enough for a plan's report.
  { kind: REFRESH_KIND, everyMs: 600_000 },
];
