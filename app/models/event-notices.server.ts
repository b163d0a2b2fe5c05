import { and, eq, inArray } from "drizzle-orm";
import { eventOccurrences, eventRegistrations } from "../../db/schema/index";
import { eventTopic } from "~/realtime/topics";
import type { Tx } from "~/utils/db.server";
import type { Publish } from "./activity.server";
import { notifyAll } from "./notifications.server";

const live = inArray(eventRegistrations.status, ["confirmed", "waitlisted"]);

export type Notice = "event.changed" | "event.cancelled";

/**
 * Tells everyone holding a seat or a waitlist place at the occurrences (`event.changed` for a new time
 * or place, `event.cancelled`), and every open page of the event, once the transaction commits. When
 * one date is concerned, the notice names it (its start as it stands now, shown in the event's zone).
 */
export async function tellRegistrants(
  tx: Tx,
  publish: Publish,
  event: { id: string; title: string; timeZone: string },
  type: Notice,
  occurrenceIds: string[],
  actorId: string | null,
): Promise<void> {
  if (occurrenceIds.length === 0) return;
  const people = await tx
    .selectDistinct({ userId: eventRegistrations.userId })
    .from(eventRegistrations)
    .where(and(inArray(eventRegistrations.occurrenceId, occurrenceIds), live));
  const [date] =
    occurrenceIds.length === 1
      ? await tx
          .select({ startsAt: eventOccurrences.startsAt })
          .from(eventOccurrences)
          .where(eq(eventOccurrences.id, occurrenceIds[0]))
      : [];
  const data = {
    event: event.title,
    ...(date && { startsAt: date.startsAt.toISOString(), timeZone: event.timeZone }),
  };
  await notifyAll(
    tx,
    publish,
    people.map(({ userId }) => ({
      userId,
      type,
      data,
      href: `/events/${event.id}`,
    })),
  );
  publish({ topic: eventTopic(event.id), type, payload: { occurrenceIds }, actorId });
}
