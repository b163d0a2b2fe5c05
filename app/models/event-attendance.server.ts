import { asc, eq, sql } from "drizzle-orm";
import { eventOccurrences, eventRegistrations } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";

/** One occurrence's figures; plain JSON, so loaders can return it. */
export type Attendance = {
  occurrenceId: string;
  startsAt: string;
  endsAt: string;
  status: "scheduled" | "cancelled";
  /** Confirmed or waitlisted. */
  registered: number;
  confirmed: number;
  checkedIn: number;
  /** Checked in ÷ confirmed, once the occurrence has ended (null before, or with nobody confirmed). */
  rate: number | null;
  /** Confirmed people who were not checked in, once the occurrence has ended. */
  noShows: number | null;
};

/**
 * Registered, confirmed and checked-in people of each of the event's occurrences, in one query, oldest
 * first: the registrant list's counts and the organizers' attendance table. For organizers only.
 */
export async function attendanceByOccurrence(
  db: DbOrTx,
  eventId: string,
  now = new Date(),
): Promise<Attendance[]> {
  const live = sql`${eventRegistrations.status} <> 'cancelled'`;
  const rows = await db
    .select({
      occurrenceId: eventOccurrences.id,
      startsAt: eventOccurrences.startsAt,
      endsAt: eventOccurrences.endsAt,
      status: eventOccurrences.status,
      registered: sql<number>`(count(*) filter (where ${live}))::int`,
      confirmed: sql<number>`(count(*) filter (where ${eventRegistrations.status} = 'confirmed'))::int`,
      checkedIn: sql<number>`(count(*) filter (where ${eventRegistrations.status} = 'confirmed'
        and ${eventRegistrations.checkedInAt} is not null))::int`,
    })
    .from(eventOccurrences)
    .leftJoin(eventRegistrations, eq(eventRegistrations.occurrenceId, eventOccurrences.id))
    .where(eq(eventOccurrences.eventId, eventId))
    .groupBy(eventOccurrences.id)
    .orderBy(asc(eventOccurrences.startsAt), asc(eventOccurrences.id));
  return rows.map((row) => {
    const ended = row.endsAt <= now && row.status === "scheduled";
    return {
      ...row,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      rate: ended && row.confirmed > 0 ? row.checkedIn / row.confirmed : null,
      noShows: ended ? Math.max(row.confirmed - row.checkedIn, 0) : null,
    };
  });
}
