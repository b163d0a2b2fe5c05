import { asc, eq, sql } from "drizzle-orm";
import {
  eventOccurrences,
  eventRegistrations,
  organizations,
  orgRepresentatives,
  users,
} from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";

export type Registrant = {
  occurrenceId: string;
  startsAt: Date;
  status: "confirmed" | "waitlisted";
  /** Place on the waitlist, from 1; null when confirmed. */
  position: number | null;
  displayName: string;
  email: string;
  /** The first organization the person represents (by name), if any. */
  orgNameZh: string | null;
  orgNameEn: string | null;
  code: string;
  checkedInAt: Date | null;
};

/**
 * Everyone confirmed or waitlisted for the event's occurrences, with contact data and check-in codes, in
 * one query: for organizers only (the caller checked `registrants` on the EventRef). Confirmed first,
 * then the waitlist in promotion order.
 */
export async function listRegistrants(db: DbOrTx, eventId: string): Promise<Registrant[]> {
  const org = db
    .select({ nameZh: organizations.nameZh, nameEn: organizations.nameEn })
    .from(orgRepresentatives)
    .innerJoin(organizations, eq(organizations.id, orgRepresentatives.orgId))
    .where(eq(orgRepresentatives.userId, users.id))
    .orderBy(asc(organizations.nameZh))
    .limit(1)
    .as("org");
  const rows = await db
    .select({
      occurrenceId: eventOccurrences.id,
      startsAt: eventOccurrences.startsAt,
      status: sql<"confirmed" | "waitlisted">`${eventRegistrations.status}`,
      position: sql<number | null>`case when ${eventRegistrations.status} = 'waitlisted' then
        (row_number() over (partition by ${eventRegistrations.occurrenceId}, ${eventRegistrations.status}
          order by ${eventRegistrations.queuedAt}, ${eventRegistrations.id}))::int end`,
      displayName: users.displayName,
      email: users.email,
      orgNameZh: org.nameZh,
      orgNameEn: org.nameEn,
      code: eventRegistrations.code,
      checkedInAt: eventRegistrations.checkedInAt,
    })
    .from(eventRegistrations)
    .innerJoin(eventOccurrences, eq(eventOccurrences.id, eventRegistrations.occurrenceId))
    .innerJoin(users, eq(users.id, eventRegistrations.userId))
    .leftJoinLateral(org, sql`true`)
    .where(sql`${eventOccurrences.eventId} = ${eventId} and ${eventRegistrations.status} <> 'cancelled'`)
    .orderBy(
      asc(eventOccurrences.startsAt),
      asc(eventRegistrations.status),
      asc(eventRegistrations.queuedAt),
      asc(eventRegistrations.id),
    );
  return rows;
}
