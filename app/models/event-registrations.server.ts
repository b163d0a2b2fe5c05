import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { eventOccurrences, eventRegistrations, events } from "../../db/schema/index";
import { eventTopic } from "~/realtime/topics";
import type { Services } from "~/server/context.server";
import type { Tx } from "~/utils/db.server";
import { transact, type Publish } from "./activity.server";
import { newCheckInCode } from "./check-in-code.server";
import type { OccurrenceRef } from "./event-access.server";
import { windowState, type WindowState } from "./event-registration-rules";
import { notifyAll } from "./notifications.server";

/**
 * Registration for one occurrence, with a FIFO waitlist that never overbooks. Every write takes the
 * occurrence's row lock first, so registrations, cancellations and promotions of one occurrence run one
 * after another: `confirmed_count` is read and moved under the lock, and arrival order is the order in
 * which the lock was granted (ids and `queued_at = clock_timestamp()` are both taken after it).
 * Callers have asked the policy table (`event.register`) and `occurrenceAccess` whether the viewer may
 * see the occurrence; the record rules (published, window, seats) are checked here, under the lock.
 */

type RegistrationServices = Pick<Services, "db" | "realtime">;
type Person = { id: string; displayName: string };

export type RegistrationError = Exclude<WindowState, "open"> | "notRegistered";
export type RegistrationStatus = "confirmed" | "waitlisted";
export type RegisterOutcome =
  { ok: true; status: RegistrationStatus; changed: boolean } | { ok: false; error: RegistrationError };
export type CancelOutcome = { ok: true; promoted: string[] } | { ok: false; error: RegistrationError };

const eventLink = (eventId: string) => `/events/${eventId}`;

/**
 * The occurrence with what decides registration, its row locked until commit. NO KEY UPDATE: it
 * serializes the writers of the counter like FOR UPDATE, without blocking the foreign-key checks of
 * rows that merely point at the occurrence.
 */
async function lockOccurrence(tx: Tx, occurrenceId: string) {
  const [row] = await tx
    .select({
      id: eventOccurrences.id,
      eventId: eventOccurrences.eventId,
      startsAt: eventOccurrences.startsAt,
      occurrenceStatus: eventOccurrences.status,
      confirmed: eventOccurrences.confirmedCount,
      eventStatus: events.status,
      title: events.title,
      capacity: events.capacity,
      registrationOpensAt: events.registrationOpensAt,
      registrationClosesAt: events.registrationClosesAt,
    })
    .from(eventOccurrences)
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .where(eq(eventOccurrences.id, occurrenceId))
    .for("no key update", { of: eventOccurrences });
  return row;
}

type Locked = NonNullable<Awaited<ReturnType<typeof lockOccurrence>>>;

async function moveConfirmed(tx: Tx, occurrenceId: string, by: number): Promise<number> {
  const [row] = await tx
    .update(eventOccurrences)
    .set({ confirmedCount: sql`${eventOccurrences.confirmedCount} + ${by}` })
    .where(eq(eventOccurrences.id, occurrenceId))
    .returning({ confirmed: eventOccurrences.confirmedCount });
  return row.confirmed;
}

/** Seats taken after a change, for every open page of the event (each then re-reads its own position). */
function publishSeats(publish: Publish, occurrence: Locked, confirmed: number, actorId: string | null) {
  publish({
    topic: eventTopic(occurrence.eventId),
    type: "event.seats",
    payload: { occurrenceId: occurrence.id, confirmed, capacity: occurrence.capacity },
    actorId,
  });
}

/** A code no other registration of the occurrence holds; under the lock, nobody else can take it meanwhile. */
async function freeCode(tx: Tx, occurrenceId: string): Promise<string> {
  for (;;) {
    const code = newCheckInCode();
    const [taken] = await tx
      .select({ id: eventRegistrations.id })
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.occurrenceId, occurrenceId), eq(eventRegistrations.code, code)));
    if (!taken) return code;
  }
}

/**
 * Registers the person: confirmed while seats are left (or without a limit), else at the back of the
 * waitlist. Registering again while registered changes nothing; after cancelling, the row is revived
 * with a new place at the back of the queue (and keeps its check-in code).
 */
export async function register(
  services: RegistrationServices,
  occurrence: Pick<OccurrenceRef, "id">,
  user: Person,
  now = new Date(),
): Promise<RegisterOutcome> {
  return transact(services, (tx, publish) => registerLocked(tx, publish, occurrence.id, user, now));
}

/**
 * register() inside the caller's `transact` (registering for every date of a series in one
 * transaction): takes the occurrence's row lock itself, like every other writer.
 */
export async function registerLocked(
  tx: Tx,
  publish: Publish,
  occurrenceId: string,
  user: Person,
  now = new Date(),
): Promise<RegisterOutcome> {
  const current = await lockOccurrence(tx, occurrenceId);
  if (!current) return { ok: false, error: "cancelled" };
  const [existing] = await tx
    .select({ status: eventRegistrations.status })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.occurrenceId, current.id), eq(eventRegistrations.userId, user.id)));
  if (existing && existing.status !== "cancelled") {
    return { ok: true, status: existing.status, changed: false };
  }
  const state = windowState(current, now);
  if (state !== "open") return { ok: false, error: state };
  const status: RegistrationStatus =
    current.capacity === null || current.confirmed < current.capacity ? "confirmed" : "waitlisted";
  const place = { status, queuedAt: sql`clock_timestamp()`, updatedAt: now };
  if (existing) {
    await tx
      .update(eventRegistrations)
      .set(place)
      .where(and(eq(eventRegistrations.occurrenceId, current.id), eq(eventRegistrations.userId, user.id)));
  } else {
    const code = await freeCode(tx, current.id);
    await tx
      .insert(eventRegistrations)
      .values({ occurrenceId: current.id, userId: user.id, code, createdAt: now, ...place });
  }
  const confirmed = status === "confirmed" ? await moveConfirmed(tx, current.id, 1) : current.confirmed;
  publishSeats(publish, current, confirmed, user.id);
  return { ok: true, status, changed: true };
}

