import { asc, eq, sql, type SQL } from "drizzle-orm";
import {
  eventOccurrences,
  eventRegistrations,
  organizations,
  orgRepresentatives,
  users,
} from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";

export type Registrant = {
  /** The registration's id: what the check-in buttons name. */
  id: number;
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
  /** When the person took their current place (a comeback after cancelling queues anew). */
  registeredAt: Date;
  checkedInAt: Date | null;
};

export type RegistrantFilter = {
  /** Only this occurrence's registrants. */
  occurrenceId?: string;
  /** Only people whose display name contains this text (case-insensitive). */
  name?: string;
};

/** `%`, `_` and `\` typed into the search box mean themselves. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Everyone confirmed or waitlisted for the event's occurrences, with contact data and check-in codes, in
 * one query: for organizers only (the caller checked `registrants` on the EventRef). Confirmed first,
 * then the waitlist in promotion order. The waitlist place is counted over the whole occurrence, so a
 * name search still shows each person's real place.
 */
export async function listRegistrants(
  db: DbOrTx,
  eventId: string,
  filter: RegistrantFilter = {},
): Promise<Registrant[]> {
  const org = db
    .select({ nameZh: organizations.nameZh, nameEn: organizations.nameEn })
    .from(orgRepresentatives)
    .innerJoin(organizations, eq(organizations.id, orgRepresentatives.orgId))
    .where(eq(orgRepresentatives.userId, users.id))
    .orderBy(asc(organizations.nameZh))
    .limit(1)
    .as("org");
  const conditions: SQL[] = [
    sql`${eventOccurrences.eventId} = ${eventId}`,
    sql`${eventRegistrations.status} <> 'cancelled'`,
  ];
  if (filter.occurrenceId) conditions.push(sql`${eventOccurrences.id} = ${filter.occurrenceId}`);
  const name = filter.name?.trim();
  if (name) conditions.push(sql`${users.displayName} ilike ${likePattern(name)}`);
  const rows = await db
    .select({
      id: eventRegistrations.id,
      occurrenceId: eventOccurrences.id,
      startsAt: eventOccurrences.startsAt,
      status: sql<"confirmed" | "waitlisted">`${eventRegistrations.status}`,
      position: sql<number | null>`case when ${eventRegistrations.status} = 'waitlisted' then (
        select count(*)::int from ${eventRegistrations} w
        where w.occurrence_id = ${eventRegistrations.occurrenceId} and w.status = 'waitlisted'
          and (w.queued_at, w.id) <= (${eventRegistrations.queuedAt}, ${eventRegistrations.id})) end`,
      displayName: users.displayName,
      email: users.email,
      orgNameZh: org.nameZh,
      orgNameEn: org.nameEn,
      code: eventRegistrations.code,
      registeredAt: eventRegistrations.queuedAt,
      checkedInAt: eventRegistrations.checkedInAt,
    })
    .from(eventRegistrations)
    .innerJoin(eventOccurrences, eq(eventOccurrences.id, eventRegistrations.occurrenceId))
    .innerJoin(users, eq(users.id, eventRegistrations.userId))
    .leftJoinLateral(org, sql`true`)
    .where(sql.join(conditions, sql` and `))
    .orderBy(
      asc(eventOccurrences.startsAt),
      asc(eventRegistrations.status),
      asc(eventRegistrations.queuedAt),
      asc(eventRegistrations.id),
    );
  return rows;
}
