import { and, asc, eq, gt, lt, sql, type SQL } from "drizzle-orm";
import {
  alliances,
  eventCohosts,
  eventOccurrences,
  eventRegistrations,
  events,
  memberships,
} from "../../db/schema/index";
import { qualified, type DbOrTx } from "~/utils/db.server";
import type { Viewer } from "~/utils/permissions.server";
import type { CalendarScope } from "~/validation/event-calendar";
import type { EventStatus, EventType, EventVisibility } from "~/validation/event";
import { hostedByAlliance, visibleTo } from "./event-list.server";

/** More than any month holds; past it the page says the view is cut short rather than growing without end. */
export const CALENDAR_LIMIT = 500;

export type CalendarItem = {
  id: string;
  occurrenceId: string;
  title: string;
  type: EventType;
  status: EventStatus;
  occurrenceStatus: "scheduled" | "cancelled";
  visibility: EventVisibility;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  venueName: string | null;
  venueRoom: string | null;
  online: boolean;
  host: { slug: string; nameZh: string; nameEn: string };
  /** The viewer's live registration for this occurrence. */
  registration: "confirmed" | "waitlisted" | null;
};

export type CalendarFilter = {
  /** The instants shown: occurrences overlapping [from, to). */
  from: Date;
  to: Date;
  /** `alliances` and `registered` need a signed-in viewer (the route sends visitors to log in). */
  scope: CalendarScope;
  alliance: string | null;
  type: EventType | null;
};

function inScope(viewer: Viewer, scope: CalendarScope): SQL | undefined {
  if (scope === "all") return undefined;
  if (!viewer) return sql`false`;
  if (scope === "registered")
    return sql`exists (select 1 from ${eventRegistrations}
      where ${eventRegistrations.occurrenceId} = ${qualified(eventOccurrences.id)}
      and ${eventRegistrations.userId} = ${viewer.id}
      and ${eventRegistrations.status} in ('confirmed', 'waitlisted'))`;
  const active = sql`select ${memberships.allianceId} from ${memberships}
    where ${memberships.userId} = ${viewer.id} and ${memberships.status} = 'active'`;
  return sql`(${qualified(events.allianceId)} in (${active}) or exists (select 1 from ${eventCohosts}
    where ${eventCohosts.eventId} = ${qualified(events.id)} and ${eventCohosts.allianceId} in (${active})))`;
}

/**
 * The occurrences a calendar period shows, with the event list's visibility rules (drafts only to the
 * host's organizers, alliance-only events only to members of a host or co-host), in one query however
 * many events and dates there are. Cancelled ones stay, so people see what was called off.
 */
export async function listCalendar(
  db: DbOrTx,
  viewer: Viewer,
  filter: CalendarFilter,
): Promise<{ items: CalendarItem[]; truncated: boolean }> {
  const registration = viewer
    ? sql<CalendarItem["registration"]>`(select ${eventRegistrations.status} from ${eventRegistrations}
        where ${eventRegistrations.occurrenceId} = ${qualified(eventOccurrences.id)}
        and ${eventRegistrations.userId} = ${viewer.id}
        and ${eventRegistrations.status} in ('confirmed', 'waitlisted'))`
    : sql<null>`null`;
  const rows = await db
    .select({
      id: events.id,
      occurrenceId: eventOccurrences.id,
      title: events.title,
      type: events.type,
      status: events.status,
      occurrenceStatus: eventOccurrences.status,
      visibility: events.visibility,
      timeZone: events.timeZone,
      startsAt: eventOccurrences.startsAt,
      endsAt: eventOccurrences.endsAt,
      venueName: events.venueName,
      venueRoom: sql<string | null>`coalesce(${eventOccurrences.venueRoom}, ${events.venueRoom})`,
      online: sql<boolean>`${events.onlineUrl} is not null`,
      host: sql<CalendarItem["host"]>`json_build_object('slug', ${alliances.slug},
        'nameZh', ${alliances.nameZh}, 'nameEn', ${alliances.nameEn})`,
      registration,
    })
    .from(eventOccurrences)
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .innerJoin(alliances, eq(alliances.id, events.allianceId))
    .where(
      and(
        lt(eventOccurrences.startsAt, filter.to),
        gt(eventOccurrences.endsAt, filter.from),
        visibleTo(viewer),
        inScope(viewer, filter.scope),
        filter.type ? eq(events.type, filter.type) : undefined,
        filter.alliance ? hostedByAlliance(filter.alliance) : undefined,
      ),
    )
    .orderBy(asc(eventOccurrences.startsAt), asc(eventOccurrences.id))
    .limit(CALENDAR_LIMIT + 1);
  return { items: rows.slice(0, CALENDAR_LIMIT), truncated: rows.length > CALENDAR_LIMIT };
}
