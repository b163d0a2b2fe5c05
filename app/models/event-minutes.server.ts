import { and, eq, inArray, lte, notInArray } from "drizzle-orm";
import {
  eventFollows,
  eventOccurrences,
  eventProblems,
  eventRegistrations,
  events,
  memberships,
} from "../../db/schema/index";
import { eventTopic } from "~/realtime/topics";
import type { Services } from "~/server/context.server";
import type { DbOrTx } from "~/utils/db.server";
import type { Viewer } from "~/utils/permissions.server";
import type { MinutesInput } from "~/validation/event-after";
import { transact } from "./activity.server";
import type { EventRef } from "./event-access.server";
import { notifyAll } from "./notifications.server";
import { problemAccess } from "./problem-access.server";

/**
 * After an event: the organizer posts minutes and outcomes (Markdown) and links the follow-up problems
 * it produced (event_problems, link `follow_up`). Possible once an occurrence has ended. The event's
 * followers and its attendees (confirmed for an occurrence that has ended) are told when minutes first
 * appear and when follow-ups are added — not on every later correction. Callers asked for `event.manage`.
 */

type MinutesServices = Pick<Services, "db" | "realtime">;

export type MinutesOutcome =
  | { ok: true; notified: number }
  | { ok: false; formErrors?: string[]; fieldErrors?: Record<string, string[]> };

/** Whether one of the event's occurrences took place and is over. */
export async function hasEnded(db: DbOrTx, eventId: string, now = new Date()): Promise<boolean> {
  const [row] = await db
    .select({ id: eventOccurrences.id })
    .from(eventOccurrences)
    .where(
      and(
        eq(eventOccurrences.eventId, eventId),
        eq(eventOccurrences.status, "scheduled"),
        lte(eventOccurrences.endsAt, now),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function saveMinutes(
  services: MinutesServices,
  viewer: NonNullable<Viewer>,
  event: Pick<EventRef, "id" | "title" | "visibility" | "allianceIds">,
  input: MinutesInput,
  now = new Date(),
): Promise<MinutesOutcome> {
  if (!(await hasEnded(services.db, event.id, now))) {
    return { ok: false, formErrors: ["eventAfter.error.notEnded"] };
  }
  for (const id of input.followUps) {
    if (!(await problemAccess(services.db, viewer, id))) {
      return { ok: false, fieldErrors: { followUps: ["eventAfter.error.problemInvalid"] } };
    }
  }
  return transact(services, async (tx, publish) => {
    // The row lock orders two organizers saving at once: the second sees the first one's minutes.
    const [previous] = await tx
      .select({ minutes: events.minutes })
      .from(events)
      .where(eq(events.id, event.id))
      .for("update");
    const linked = await tx
      .select({ problemId: eventProblems.problemId })
      .from(eventProblems)
      .where(and(eq(eventProblems.eventId, event.id), eq(eventProblems.link, "follow_up")));
    const before = new Set(linked.map((row) => row.problemId));
    const added = input.followUps.filter((id) => !before.has(id));
    await tx
      .update(events)
      .set({ minutes: input.minutes || null, minutesUpdatedAt: now })
      .where(eq(events.id, event.id));
    await tx
      .delete(eventProblems)
      .where(
        and(
          eq(eventProblems.eventId, event.id),
          eq(eventProblems.link, "follow_up"),
          input.followUps.length > 0 ? notInArray(eventProblems.problemId, input.followUps) : undefined,
        ),
      );
    if (added.length > 0) {
      await tx
        .insert(eventProblems)
        .values(added.map((problemId) => ({ eventId: event.id, problemId, link: "follow_up" as const })))
        .onConflictDoNothing();
    }
    publish({ topic: eventTopic(event.id), type: "event.minutes", payload: {}, actorId: viewer.id });
    const firstMinutes = !previous?.minutes && input.minutes !== "";
    if (!firstMinutes && added.length === 0) return { ok: true, notified: 0 };
    const audience = await tx
      .select({ userId: eventFollows.userId })
      .from(eventFollows)
      .where(eq(eventFollows.eventId, event.id))
      .union(
        tx
          .select({ userId: eventRegistrations.userId })
          .from(eventRegistrations)
          .innerJoin(eventOccurrences, eq(eventOccurrences.id, eventRegistrations.occurrenceId))
          .where(
            and(
              eq(eventOccurrences.eventId, event.id),
              eq(eventOccurrences.status, "scheduled"),
              lte(eventOccurrences.endsAt, now),
              eq(eventRegistrations.status, "confirmed"),
            ),
          ),
      );
    let recipients = audience.map((row) => row.userId).filter((id) => id !== viewer.id);
    // Someone who has left every host alliance no longer sees an alliance-only event, nor its title.
    if (event.visibility === "alliance" && recipients.length > 0) {
      const members = await tx
        .selectDistinct({ userId: memberships.userId })
        .from(memberships)
        .where(
          and(
            inArray(memberships.userId, recipients),
            inArray(memberships.allianceId, event.allianceIds),
            eq(memberships.status, "active"),
          ),
        );
      const still = new Set(members.map((row) => row.userId));
      recipients = recipients.filter((id) => still.has(id));
    }
    await notifyAll(
      tx,
      publish,
      recipients.map((userId) => ({
        userId,
        type: "event.minutes",
        data: { event: event.title },
        href: `/events/${event.id}`,
      })),
    );
    return { ok: true, notified: recipients.length };
  });
}
