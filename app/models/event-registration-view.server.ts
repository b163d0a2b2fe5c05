import { and, eq, inArray, sql } from "drizzle-orm";
import { eventOccurrences, eventRegistrations, events } from "../../db/schema/index";
import { qualified, type DbOrTx } from "~/utils/db.server";
import { can, type Viewer } from "~/utils/permissions.server";
import { seatsLeft, windowState, type WindowState } from "./event-registration-rules";

/** What the registration panel shows for one occurrence; plain JSON, so a loader can return it. */
export type RegistrationView = {
  occurrenceId: string;
  confirmed: number;
  /** Null: no limit. */
  capacity: number | null;
  seatsLeft: number | null;
  waitlisted: number;
  state: WindowState;
  /** Signed in with the platform right to register (visitors are offered the login instead). */
  canRegister: boolean;
  /** The viewer's own registration; `position` counts from 1 on the waitlist. */
  mine:
    | { status: "confirmed"; code: string; position: null }
    | { status: "waitlisted"; code: string; position: number }
    | null;
};

const waitlisted = sql`${qualified(eventRegistrations.status)} = 'waitlisted'`;

/**
 * Seats, waitlist length and the viewer's place for each occurrence, in one query. The viewer's position
 * counts the waitlisted rows queued no later than theirs (queued_at, then id: the promotion order).
 */
export async function getRegistrationView(
  db: DbOrTx,
  viewer: Viewer,
  occurrenceIds: string[],
  now = new Date(),
): Promise<RegistrationView[]> {
  if (occurrenceIds.length === 0) return [];
  const mine = viewer
    ? sql<{ status: "confirmed" | "waitlisted"; code: string; position: number | null } | null>`(
        select json_build_object('status', m.status, 'code', m.code, 'position',
          case when m.status = 'waitlisted' then (
            select count(*) from ${eventRegistrations}
            where ${eventRegistrations.occurrenceId} = m.occurrence_id and ${waitlisted}
              and (${eventRegistrations.queuedAt}, ${eventRegistrations.id}) <= (m.queued_at, m.id)
          ) end)
        from ${eventRegistrations} m
        where m.occurrence_id = ${qualified(eventOccurrences.id)} and m.user_id = ${viewer.id}
          and m.status <> 'cancelled')`
    : sql<null>`null`;
  const rows = await db
    .select({
      occurrenceId: eventOccurrences.id,
      confirmed: eventOccurrences.confirmedCount,
      occurrenceStatus: eventOccurrences.status,
      startsAt: eventOccurrences.startsAt,
      capacity: events.capacity,
      eventStatus: events.status,
      registrationOpensAt: events.registrationOpensAt,
      registrationClosesAt: events.registrationClosesAt,
      waitlisted: sql<number>`(select count(*)::int from ${eventRegistrations}
        where ${eventRegistrations.occurrenceId} = ${qualified(eventOccurrences.id)} and ${waitlisted})`,
      mine,
    })
    .from(eventOccurrences)
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .where(and(inArray(eventOccurrences.id, occurrenceIds)));
  const byId = new Map(rows.map((row) => [row.occurrenceId, row]));
  const canRegister = can(viewer, "event.register");
  return occurrenceIds.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        occurrenceId: row.occurrenceId,
        confirmed: row.confirmed,
        capacity: row.capacity,
        seatsLeft: seatsLeft(row.capacity, row.confirmed),
        waitlisted: row.waitlisted,
        state: windowState(row, now),
        canRegister,
        mine: row.mine
          ? ({
              ...row.mine,
              position: row.mine.status === "waitlisted" ? Number(row.mine.position) : null,
            } as RegistrationView["mine"])
          : null,
      },
    ];
  });
}
