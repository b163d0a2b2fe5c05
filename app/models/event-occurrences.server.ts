import { and, eq, sql } from "drizzle-orm";
import { eventOccurrences, events } from "../../db/schema/index";
import type { Realtime } from "~/realtime/types";
import type { Db, DbOrTx, Tx } from "~/utils/db.server";
import type { Viewer } from "~/utils/permissions.server";
import type { EventFieldErrors } from "~/validation/event";
import type { OccurrenceInput } from "~/validation/event-occurrence";
import { transact } from "./activity.server";
import type { EventRef } from "./event-access.server";
import { findVenueClash, type Clash } from "./event-clash.server";
import { tellRegistrants } from "./event-notices.server";

/** One date of a series on its own: moved, re-roomed or cancelled. Callers asked for `event.manage`. */

type Services = { db: Db; realtime: Realtime };

export type OccurrenceResult =
  | { status: "saved" }
  | { status: "invalid"; fieldErrors: EventFieldErrors; clash?: Clash }
  | { status: "missing" | "cancelled" };

async function lockOneOccurrence(tx: Tx, eventId: string, occurrenceId: string) {
  const [row] = await tx
    .select()
    .from(eventOccurrences)
    .where(and(eq(eventOccurrences.id, occurrenceId), eq(eventOccurrences.eventId, eventId)))
    .for("update");
  return row ?? null;
}

export async function raiseSequence(tx: Tx, eventId: string, now: Date): Promise<void> {
  await tx
    .update(events)
    .set({ sequence: sql`${events.sequence} + 1`, updatedAt: now })
    .where(eq(events.id, eventId));
}

/**
 * Moves one date of a series (or its room) on its own: it becomes `detached`, so later edits of the
 * whole series leave its times and room alone. Its registrants are told when anything changed.
 */
export async function updateOccurrence(
  services: Services,
  viewer: Viewer,
  event: EventRef,
  occurrenceId: string,
  input: OccurrenceInput,
  now = new Date(),
): Promise<OccurrenceResult> {
  return transact(services, async (tx, publish) => {
    const row = await lockOneOccurrence(tx, event.id, occurrenceId);
    if (!row) return { status: "missing" };
    if (row.status === "cancelled") return { status: "cancelled" };
    const [place] = await tx
      .select({ venueName: events.venueName, venueRoom: events.venueRoom })
      .from(events)
      .where(eq(events.id, event.id));
    const venueRoom = input.venueRoom || null;
    const clash = await findVenueClash(
      tx,
      {
        venueName: place.venueName,
        venueRoom: venueRoom ?? place.venueRoom,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
      },
      event.id,
    );
    if (clash) return { status: "invalid", fieldErrors: { venueRoom: ["event.error.venueClash"] }, clash };
    await raiseSequence(tx, event.id, now);
    await tx
      .update(eventOccurrences)
      .set({ startsAt: input.startsAt, endsAt: input.endsAt, venueRoom, detached: true })
      .where(eq(eventOccurrences.id, row.id));
    const moved =
      row.startsAt.getTime() !== input.startsAt.getTime() ||
      row.endsAt.getTime() !== input.endsAt.getTime() ||
      (row.venueRoom ?? null) !== venueRoom;
    if (moved) await tellRegistrants(tx, publish, event, "event.changed", [row.id], viewer?.id ?? null);
    return { status: "saved" };
  });
}

/**
 * Cancels one date: registrations stay, so people can be told (and see it on their list). It stays a
 * date of the series (an EXDATE in calendars), so it is no longer detached even if it had been moved.
 */
export async function cancelOccurrence(
  services: Services,
  viewer: Viewer,
  event: EventRef,
  occurrenceId: string,
  now = new Date(),
): Promise<OccurrenceResult> {
  return transact(services, async (tx, publish) => {
    const row = await lockOneOccurrence(tx, event.id, occurrenceId);
    if (!row) return { status: "missing" };
    if (row.status === "cancelled") return { status: "saved" };
    await raiseSequence(tx, event.id, now);
    await tx
      .update(eventOccurrences)
      .set({ status: "cancelled", detached: false })
      .where(eq(eventOccurrences.id, row.id));
    await tellRegistrants(tx, publish, event, "event.cancelled", [row.id], viewer?.id ?? null);
    return { status: "saved" };
  });
}

/** The room a date was moved to on its own; null when it uses the event's. */
export async function getOccurrenceRoom(db: DbOrTx, occurrenceId: string): Promise<string | null> {
  const [row] = await db
    .select({ venueRoom: eventOccurrences.venueRoom })
    .from(eventOccurrences)
    .where(eq(eventOccurrences.id, occurrenceId));
  return row?.venueRoom ?? null;
}
