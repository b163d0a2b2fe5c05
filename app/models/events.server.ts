import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import {
  alliances,
  eventAgendaItems,
  eventCohosts,
  eventOccurrences,
  eventProblems,
  eventRegistrations,
  events,
} from "../../db/schema/index";
import { searchVector } from "~/search/tsquery.server";
import { qualified, type Db, type DbOrTx, type Tx } from "~/utils/db.server";
import type { Viewer } from "~/utils/permissions.server";
import { expandSeries, toRrule } from "~/utils/recurrence";
import type { EventEditInput, EventFieldErrors, EventInput } from "~/validation/event";
import { transact, type Publish } from "./activity.server";
import { findVenueClashIn, type Clash } from "./event-clash.server";
import type { EventRef } from "./event-access.server";
import { findPersonOverlaps, type PersonOverlap } from "./event-overlap.server";
import { listHostChoices } from "./event-host-choices.server";
import { fillFreedSeats, moveLatestToWaitlist } from "./event-registrations.server";
import { resolveSpeakers, type AgendaRow } from "./event-speakers.server";
import { planSeriesEdit } from "./event-series-plan";
import { tellRegistrants } from "./event-notices.server";
import { problemAccess } from "./problem-access.server";
import type { Realtime } from "~/realtime/types";

type Services = { db: Db; realtime: Realtime };

export type SaveResult =
  | { status: "saved"; id: string }
  | { status: "invalid"; fieldErrors: EventFieldErrors; clash?: Clash; overlaps?: PersonOverlap[] };

type Shared = Omit<EventInput, "allianceId">;

/** Co-hosts must be live alliances; linked problems ones the saver can see. Field errors otherwise. */
async function checkReferences(db: DbOrTx, viewer: Viewer, input: Shared): Promise<EventFieldErrors> {
  const errors: EventFieldErrors = {};
  if (input.cohostIds.length > 0) {
    const found = await db
      .select({ id: alliances.id })
      .from(alliances)
      .where(and(inArray(alliances.id, input.cohostIds), isNull(alliances.archivedAt)));
    if (found.length !== input.cohostIds.length) errors.cohostIds = ["event.error.cohostInvalid"];
  }
  for (const id of input.problems) {
    if (!(await problemAccess(db, viewer, id))) {
      errors.problems = ["event.error.problemInvalid"];
      break;
    }
  }
  return errors;
}

async function writeDetails(tx: Tx, eventId: string, input: Shared, agenda: AgendaRow[]): Promise<void> {
  await tx.delete(eventCohosts).where(eq(eventCohosts.eventId, eventId));
  if (input.cohostIds.length > 0)
    await tx.insert(eventCohosts).values(input.cohostIds.map((allianceId) => ({ eventId, allianceId })));
  await tx.delete(eventAgendaItems).where(eq(eventAgendaItems.eventId, eventId));
  if (agenda.length > 0)
    await tx
      .insert(eventAgendaItems)
      .values(agenda.map((item, position) => ({ eventId, position, ...item })));
  await tx
    .delete(eventProblems)
    .where(and(eq(eventProblems.eventId, eventId), eq(eventProblems.link, "discussed")));
  if (input.problems.length > 0)
    await tx
      .insert(eventProblems)
      .values(input.problems.map((problemId) => ({ eventId, problemId, link: "discussed" as const })));
}

const eventColumns = (input: Shared) => ({
  type: input.type,
  title: input.title,
  description: input.description,
  timeZone: input.timeZone,
  venueName: input.venueName || null,
  venueRoom: input.venueName ? input.venueRoom || null : null,
  venueAddress: input.venueName ? input.venueAddress || null : null,
  onlineUrl: input.onlineUrl || null,
  capacity: input.capacity ?? null,
  registrationOpensAt: input.registrationOpensAt,
  registrationClosesAt: input.registrationClosesAt,
  visibility: input.visibility,
  status: input.status,
  search: searchVector({ title: input.title, body: input.description }),
});

