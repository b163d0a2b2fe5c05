import { and, eq, gt, lt, ne, sql } from "drizzle-orm";
import { eventOccurrences, events } from "../../db/schema/index";
import type { Tx } from "~/utils/db.server";

export type Clash = { id: string; title: string };

const normalized = (text: string) => text.trim().toLowerCase();

/**
 * Another event in the same venue room at an overlapping time (scheduled occurrences of events that are
 * not cancelled; drafts count, so an organizer cannot plan into a room already promised). The caller's
 * transaction first takes a lock per venue room, so two organizers saving at once cannot both pass.
 */
export async function findVenueClash(
  tx: Tx,
  place: { venueName?: string | null; venueRoom?: string | null; startsAt: Date; endsAt: Date },
  exceptEventId: string | null,
): Promise<Clash | null> {
  return findVenueClashIn(tx, place, [place], exceptEventId);
}

/** The same check for every date of a series at once, in one query. */
export async function findVenueClashIn(
  tx: Tx,
  place: { venueName?: string | null; venueRoom?: string | null },
  spans: { startsAt: Date; endsAt: Date }[],
  exceptEventId: string | null,
): Promise<Clash | null> {
  if (!place.venueName || spans.length === 0) return null;
  const name = normalized(place.venueName);
  const room = normalized(place.venueRoom ?? "");
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`venue:${JSON.stringify([name, room])}`}, 0))`,
  );
  const values = sql.join(
    spans.map(
      (span) => sql`(${span.startsAt.toISOString()}::timestamptz, ${span.endsAt.toISOString()}::timestamptz)`,
    ),
    sql`, `,
  );
  const [clash] = await tx
    .select({ id: events.id, title: events.title })
    .from(eventOccurrences)
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .where(
      and(
        eq(eventOccurrences.status, "scheduled"),
        ne(events.status, "cancelled"),
        exceptEventId ? ne(events.id, exceptEventId) : undefined,
        sql`lower(trim(${events.venueName})) = ${name}`,
        sql`lower(trim(coalesce(${eventOccurrences.venueRoom}, ${events.venueRoom}, ''))) = ${room}`,
        spans.length === 1
          ? and(
              lt(eventOccurrences.startsAt, spans[0].endsAt),
              gt(eventOccurrences.endsAt, spans[0].startsAt),
            )
          : sql`exists (select 1 from (values ${values}) as span(starts_at, ends_at)
              where ${eventOccurrences.startsAt} < span.ends_at and ${eventOccurrences.endsAt} > span.starts_at)`,
      ),
    )
    .orderBy(eventOccurrences.startsAt)
    .limit(1);
  return clash ?? null;
}
