import { asc, eq, sql } from "drizzle-orm";
import {
  alliances,
  eventAgendaItems,
  eventCohosts,
  eventFollows,
  eventOccurrences,
  eventProblems,
  events,
  memberships,
  problems,
  users,
} from "../../db/schema/index";
import { renderMarkdown } from "~/markdown/render.server";
import { qualified, type DbOrTx } from "~/utils/db.server";
import { platformRole, type Viewer } from "~/utils/permissions.server";
import type { EventType } from "~/validation/event";
import type { EventRef } from "./event-access.server";
import { eventAccess } from "./event-access.server";

export type EventAlliance = { id: string; slug: string; nameZh: string; nameEn: string };
export type EventOccurrence = {
  id: string;
  startsAt: string;
  endsAt: string;
  status: "scheduled" | "cancelled";
  confirmedCount: number;
  /** Moved or given its own room on its own (a series date); `venueRoom` is then its room. */
  detached: boolean;
  venueRoom: string | null;
};
export type EventAgendaItem = {
  offsetMinutes: number;
  durationMinutes: number;
  title: string;
  guestName: string | null;
  /** A member speaker's name; null for a guest. */
  speakerName: string | null;
};
export type EventProblem = { id: string; title: string; status: string };

export type EventPage = {
  ref: EventRef;
  type: EventType;
  description: string;
  html: string;
  venueName: string | null;
  venueRoom: string | null;
  venueAddress: string | null;
  onlineUrl: string | null;
  sequence: number;
  host: EventAlliance;
  cohosts: EventAlliance[];
  occurrences: EventOccurrence[];
  agenda: EventAgendaItem[];
  problems: EventProblem[];
  /** The viewer follows the event (it is in their calendar feed). */
  following: boolean;
};

const allianceJson = (id: ReturnType<typeof sql>) => sql`(select json_build_object('id', a.id, 'slug', a.slug,
  'nameZh', a.name_zh, 'nameEn', a.name_en) from ${alliances} a where a.id = ${id})`;

/**
 * Linked problems the viewer may see (public ones, their alliances' members-only ones, everything for
 * operators), never hidden ones — the rules of problemAccess, in SQL, so the page stays two queries.
 * `discussed` ones are the event's topic; `follow_up` ones came out of it (the after-the-event section).
 */
export function visibleProblems(viewer: Viewer, link: "discussed" | "follow_up" = "discussed") {
  const seesAll = platformRole(viewer) === "admin";
  const member = viewer
    ? sql`${qualified(problems.allianceId)} in (select ${memberships.allianceId} from ${memberships}
        where ${memberships.userId} = ${viewer.id} and ${memberships.status} = 'active')`
    : sql`false`;
  return sql<EventProblem[]>`coalesce((select json_agg(json_build_object('id', ${qualified(problems.id)},
      'title', ${qualified(problems.title)}, 'status', ${qualified(problems.status)}) order by ${qualified(problems.createdAt)})
    from ${eventProblems} join ${problems} on ${qualified(problems.id)} = ${qualified(eventProblems.problemId)}
    where ${qualified(eventProblems.eventId)} = ${qualified(events.id)} and ${qualified(eventProblems.link)} = ${link}
      and ${qualified(problems.hiddenAt)} is null
      and (${seesAll ? sql`true` : sql`false`} or ${qualified(problems.visibility)} = 'public' or ${member})), '[]'::json)`;
}

/** An event's page in two queries (access, then everything shown); null is 404. */
export async function getEventPage(db: DbOrTx, viewer: Viewer, eventId: string): Promise<EventPage | null> {
  const ref = await eventAccess(db, viewer, eventId);
  if (!ref) return null;
  const [row] = await db
    .select({
      type: events.type,
      description: events.description,
      venueName: events.venueName,
      venueRoom: events.venueRoom,
      venueAddress: events.venueAddress,
      onlineUrl: events.onlineUrl,
      sequence: events.sequence,
      host: sql<EventAlliance>`${allianceJson(sql`${qualified(events.allianceId)}`)}`,
      cohosts: sql<EventAlliance[]>`coalesce((select json_agg(json_build_object('id', a.id, 'slug', a.slug,
          'nameZh', a.name_zh, 'nameEn', a.name_en) order by a.position, a.slug)
        from ${eventCohosts} c join ${alliances} a on a.id = c.alliance_id
        where c.event_id = ${qualified(events.id)}), '[]'::json)`,
      occurrences: sql<EventOccurrence[]>`coalesce((select json_agg(json_build_object('id', o.id,
          'startsAt', o.starts_at, 'endsAt', o.ends_at, 'status', o.status, 'confirmedCount', o.confirmed_count,
          'detached', o.detached, 'venueRoom', o.venue_room)
          order by o.starts_at) from ${eventOccurrences} o where o.event_id = ${qualified(events.id)}), '[]'::json)`,
      agenda: sql<
        EventAgendaItem[]
      >`coalesce((select json_agg(json_build_object('offsetMinutes', i.offset_minutes,
          'durationMinutes', i.duration_minutes, 'title', i.title, 'guestName', i.guest_name,
          'speakerName', s.display_name) order by i.position)
        from ${eventAgendaItems} i left join ${users} s on s.id = i.speaker_id
        where i.event_id = ${qualified(events.id)}), '[]'::json)`,
      problems: visibleProblems(viewer),
      following: viewer
        ? sql<boolean>`exists (select 1 from ${eventFollows} f
            where f.event_id = ${qualified(events.id)} and f.user_id = ${viewer.id})`
        : sql<boolean>`false`,
    })
    .from(events)
    .where(eq(events.id, ref.id))
    .orderBy(asc(events.id));
  if (!row) return null;
  return { ref, ...row, html: renderMarkdown(row.description) };
}
