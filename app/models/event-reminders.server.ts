import { and, eq, gt, lte, sql } from "drizzle-orm";
import { eventOccurrences, eventRegistrations, events, users } from "../../db/schema/index";
import type { Publish } from "./activity.server";
import { queueEmail } from "./email-outbox.server";
import { reminderEmail } from "./event-reminder-email.server";
import { enqueueJobs, type JobInput } from "./jobs.server";
import { notifyAll } from "./notifications.server";
import type { Tx } from "~/utils/db.server";

/**
 * Reminders before an occurrence, 24 hours and 1 hour ahead by default (users.event_reminder_minutes).
 * A planner job, every minute, enqueues one `event.reminder` job per occurrence, offset and start
 * time; the job key holds all three, so planning again adds nothing and a moved occurrence gets new
 * jobs while the old ones find the time changed and do nothing.
 */
export const REMINDER_OFFSETS = [1440, 60] as const;
export const PLAN_KIND = "reminders.plan";
export const REMINDER_KIND = "event.reminder";

/** How far ahead the planner looks: the longest offset and an hour to spare. */
const HORIZON_MS = 25 * 3_600_000;
/** A reminder this late (a server that was down, a long backlog) is dropped rather than sent. */
export const REMINDER_GRACE_MS = 5 * 60_000;

type ReminderPayload = { occurrenceId: string; offset: number; startsAt: string };

export function reminderKey(occurrenceId: string, offset: number, startsAt: Date): string {
  return `${occurrenceId}/${offset}/${startsAt.toISOString()}`;
}

/** Enqueues the reminders of published, scheduled occurrences starting within the horizon. */
export async function planReminders(tx: Tx, now: Date): Promise<number> {
  const upcoming = await tx
    .select({ id: eventOccurrences.id, startsAt: eventOccurrences.startsAt })
    .from(eventOccurrences)
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .where(
      and(
        eq(events.status, "published"),
        eq(eventOccurrences.status, "scheduled"),
        gt(eventOccurrences.startsAt, now),
        lte(eventOccurrences.startsAt, new Date(now.getTime() + HORIZON_MS)),
      ),
    );
  const jobs: JobInput[] = [];
  for (const occurrence of upcoming) {
    for (const offset of REMINDER_OFFSETS) {
      const runAt = new Date(occurrence.startsAt.getTime() - offset * 60_000);
      // Moments already past would only be dropped by the reminder itself.
      if (runAt.getTime() < now.getTime() - REMINDER_GRACE_MS) continue;
      const payload: ReminderPayload = {
        occurrenceId: occurrence.id,
        offset,
        startsAt: occurrence.startsAt.toISOString(),
      };
      jobs.push({
        kind: REMINDER_KIND,
        key: reminderKey(occurrence.id, offset, occurrence.startsAt),
        runAt,
        payload,
      });
    }
  }
  return enqueueJobs(tx, jobs);
}

export type ReminderResult = "sent" | "moved" | "late";

/**
 * Tells each confirmed registrant who wants this offset: a notification (live), and a mail in the
 * outbox for those who also want email. Does nothing if the occurrence no longer starts at the planned
 * time, is cancelled or unpublished, or the moment passed more than the grace period ago.
 */
export async function sendReminder(
  tx: Tx,
  publish: Publish,
  input: { payload: unknown; now: Date; publicUrl: URL },
): Promise<{ result: ReminderResult; recipients: number }> {
  const payload = parsePayload(input.payload);
  const startsAt = new Date(payload.startsAt);
  const dueAt = startsAt.getTime() - payload.offset * 60_000;
  if (input.now.getTime() > dueAt + REMINDER_GRACE_MS) return { result: "late", recipients: 0 };
  const [occurrence] = await tx
    .select({
      eventId: events.id,
      title: events.title,
      startsAt: eventOccurrences.startsAt,
      endsAt: eventOccurrences.endsAt,
      timeZone: events.timeZone,
      venueName: events.venueName,
      venueRoom: sql<string | null>`coalesce(${eventOccurrences.venueRoom}, ${events.venueRoom})`,
      venueAddress: events.venueAddress,
      onlineUrl: events.onlineUrl,
      occurrenceStatus: eventOccurrences.status,
      eventStatus: events.status,
    })
    .from(eventOccurrences)
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .where(eq(eventOccurrences.id, payload.occurrenceId));
  if (
    !occurrence ||
    occurrence.occurrenceStatus !== "scheduled" ||
    occurrence.eventStatus !== "published" ||
    occurrence.startsAt.getTime() !== startsAt.getTime()
  ) {
    return { result: "moved", recipients: 0 };
  }
  const recipients = await tx
    .select({
      id: users.id,
      email: users.email,
      locale: users.locale,
      byEmail: users.eventReminderEmail,
    })
    .from(eventRegistrations)
    .innerJoin(users, eq(users.id, eventRegistrations.userId))
    .where(
      and(
        eq(eventRegistrations.occurrenceId, payload.occurrenceId),
        eq(eventRegistrations.status, "confirmed"),
        sql`${payload.offset} = any(${users.eventReminderMinutes})`,
      ),
    );
  await notifyAll(
    tx,
    publish,
    recipients.map((user) => ({
      userId: user.id,
      type: REMINDER_KIND,
      data: { event: occurrence.title, lead: String(payload.offset) },
      href: `/events/${occurrence.eventId}`,
    })),
  );
  for (const user of recipients) {
    if (!user.byEmail) continue;
    await queueEmail(
      tx,
      reminderEmail({
        to: user.email,
        locale: user.locale,
        offsetMinutes: payload.offset,
        occurrence,
        publicUrl: input.publicUrl,
      }),
    );
  }
  return { result: "sent", recipients: recipients.length };
}

function parsePayload(payload: unknown): ReminderPayload {
  const value = payload as Partial<ReminderPayload> | null;
  if (
    typeof value?.occurrenceId !== "string" ||
    typeof value.offset !== "number" ||
    typeof value.startsAt !== "string" ||
    Number.isNaN(Date.parse(value.startsAt))
  ) {
    throw new Error("event.reminder: malformed payload");
  }
  return { occurrenceId: value.occurrenceId, offset: value.offset, startsAt: value.startsAt };
}
