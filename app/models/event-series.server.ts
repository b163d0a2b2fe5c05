import { and, asc, eq, gt } from "drizzle-orm";
import { eventOccurrences } from "../../db/schema/index";
import type { Services } from "~/server/context.server";
import { transact } from "./activity.server";
import type { EventRef } from "./event-access.server";
import { registerLocked } from "./event-registrations.server";

type Person = { id: string; displayName: string };

export type RegisterAllOutcome = { confirmed: number; waitlisted: number };

/**
 * Registers the person for every coming date of a series in one transaction. Each date is taken under
 * its own row lock, in date order, exactly as register() takes it (so no date is ever overbooked and
 * concurrent registrations queue fairly); a full date puts them on its waitlist, a date whose window is
 * closed is skipped. Dates they already hold a place at count as they are.
 */
export async function registerForAll(
  services: Pick<Services, "db" | "realtime">,
  event: Pick<EventRef, "id">,
  user: Person,
  now = new Date(),
): Promise<RegisterAllOutcome> {
  return transact(services, async (tx, publish) => {
    const coming = await tx
      .select({ id: eventOccurrences.id })
      .from(eventOccurrences)
      .where(
        and(
          eq(eventOccurrences.eventId, event.id),
          eq(eventOccurrences.status, "scheduled"),
          gt(eventOccurrences.startsAt, now),
        ),
      )
      .orderBy(asc(eventOccurrences.startsAt), asc(eventOccurrences.id));
    const outcome: RegisterAllOutcome = { confirmed: 0, waitlisted: 0 };
    for (const { id } of coming) {
      const result = await registerLocked(tx, publish, id, user, now);
      if (result.ok) outcome[result.status]++;
    }
    return outcome;
  });
}
