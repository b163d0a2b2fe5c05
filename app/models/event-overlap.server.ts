import { sql } from "drizzle-orm";
import type { DbOrTx } from "~/utils/db.server";

/** Someone who organizes or speaks at the event being saved is already busy at one of its times. */
export type PersonOverlap = {
  userId: string;
  displayName: string;
  role: "organizer" | "speaker";
  eventId: string;
  title: string;
  startsAt: string;
};

type Span = { startsAt: Date; endsAt: Date };

/** drizzle spreads a JS array into a parameter list; Postgres wants one array. Never called empty. */
const array = (values: string[], type: "text" | "timestamptz") =>
  sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::${sql.raw(type)}[]`;

/** Enough to show the organizer what to look at; more would only be a longer list of the same. */
const LIMIT = 10;

/**
 * Other events (not cancelled, drafts included) with a scheduled occurrence overlapping one of `spans`,
 * that one of `people` organizes (created) or speaks at. Unlike a room clash these are warnings: the
 * organizer may accept them (a chair opening two sessions back to back, say).
 */
export async function findPersonOverlaps(
  db: DbOrTx,
  people: string[],
  spans: Span[],
  exceptEventId: string | null,
): Promise<PersonOverlap[]> {
  const ids = [...new Set(people)];
  if (ids.length === 0 || spans.length === 0) return [];
  const starts = spans.map((span) => span.startsAt.toISOString());
  const ends = spans.map((span) => span.endsAt.toISOString());
  const rows = await db.execute<PersonOverlap>(sql`
    with roles as (
      select e.id event_id, e.created_by_id user_id, 'organizer' as role
      from events e where e.created_by_id = any(${array(ids, "text")}) and e.status <> 'cancelled'
      union
      select a.event_id, a.speaker_id, 'speaker'
      from event_agenda_items a join events e on e.id = a.event_id
      where a.speaker_id = any(${array(ids, "text")}) and e.status <> 'cancelled'
    )
    select distinct on (r.user_id, r.event_id)
      r.user_id "userId", u.display_name "displayName", r.role, e.id "eventId", e.title,
      to_json(o.starts_at)#>>'{}' "startsAt"
    from roles r
    join events e on e.id = r.event_id
    join users u on u.id = r.user_id
    join event_occurrences o on o.event_id = e.id and o.status = 'scheduled'
    join unnest(${array(starts, "timestamptz")}, ${array(ends, "timestamptz")}) s(starts_at, ends_at)
      on o.starts_at < s.ends_at and o.ends_at > s.starts_at
    where ${exceptEventId === null ? sql`true` : sql`e.id <> ${exceptEventId}`}
    order by r.user_id, r.event_id, o.starts_at
    limit ${LIMIT}`);
  return [...rows];
}
