import { eq, sql } from "drizzle-orm";
import {
  eventAgendaItems,
  eventCohosts,
  eventOccurrences,
  eventProblems,
  events,
  users,
} from "../../db/schema/index";
import { qualified, type DbOrTx } from "~/utils/db.server";
import { parseRrule, seriesAnchor } from "~/utils/recurrence";
import { utcToZoned } from "~/utils/zoned-time";

export type EventFormDefaults = Record<string, string | string[] | Record<string, string>[] | undefined>;

/**
 * The event as the edit form shows it: local times in its own zone (a series shows its first date and
 * its rule), problems as ids one per line.
 */
export async function getEventForm(db: DbOrTx, eventId: string): Promise<EventFormDefaults | null> {
  const [row] = await db
    .select({
      event: events,
      occurrences: sql<{ originalStartsAt: string; startsAt: string; endsAt: string; detached: boolean }[]>`
        coalesce((select json_agg(json_build_object('originalStartsAt', o.original_starts_at,
          'startsAt', o.starts_at, 'endsAt', o.ends_at, 'detached', o.detached))
        from ${eventOccurrences} o where o.event_id = ${qualified(events.id)}), '[]'::json)`,
      cohostIds: sql<string[]>`array(select ${eventCohosts.allianceId} from ${eventCohosts}
        where ${eventCohosts.eventId} = ${qualified(events.id)})`,
      problemIds: sql<string[]>`array(select ${eventProblems.problemId} from ${eventProblems}
        where ${eventProblems.eventId} = ${qualified(events.id)} and ${eventProblems.link} = 'discussed')`,
      agenda: sql<
        { offsetMinutes: number; durationMinutes: number; title: string; speaker: string | null }[]
      >`
        coalesce((select json_agg(json_build_object('offsetMinutes', a.offset_minutes,
          'durationMinutes', a.duration_minutes, 'title', a.title,
          'speaker', coalesce(u.display_name, a.guest_name)) order by a.position)
        from ${eventAgendaItems} a left join ${users} u on u.id = a.speaker_id
        where a.event_id = ${qualified(events.id)}), '[]'::json)`,
    })
    .from(events)
    .where(eq(events.id, eventId));
  if (!row || row.occurrences.length === 0) return null;
  const { event } = row;
  const occurrences = row.occurrences.map((o) => ({
    originalStartsAt: new Date(o.originalStartsAt),
    startsAt: new Date(o.startsAt),
    endsAt: new Date(o.endsAt),
    detached: o.detached,
  }));
  const anchor = event.rrule
    ? seriesAnchor(event.rrule, event.timeZone, occurrences)!
    : occurrences.sort((a, b) => a.originalStartsAt.getTime() - b.originalStartsAt.getTime())[0];
  const timed = occurrences.find((o) => !o.detached) ?? anchor;
  const start = event.rrule ? anchor.originalStartsAt : anchor.startsAt;
  const end = new Date(start.getTime() + timed.endsAt.getTime() - timed.startsAt.getTime());
  const local = (date: Date | null) => (date ? utcToZoned(date, event.timeZone) : undefined);
  const rule = parseRrule(event.rrule, event.timeZone);
  return {
    type: event.type,
    title: event.title,
    description: event.description,
    cohostIds: row.cohostIds,
    timeZone: event.timeZone,
    startsAt: local(start),
    endsAt: local(end),
    repeat: rule?.repeat ?? "none",
    repeatEnd: rule && "until" in rule.end ? "until" : "count",
    repeatCount: rule && "count" in rule.end ? String(rule.end.count) : undefined,
    repeatUntil: rule && "until" in rule.end ? rule.end.until : undefined,
    venueName: event.venueName ?? undefined,
    venueRoom: event.venueRoom ?? undefined,
    venueAddress: event.venueAddress ?? undefined,
    onlineUrl: event.onlineUrl ?? undefined,
    capacity: event.capacity === null ? undefined : String(event.capacity),
    registrationOpensAt: local(event.registrationOpensAt),
    registrationClosesAt: local(event.registrationClosesAt),
    visibility: event.visibility,
    status: event.status === "cancelled" ? "published" : event.status,
    agenda: row.agenda.map((item) => ({
      offsetMinutes: String(item.offsetMinutes),
      durationMinutes: String(item.durationMinutes),
      title: item.title,
      speaker: item.speaker ?? "",
    })),
    problems: row.problemIds.join("\n"),
  };
}
