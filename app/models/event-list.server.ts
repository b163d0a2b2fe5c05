import { and, asc, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { alliances, eventCohosts, eventOccurrences, events, memberships } from "../../db/schema/index";
import { qualified, type DbOrTx } from "~/utils/db.server";
import { platformRole, type Viewer } from "~/utils/permissions.server";
import type { EventListQuery, EventStatus, EventType, EventVisibility } from "~/validation/event";
import type { EventAlliance } from "./event-page.server";

export const EVENTS_PER_PAGE = 20;

export type EventListItem = {
  id: string;
  occurrenceId: string;
  title: string;
  type: EventType;
  status: EventStatus;
  visibility: EventVisibility;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  venueName: string | null;
  online: boolean;
  capacity: number | null;
  confirmedCount: number;
  host: EventAlliance;
};

export type EventList = { events: EventListItem[]; more: boolean };

/**
 * Who sees which events, as SQL over `events`: published and cancelled ones by visibility (alliance-only
 * to active members of a host or co-host), drafts to organizers of the host (every one to operators) —
 * canSeeEvent's rules for a whole list.
 */
export function visibleTo(viewer: Viewer): SQL {
  if (platformRole(viewer) === "admin") return sql`true`;
  if (!viewer) return sql`(${events.status} <> 'draft' and ${events.visibility} = 'public')`;
  const active = sql`select ${memberships.allianceId} from ${memberships}
    where ${memberships.userId} = ${viewer.id} and ${memberships.status} = 'active'`;
  const organizes = sql`select ${memberships.allianceId} from ${memberships}
    where ${memberships.userId} = ${viewer.id} and ${memberships.status} = 'active'
    and ${memberships.role} in ('organizer', 'chair')`;
  return sql`(case when ${events.status} = 'draft' then ${qualified(events.allianceId)} in (${organizes})
    else ${events.visibility} = 'public' or ${qualified(events.allianceId)} in (${active})
      or exists (select 1 from ${eventCohosts} where ${eventCohosts.eventId} = ${qualified(events.id)}
        and ${eventCohosts.allianceId} in (${active})) end)`;
}

/** Events the alliance hosts or co-hosts, by its slug; needs `alliances` joined as the host. */
export function hostedByAlliance(slug: string): SQL {
  return sql`(${alliances.slug} = ${slug} or exists (select 1 from ${eventCohosts}
    join ${alliances} co on co.id = ${eventCohosts.allianceId}
    where ${eventCohosts.eventId} = ${qualified(events.id)} and co.slug = ${slug}))`;
}

/** Upcoming (not yet ended, soonest first) or past (latest first) occurrences, one query per page. */
export async function listEvents(
  db: DbOrTx,
  viewer: Viewer,
  query: EventListQuery,
  now = new Date(),
): Promise<EventList> {
  const hostedBy = query.alliance ? hostedByAlliance(query.alliance) : undefined;
  const rows = await db
    .select({
      id: events.id,
      occurrenceId: eventOccurrences.id,
      title: events.title,
      type: events.type,
      status: events.status,
      visibility: events.visibility,
      timeZone: events.timeZone,
      startsAt: eventOccurrences.startsAt,
      endsAt: eventOccurrences.endsAt,
      venueName: events.venueName,
      online: sql<boolean>`${events.onlineUrl} is not null`,
      capacity: events.capacity,
      confirmedCount: eventOccurrences.confirmedCount,
      host: sql<EventAlliance>`json_build_object('id', ${alliances.id}, 'slug', ${alliances.slug},
        'nameZh', ${alliances.nameZh}, 'nameEn', ${alliances.nameEn})`,
    })
    .from(eventOccurrences)
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .innerJoin(alliances, eq(alliances.id, events.allianceId))
    .where(
      and(
        visibleTo(viewer),
        query.when === "upcoming" ? gte(eventOccurrences.endsAt, now) : lt(eventOccurrences.endsAt, now),
        query.type ? eq(events.type, query.type) : undefined,
        hostedBy,
      ),
    )
    .orderBy(
      ...(query.when === "upcoming"
        ? [asc(eventOccurrences.startsAt), asc(eventOccurrences.id)]
        : [desc(eventOccurrences.startsAt), desc(eventOccurrences.id)]),
    )
    .limit(EVENTS_PER_PAGE + 1)
    .offset((query.page - 1) * EVENTS_PER_PAGE);
  return { events: rows.slice(0, EVENTS_PER_PAGE), more: rows.length > EVENTS_PER_PAGE };
}