const clashErrors = (clash: Clash): SaveResult => ({
  status: "invalid",
  fieldErrors: { venueRoom: ["event.error.venueClash"] },
  clash,
});

/** The series' dates, or the field error that refuses them (more than 500, or an off-rule start). */
function seriesStarts(input: Shared): { ok: true; starts: Date[] } | { ok: false; result: SaveResult } {
  const recurrence = input.recurrence ?? null;
  const expansion = expandSeries(input.startsAt, input.timeZone, recurrence);
  if (expansion.ok) return expansion;
  const field =
    expansion.error === "startOffRule"
      ? "repeat"
      : recurrence && "count" in recurrence.end
        ? "repeatCount"
        : "repeatUntil";
  const key =
    expansion.error === "startOffRule" ? "eventSeries.error.notLastWeekday" : "eventSeries.error.tooMany";
  return { ok: false, result: { status: "invalid", fieldErrors: { [field]: [key] } } };
}

const durationOf = (input: Shared) => input.endsAt.getTime() - input.startsAt.getTime();

/**
 * The organizers' and member speakers' other commitments at these times: unless the organizer accepted
 * them, they refuse the save with the list, so nobody double-books a chair or a speaker unawares.
 */
async function overlapWarning(
  tx: Tx,
  input: Shared,
  people: (string | null | undefined)[],
  agenda: AgendaRow[],
  spans: { startsAt: Date; endsAt: Date }[],
  eventId: string | null,
): Promise<SaveResult | null> {
  if (input.acceptOverlaps) return null;
  const ids = [...people, ...agenda.map((item) => item.speakerId)].filter((id): id is string => !!id);
  const overlaps = await findPersonOverlaps(tx, ids, spans, eventId);
  if (overlaps.length === 0) return null;
  return { status: "invalid", fieldErrors: { acceptOverlaps: ["event.error.personOverlap"] }, overlaps };
}

/**
 * Schedules an event: the event, its co-hosts, one occurrence per date (a single event has one), agenda
 * and linked problems in one transaction, after the venue room was checked free for every date. The
 * host must be an alliance where the viewer has `event.create`.
 */
export async function createEvent(
  services: Services,
  viewer: Viewer,
  input: EventInput & { id?: string; createdById?: string },
): Promise<SaveResult> {
  const hosts = await listHostChoices(services.db, viewer);
  if (!hosts.some((host) => host.id === input.allianceId))
    return { status: "invalid", fieldErrors: { allianceId: ["event.error.hostInvalid"] } };
  const fieldErrors = await checkReferences(services.db, viewer, input);
  if (Object.keys(fieldErrors).length > 0) return { status: "invalid", fieldErrors };
  const dates = seriesStarts(input);
  if (!dates.ok) return dates.result;
  const spans = dates.starts.map((startsAt) => ({
    startsAt,
    endsAt: new Date(startsAt.getTime() + durationOf(input)),
  }));
  const organizerId = input.createdById ?? viewer?.id ?? null;
  return transact(services, async (tx) => {
    const clash = await findVenueClashIn(tx, input, spans, null);
    if (clash) return clashErrors(clash);
    const agenda = await resolveSpeakers(tx, [input.allianceId, ...input.cohostIds], input.agenda);
    const warning = await overlapWarning(tx, input, [organizerId], agenda, spans, null);
    if (warning) return warning;
    const [{ id }] = await tx
      .insert(events)
      .values({
        ...(input.id && { id: input.id }),
        ...eventColumns(input),
        rrule: input.recurrence ? toRrule(input.recurrence, input.startsAt, input.timeZone) : null,
        allianceId: input.allianceId,
        createdById: organizerId,
        sequence: 0,
      })
      .returning({ id: events.id });
    await tx
      .insert(eventOccurrences)
      .values(spans.map((span) => ({ eventId: id, ...span, originalStartsAt: span.startsAt })));
    await writeDetails(tx, id, input, agenda);
    return { status: "saved", id };
  });
}

