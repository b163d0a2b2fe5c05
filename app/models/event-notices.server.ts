import { and, inArray } from "drizzle-orm";
import { eventRegistrations } from "../../db/schema/index";
import { eventTopic } from "~/realtime/topics";
import type { Tx } from "~/utils/db.server";
import type { Publish } from "./activity.server";
import { notifyAll } from "./notifications.server";

const live = inArray(eventRegistrations.status, ["confirmed", "waitlisted"]);

export type Notice = "event.changed" | "event.cancelled";

/**
 * Tells everyone holding a seat or a waitlist place at the occurrences (`event.changed` for a new time
 * or place, `event.cancelled`), and every open page of the event, once the transaction commits.
 */
export async function tellRegistrants(
  tx: Tx,
  publish: Publish,
  event: { id: string; title: string },
  type: Notice,
  occurrenceIds: string[],
  actorId: string | null,
): Promise<void> {
  if (occurrenceIds.length === 0) return;
  const people = await tx
    .selectDistinct({ userId: eventRegistrations.userId })
    .from(eventRegistrations)
    .where(and(inArray(eventRegistrations.occurrenceId, occurrenceIds), live));
  await notifyAll(
    tx,
    publish,
    people.map(({ userId }) => ({
      userId,
      type,
      data: { event: event.title },
      href: `/events/${event.id}`,
    })),
  );
  publish({ topic: eventTopic(event.id), type, payload: { occurrenceIds }, actorId });
}
