import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import {
  alliances,
  eventAgendaItems,
  eventCohosts,
  eventOccurrences,
  eventProblems,
  eventRegistrations,
  events,
  memberships,
} from "../../db/schema/index";
import { eventTopic } from "~/realtime/topics";
import { searchVector } from "~/search/tsquery.server";
import { qualified, type Db, type DbOrTx, type Tx } from "~/utils/db.server";
import { allianceRole, canInAlliance, type MembershipState, type Viewer } from "~/utils/permissions.server";
import { expandSeries, parseRrule, seriesAnchor, toRrule } from "~/utils/recurrence";
import { utcToZoned } from "~/utils/zoned-time";
import type { EventEditInput, EventFieldErrors, EventInput } from "~/validation/event";
import type { OccurrenceInput } from "~/validation/event-occurrence";
import { transact, type Publish } from "./activity.server";
import { findVenueClash, findVenueClashIn, type Clash } from "./event-clash.server";
import type { EventRef } from "./event-access.server";
import { fillFreedSeats } from "./event-registrations.server";
import { planSeriesEdit } from "./event-series-plan";
import { notifyAll } from "./notifications.server";
import { problemAccess } from "./problem-access.server";
import type { Realtime } from "~/realtime/types";

type Services = { db: Db; realtime: Realtime };

export type AllianceChoice = { id: string; slug: string; nameZh: string; nameEn: string };

const choiceColumns = {
  id: alliances.id,
  slug: alliances.slug,
  nameZh: alliances.nameZh,
  nameEn: alliances.nameEn,
};

/** The alliances the viewer may host events for (`event.create`): every live one for operators. */
export async function listHostChoices(db: DbOrTx, viewer: Viewer): Promise<AllianceChoice[]> {
  if (!viewer) return [];
  const rows = await db
    .select({
      ...choiceColumns,
      membership: sql<MembershipState>`case when ${memberships.userId} is null then null
        else json_build_object('role', ${memberships.role}, 'status', ${memberships.status}) end`,
    })
    .from(alliances)
    .leftJoin(memberships, and(eq(memberships.allianceId, alliances.id), eq(memberships.userId, viewer.id)))
    .where(isNull(alliances.archivedAt))
    .orderBy(asc(alliances.position), asc(alliances.slug));
  return rows
    .filter((row) => canInAlliance(allianceRole(viewer, row.membership), "event.create"))
    .map(({ membership: _membership, ...choice }) => choice);
}

/** Any live alliance may be named a co-host. */
export async function listCohostChoices(db: DbOrTx): Promise<AllianceChoice[]> {
  return db
    .select(choiceColumns)
    .from(alliances)
    .where(isNull(alliances.archivedAt))
    .orderBy(asc(alliances.position), asc(alliances.slug));
}

export type SaveResult =
  { status: "saved"; id: string } | { status: "invalid"; fieldErrors: EventFieldErrors; clash?: Clash };

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

async function writeDetails(tx: Tx, eventId: string, input: Shared): Promise<void> {
  await tx.delete(eventCohosts).where(eq(eventCohosts.eventId, eventId));
  if (input.cohostIds.length > 0)
    await tx.insert(eventCohosts).values(input.cohostIds.map((allianceId) => ({ eventId, allianceId })));
  await tx.delete(eventAgendaItems).where(eq(eventAgendaItems.eventId, eventId));
  if (input.agenda.length > 0)
    await tx
      .insert(eventAgendaItems)
      .values(input.agenda.map((item, position) => ({ eventId, position, ...item })));
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
  return transact(services, async (tx) => {
    const clash = await findVenueClashIn(tx, input, spans, null);
    if (clash) return clashErrors(clash);
    const [{ id }] = await tx
      .insert(events)
      .values({
        ...(input.id && { id: input.id }),
        ...eventColumns(input),
        rrule: input.recurrence ? toRrule(input.recurrence, input.startsAt, input.timeZone) : null,
        allianceId: input.allianceId,
        createdById: input.createdById ?? viewer?.id ?? null,
        sequence: 0,
      })
      .returning({ id: events.id });
    await tx
      .insert(eventOccurrences)
      .values(spans.map((span) => ({ eventId: id, ...span, originalStartsAt: span.startsAt })));
    await writeDetails(tx, id, input);
    return { status: "saved", id };
  });
}

const live = inArray(eventRegistrations.status, ["confirmed", "waitlisted"]);

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

type Notice = "event.changed" | "event.cancelled";

/**
 * Tells everyone holding a seat or a waitlist place at the occurrences (`event.changed` for a new time
 * or place, `event.cancelled`), and every open page of the event, once the transaction commits.
 */
async function tellRegistrants(
  tx: Tx,
  publish: Publish,
  event: { id: string; title: string },
  type: Notice,
  occurrenceIds: string[],
  actorId: string | null,
): Promise<void> {
  if (occurrenceIds.length === 0) return;
  const people = await tx
    .selectDistinct({ userId: eventRegistrations.userId })
    .from(eventRegistrations)
    .where(and(inArray(eventRegistrations.occurrenceId, occurrenceIds), live));
  await notifyAll(
    tx,
    publish,
    people.map(({ userId }) => ({
      userId,
      type,
      data: { event: event.title },
      href: `/events/${event.id}`,
    })),
  );
  publish({ topic: eventTopic(event.id), type, payload: { occurrenceIds }, actorId });
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
 * refused; a raised one (or none) lets the waitlists move up at once.
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
    if (input.capacity !== undefined && input.capacity < mostConfirmed) {
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
    await writeDetails(tx, event.id, input);

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
      { id: event.id, title: input.title },
      "event.changed",
      changed,
      actorId,
    );
    await tellRegistrants(
      tx,
      publish,
      { id: event.id, title: input.title },
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

async function raiseSequence(tx: Tx, eventId: string, now: Date): Promise<void> {
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

/** The room a date was moved to on its own; null when it uses the event's. */
export async function getOccurrenceRoom(db: DbOrTx, occurrenceId: string): Promise<string | null> {
  const [row] = await db
    .select({ venueRoom: eventOccurrences.venueRoom })
    .from(eventOccurrences)
    .where(eq(eventOccurrences.id, occurrenceId));
  return row?.venueRoom ?? null;
}

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
        { offsetMinutes: number; durationMinutes: number; title: string; guestName: string | null }[]
      >`
        coalesce((select json_agg(json_build_object('offsetMinutes', ${eventAgendaItems.offsetMinutes},
          'durationMinutes', ${eventAgendaItems.durationMinutes}, 'title', ${eventAgendaItems.title},
          'guestName', ${eventAgendaItems.guestName}) order by ${eventAgendaItems.position})
        from ${eventAgendaItems} where ${eventAgendaItems.eventId} = ${qualified(events.id)}), '[]'::json)`,
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
      guestName: item.guestName ?? "",
    })),
    problems: row.problemIds.join("\n"),
  };
}