/** Every occurrence of the event, locked (in date order, as registerAll takes them) until commit. */
async function lockOccurrences(tx: Tx, eventId: string) {
  return tx
    .select({
      id: eventOccurrences.id,
      startsAt: eventOccurrences.startsAt,
      endsAt: eventOccurrences.endsAt,
      originalStartsAt: eventOccurrences.originalStartsAt,
      venueRoom: eventOccurrences.venueRoom,
      status: eventOccurrences.status,
      detached: eventOccurrences.detached,
      confirmedCount: eventOccurrences.confirmedCount,
      registrants: sql<number>`(select count(*)::int from ${eventRegistrations}
        where ${eventRegistrations.occurrenceId} = ${qualified(eventOccurrences.id)}
          and ${qualified(eventRegistrations.status)} in ('confirmed', 'waitlisted'))`,
    })
    .from(eventOccurrences)
    .where(eq(eventOccurrences.eventId, eventId))
    .orderBy(asc(eventOccurrences.startsAt), asc(eventOccurrences.id))
    .for("update");
}

const placeOf = (row: {
  venueName: string | null;
  venueRoom: string | null;
  venueAddress: string | null;
  onlineUrl: string | null;
}) => JSON.stringify([row.venueName, row.venueRoom, row.venueAddress, row.onlineUrl]);

/**
 * Edits an event and every date of its series; every save raises `sequence` (calendars pick the change
 * up). Dates are re-planned by planSeriesEdit: registrations stay with their date, moved or cancelled
 * dates tell their registrants. A capacity below the seats already confirmed at a coming date is
 * refused unless the organizer chose to move the latest registrants to the waitlist (`capacityCut`); a
 * raised one (or none) lets the waitlists move up at once.
 */