/**
 * Cancels the person's registration. A confirmed seat goes, in the same transaction, to the earliest
 * waitlisted person, who is told. Cancelling stays possible until the occurrence starts.
 */
export async function cancelRegistration(
  services: RegistrationServices,
  occurrence: Pick<OccurrenceRef, "id">,
  user: Pick<Person, "id">,
  now = new Date(),
): Promise<CancelOutcome> {
  return transact(services, async (tx, publish) => {
    const current = await lockOccurrence(tx, occurrence.id);
    if (!current) return { ok: false, error: "notRegistered" };
    if (current.startsAt <= now) return { ok: false, error: "started" };
    const [previous] = await tx
      .select({ id: eventRegistrations.id, status: eventRegistrations.status })
      .from(eventRegistrations)
      .where(
        and(
          eq(eventRegistrations.occurrenceId, current.id),
          eq(eventRegistrations.userId, user.id),
          inArray(eventRegistrations.status, ["confirmed", "waitlisted"]),
        ),
      );
    if (!previous) return { ok: false, error: "notRegistered" };
    await tx
      .update(eventRegistrations)
      .set({ status: "cancelled", updatedAt: now })
      .where(eq(eventRegistrations.id, previous.id));
    let confirmed = current.confirmed;
    let promoted: string[] = [];
    if (previous.status === "confirmed") {
      confirmed = await moveConfirmed(tx, current.id, -1);
      ({ confirmed, promoted } = await promote(tx, publish, { ...current, confirmed }, now));
    }
    publishSeats(publish, current, confirmed, user.id);
    return { ok: true, promoted };
  });
}

/**
 * Moves the earliest waitlisted people (queued_at, then id) into the free seats and tells each of them.
 * The caller holds the occurrence's lock and has written `occurrence.confirmed` already.
 */
async function promote(
  tx: Tx,
  publish: Publish,
  occurrence: Locked,
  now: Date,
): Promise<{ confirmed: number; promoted: string[] }> {
  const free = occurrence.capacity === null ? null : occurrence.capacity - occurrence.confirmed;
  if (free !== null && free <= 0) return { confirmed: occurrence.confirmed, promoted: [] };
  const next = tx
    .select({ id: eventRegistrations.id })
    .from(eventRegistrations)
    .where(
      and(eq(eventRegistrations.occurrenceId, occurrence.id), eq(eventRegistrations.status, "waitlisted")),
    )
    .orderBy(asc(eventRegistrations.queuedAt), asc(eventRegistrations.id));
  const rows = await tx
    .update(eventRegistrations)
    .set({ status: "confirmed", updatedAt: now })
    .where(inArray(eventRegistrations.id, free === null ? next : next.limit(free)))
    .returning({ userId: eventRegistrations.userId });
  if (rows.length === 0) return { confirmed: occurrence.confirmed, promoted: [] };
  const confirmed = await moveConfirmed(tx, occurrence.id, rows.length);
  await notifyAll(
    tx,
    publish,
    rows.map((row) => ({
      userId: row.userId,
      type: "event.promoted",
      data: { event: occurrence.title },
      href: eventLink(occurrence.eventId),
    })),
  );
  return { confirmed, promoted: rows.map((row) => row.userId) };
}

/**
 * Fills whatever seats are free from the waitlist, inside the caller's `transact` — after the organizer
 * raised the capacity (or removed it). Takes the occurrence's lock itself; returns who was promoted.
 */
export async function fillFreedSeats(tx: Tx, publish: Publish, occurrenceId: string): Promise<string[]> {
  const current = await lockOccurrence(tx, occurrenceId);
  if (!current) return [];
  const { confirmed, promoted } = await promote(tx, publish, current, new Date());
  publishSeats(publish, current, confirmed, null);
  return promoted;
}

/**
 * After the organizer lowered the capacity below the seats taken (and chose this over being refused):
 * the people who registered last lose their seats and go back to the waitlist, where their arrival time
 * keeps them ahead of everyone who queued after them. Each is told. Takes the occurrence's lock itself.
 */
export async function moveLatestToWaitlist(
  tx: Tx,
  publish: Publish,
  occurrenceId: string,
): Promise<string[]> {
  const current = await lockOccurrence(tx, occurrenceId);
  if (!current || current.capacity === null || current.confirmed <= current.capacity) return [];
  const latest = tx
    .select({ id: eventRegistrations.id })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.occurrenceId, occurrenceId), eq(eventRegistrations.status, "confirmed")))
    .orderBy(desc(eventRegistrations.queuedAt), desc(eventRegistrations.id))
    .limit(current.confirmed - current.capacity);
  const rows = await tx
    .update(eventRegistrations)
    .set({ status: "waitlisted", updatedAt: new Date() })
    .where(inArray(eventRegistrations.id, latest))
    .returning({ userId: eventRegistrations.userId });
  const confirmed = await moveConfirmed(tx, occurrenceId, -rows.length);
  await notifyAll(
    tx,
    publish,
    rows.map((row) => ({
      userId: row.userId,
      type: "event.movedToWaitlist",
      data: { event: current.title },
      href: eventLink(current.eventId),
    })),
  );
  publishSeats(publish, current, confirmed, null);
  return rows.map((row) => row.userId);
}
