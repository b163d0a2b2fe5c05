import { and, eq, exists, inArray, or, sql } from "drizzle-orm";
import {
  alliances,
  eventFollows,
  eventOccurrences,
  eventRegistrations,
  events,
  memberships,
} from "../../db/schema/index";
import type { IcsEvent, IcsOccurrence } from "~/ics/vevent";
import type { Locale } from "~/i18n/locales";
import { pick } from "~/i18n/pick";
import { qualified, type DbOrTx } from "~/utils/db.server";
import {
  allianceRole,
  canInAlliance,
  canSeeEvent,
  type MembershipState,
  type Viewer,
} from "~/utils/permissions.server";
import { eventAccess } from "./event-access.server";

/**
 * Events as calendars see them: one event for its .ics download (the page's access rules), or every
 * event in a user's private feed (registered — confirmed or waitlisted — or followed, and still visible
 * to them). The online link goes only to organizers and people holding a confirmed seat, as on the page.
 */

type Reader = { viewer: Viewer; locale: Locale; publicUrl: URL };

type OccurrenceJson = Omit<IcsOccurrence, "startsAt" | "endsAt" | "originalStartsAt"> & {
  startsAt: string;
  endsAt: string;
  originalStartsAt: string;
};

const confirmedSeat = (userId: string) =>
  sql<boolean>`exists (select 1 from ${eventRegistrations} r join ${eventOccurrences} o on o.id = r.occurrence_id
    where o.event_id = ${qualified(events.id)} and r.user_id = ${userId} and r.status = 'confirmed')`;

function columns(viewer: Viewer) {
  return {
    id: events.id,
    title: events.title,
    description: events.description,
    timeZone: events.timeZone,
    status: events.status,
    visibility: events.visibility,
    allianceId: events.allianceId,
    sequence: events.sequence,
    createdAt: events.createdAt,
    updatedAt: events.updatedAt,
    venueName: events.venueName,
    venueRoom: events.venueRoom,
    venueAddress: events.venueAddress,
    onlineUrl: events.onlineUrl,
    rrule: events.rrule,
    hostZh: alliances.nameZh,
    hostEn: alliances.nameEn,
    confirmed: viewer ? confirmedSeat(viewer.id) : sql<boolean>`false`,
    occurrences: sql<OccurrenceJson[]>`coalesce((select json_agg(json_build_object('id', o.id,
        'startsAt', o.starts_at, 'endsAt', o.ends_at, 'originalStartsAt', o.original_starts_at,
        'status', o.status, 'detached', o.detached, 'venueRoom', o.venue_room) order by o.original_starts_at)
      from ${eventOccurrences} o where o.event_id = ${qualified(events.id)}), '[]'::json)`,
  };
}

type Row = {
  id: string;
  title: string;
  description: string;
  timeZone: string;
  status: IcsEvent["status"];
  sequence: number;
  createdAt: Date;
  updatedAt: Date;
  venueName: string | null;
  venueRoom: string | null;
  venueAddress: string | null;
  onlineUrl: string | null;
  rrule: string | null;
  hostZh: string;
  hostEn: string;
  confirmed: boolean;
  occurrences: OccurrenceJson[];
};

function toIcs(row: Row, manage: boolean, reader: Reader): IcsEvent {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    timeZone: row.timeZone,
    status: row.status,
    sequence: row.sequence,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    url: new URL(`/events/${row.id}`, reader.publicUrl).toString(),
    organizer: pick(reader.locale, row.hostZh, row.hostEn),
    venueName: row.venueName,
    venueRoom: row.venueRoom,
    venueAddress: row.venueAddress,
    onlineUrl: manage || row.confirmed ? row.onlineUrl : null,
    rrule: row.rrule,
    occurrences: row.occurrences.map((o) => ({
      ...o,
      startsAt: new Date(o.startsAt),
      endsAt: new Date(o.endsAt),
      originalStartsAt: new Date(o.originalStartsAt),
    })),
  };
}

/** One event for its .ics download; null when it is missing or hidden from the reader (404). */
export async function getEventIcs(db: DbOrTx, reader: Reader, eventId: string): Promise<IcsEvent | null> {
  const ref = await eventAccess(db, reader.viewer, eventId);
  if (!ref) return null;
  const [row] = await db
    .select(columns(reader.viewer))
    .from(events)
    .innerJoin(alliances, eq(alliances.id, events.allianceId))
    .where(eq(events.id, ref.id));
  return row ? toIcs(row, ref.manage, reader) : null;
}

/** Events whose last date ended longer ago than this stay out of feeds. */
const FEED_HISTORY_DAYS = 365;

/**
 * The events of a user's feed in one query: registered for (confirmed or waitlisted) or followed,
 * cancelled ones included, each re-checked against what the user may see today (an alliance they left
 * takes its members-only events with it; drafts only for their managers).
 */
export async function listFeedEvents(
  db: DbOrTx,
  reader: Reader & { viewer: NonNullable<Viewer> },
): Promise<IcsEvent[]> {
  const userId = reader.viewer.id;
  const registered = db
    .select({ one: sql`1` })
    .from(eventRegistrations)
    .innerJoin(eventOccurrences, eq(eventOccurrences.id, eventRegistrations.occurrenceId))
    .where(
      and(
        eq(eventOccurrences.eventId, qualified(events.id)),
        eq(eventRegistrations.userId, userId),
        inArray(eventRegistrations.status, ["confirmed", "waitlisted"]),
      ),
    );
  const followed = db
    .select({ one: sql`1` })
    .from(eventFollows)
    .where(and(eq(eventFollows.eventId, qualified(events.id)), eq(eventFollows.userId, userId)));
  const rows = await db
    .select({
      ...columns(reader.viewer),
      allianceIds: sql<string[]>`array(select ${qualified(events.allianceId)} union
        select c.alliance_id from event_cohosts c where c.event_id = ${qualified(events.id)})`,
      hostMembership: sql<MembershipState>`(select json_build_object('role', m.role, 'status', m.status)
        from ${memberships} m where m.alliance_id = ${qualified(events.allianceId)} and m.user_id = ${userId})`,
      activeIn: sql<string[]>`array(select m.alliance_id from ${memberships} m
        where m.user_id = ${userId} and m.status = 'active')`,
    })
    .from(events)
    .innerJoin(alliances, eq(alliances.id, events.allianceId))
    .where(
      and(
        or(exists(registered), exists(followed)),
        sql`exists (select 1 from ${eventOccurrences} o where o.event_id = ${qualified(events.id)}
          and o.ends_at > now() - make_interval(days => ${FEED_HISTORY_DAYS}))`,
      ),
    )
    .orderBy(events.id);
  return rows.flatMap((row) => {
    const manage = canInAlliance(allianceRole(reader.viewer, row.hostMembership), "event.manage");
    const visible = canSeeEvent(reader.viewer, new Set(row.activeIn), row, manage);
    return visible ? [toIcs(row, manage, reader)] : [];
  });
}