export async function updateEvent(
  services: Services,
  viewer: Viewer,
  event: EventRef,
  input: EventEditInput,
  now = new Date(),
): Promise<SaveResult> {
  const fieldErrors = await checkReferences(services.db, viewer, input);
  if (Object.keys(fieldErrors).length > 0) return { status: "invalid", fieldErrors };
  const dates = seriesStarts(input);
  if (!dates.ok) return dates.result;
  return transact(services, async (tx, publish: Publish) => {
    const [before] = await tx.select().from(events).where(eq(events.id, event.id)).for("update");
    const rows = await lockOccurrences(tx, event.id);
    if (!before || rows.length === 0)
      return { status: "invalid", fieldErrors: { startsAt: ["event.error.occurrenceMissing"] } };
    const series = before.rrule !== null || Boolean(input.recurrence);
    const coming = rows.filter((row) => row.status === "scheduled" && (!series || row.startsAt > now));
    const mostConfirmed = Math.max(0, ...coming.map((row) => row.confirmedCount));
    const cut = input.capacity !== undefined && input.capacity < mostConfirmed;
    if (cut && !input.capacityCut) {
      return { status: "invalid", fieldErrors: { capacity: ["event.error.capacityBelowConfirmed"] } };
    }
    const plan = planSeriesEdit(rows, dates.starts, {
      durationMs: durationOf(input),
      timeZone: input.timeZone,
      now,
      series,
    });
    const retimed = plan.update.filter((change) => change.startsAt);
    const spans = [...retimed, ...plan.insert].map((span) => ({
      startsAt: span.startsAt!,
      endsAt: span.endsAt!,
    }));
    const clash = await findVenueClashIn(tx, input, spans, event.id);
    if (clash) return clashErrors(clash);
    const agenda = await resolveSpeakers(tx, [event.allianceId, ...input.cohostIds], input.agenda);
    const upcoming = dates.starts
      .filter((startsAt) => startsAt > now)
      .map((startsAt) => ({ startsAt, endsAt: new Date(startsAt.getTime() + durationOf(input)) }));
    const warning = await overlapWarning(
      tx,
      input,
      [before.createdById, viewer?.id],
      agenda,
      upcoming,
      event.id,
    );
    if (warning) return warning;

    let rrule: string | null = null;
    if (input.recurrence) {
      const kept = dates.starts[plan.droppedLeading];
      const end = input.recurrence.end;
      const rebased =
        "count" in end
          ? { ...input.recurrence, end: { count: end.count - plan.droppedLeading } }
          : input.recurrence;
      rrule = toRrule(kept ? rebased : input.recurrence, kept ?? input.startsAt, input.timeZone);
    }
    await tx
      .update(events)
      .set({ ...eventColumns(input), rrule, sequence: sql`${events.sequence} + 1`, updatedAt: now })
      .where(eq(events.id, event.id));

    const byId = new Map(rows.map((row) => [row.id, row]));
    const cancelled = plan.cancel.filter((id) => byId.get(id)?.status === "scheduled");
    if (plan.remove.length > 0)
      await tx.delete(eventOccurrences).where(inArray(eventOccurrences.id, plan.remove));
    if (plan.cancel.length > 0)
      await tx
        .update(eventOccurrences)
        .set({ status: "cancelled", detached: true })
        .where(inArray(eventOccurrences.id, plan.cancel));
    for (const change of plan.update) {
      await tx
        .update(eventOccurrences)
        .set({
          originalStartsAt: change.originalStartsAt,
          detached: change.detached,
          ...(change.startsAt && { startsAt: change.startsAt, endsAt: change.endsAt }),
        })
        .where(eq(eventOccurrences.id, change.id));
    }
    if (plan.insert.length > 0)
      await tx
        .insert(eventOccurrences)
        .values(plan.insert.map((span) => ({ eventId: event.id, ...span, originalStartsAt: span.startsAt })));
    await writeDetails(tx, event.id, input, agenda);
    if (cut) {
      for (const row of coming)
        if (row.confirmedCount > input.capacity!) await moveLatestToWaitlist(tx, publish, row.id);
    }

    const placeMoved = placeOf(before) !== placeOf(eventColumns(input));
    const changed = plan.update
      .filter((change) => {
        const row = byId.get(change.id)!;
        if (row.status !== "scheduled" || (series && row.startsAt <= now)) return false;
        const timesMoved =
          change.startsAt !== undefined &&
          (change.startsAt.getTime() !== row.startsAt.getTime() ||
            change.endsAt!.getTime() !== row.endsAt.getTime());
        return timesMoved || placeMoved;
      })
      .map((change) => change.id);
    const actorId = viewer?.id ?? null;
    await tellRegistrants(
      tx,
      publish,
      { id: event.id, title: input.title, timeZone: input.timeZone },
      "event.changed",
      changed,
      actorId,
    );
    await tellRegistrants(
      tx,
      publish,
      { id: event.id, title: input.title, timeZone: input.timeZone },
      "event.cancelled",
      cancelled,
      actorId,
    );
    const raised =
      event.capacity !== null && (input.capacity === undefined || input.capacity > event.capacity);
    if (raised) for (const row of coming) await fillFreedSeats(tx, publish, row.id);
    return { status: "saved", id: event.id };
  });
}

/** Cancels the event and its occurrences; registrations stay, and everyone at a coming date is told. */
export async function cancelEvent(
  services: Services,
  event: EventRef,
  viewer: Viewer = null,
  now = new Date(),
): Promise<void> {
  await transact(services, async (tx, publish) => {
    await tx
      .update(events)
      .set({ status: "cancelled", sequence: sql`${events.sequence} + 1`, updatedAt: now })
      .where(eq(events.id, event.id));
    const told = await tx
      .update(eventOccurrences)
      .set({ status: "cancelled" })
      .where(
        and(
          eq(eventOccurrences.eventId, event.id),
          eq(eventOccurrences.status, "scheduled"),
          gt(eventOccurrences.endsAt, now),
        ),
      )
      .returning({ id: eventOccurrences.id });
    await tx
      .update(eventOccurrences)
      .set({ status: "cancelled" })
      .where(eq(eventOccurrences.eventId, event.id));
    await tellRegistrants(
      tx,
      publish,
      event,
      "event.cancelled",
      told.map((row) => row.id),
      viewer?.id ?? null,
    );
  });
}
