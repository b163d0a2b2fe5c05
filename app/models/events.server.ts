import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import {
  alliances,
  eventAgendaItems,
  eventCohosts,
  eventOccurrences,
  eventProblems,
  events,
  memberships,
} from "../../db/schema/index";
import { searchVector } from "~/search/tsquery.server";
import { qualified, type Db, type DbOrTx, type Tx } from "~/utils/db.server";
import { allianceRole, canInAlliance, type MembershipState, type Viewer } from "~/utils/permissions.server";
import { utcToZoned } from "~/utils/zoned-time";
import type { EventEditInput, EventFieldErrors, EventInput } from "~/validation/event";
import { transact, type Publish } from "./activity.server";
import { findVenueClash, type Clash } from "./event-clash.server";
import type { EventRef } from "./event-access.server";
import { fillFreedSeats } from "./event-registrations.server";
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

/**
 * Schedules a single event: the event, its co-hosts, its one occurrence, agenda and linked problems in
 * one transaction. The host must be an alliance where the viewer has `event.create`.
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
  return transact(services, async (tx) => {
    const clash = await findVenueClash(tx, input, null);
    if (clash) return clashErrors(clash);
    const [{ id }] = await tx
      .insert(events)
      .values({
        ...(input.id && { id: input.id }),
        ...eventColumns(input),
        allianceId: input.allianceId,
        createdById: input.createdById ?? viewer?.id ?? null,
        sequence: 0,
      })
      .returning({ id: events.id });
    await tx.insert(eventOccurrences).values({
      eventId: id,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      originalStartsAt: input.startsAt,
    });
    await writeDetails(tx, id, input);
    return { status: "saved", id };
  });
}

async function lockOccurrence(tx: Tx, eventId: string) {
  const [occurrence] = await tx
    .select({ id: eventOccurrences.id, confirmedCount: eventOccurrences.confirmedCount })
    .from(eventOccurrences)
    .where(eq(eventOccurrences.eventId, eventId))
    .orderBy(asc(eventOccurrences.originalStartsAt))
    .limit(1)
    .for("update");
  return occurrence ?? null;
}

/**
 * Edits an event and keeps its single occurrence in step; every save raises `sequence` (calendars pick
 * the change up). A capacity below the seats already confirmed is refused; a raised one (or none) lets
 * the waitlist move up at once.
 */
export async function updateEvent(
  services: Services,
  viewer: Viewer,
  event: EventRef,
  input: EventEditInput,
): Promise<SaveResult> {
  const fieldErrors = await checkReferences(services.db, viewer, input);
  if (Object.keys(fieldErrors).length > 0) return { status: "invalid", fieldErrors };
  return transact(services, async (tx, publish: Publish) => {
    const occurrence = await lockOccurrence(tx, event.id);
    if (!occurrence)
      return { status: "invalid", fieldErrors: { startsAt: ["event.error.occurrenceMissing"] } };
    if (input.capacity !== undefined && input.capacity < occurrence.confirmedCount) {
      return {
        status: "invalid",
        fieldErrors: { capacity: ["event.error.capacityBelowConfirmed"] },
      };
    }
    const clash = await findVenueClash(tx, input, event.id);
    if (clash) return clashErrors(clash);
    await tx
      .update(events)
      .set({ ...eventColumns(input), sequence: sql`${events.sequence} + 1`, updatedAt: new Date() })
      .where(eq(events.id, event.id));
    await tx
      .update(eventOccurrences)
      .set({ startsAt: input.startsAt, endsAt: input.endsAt, originalStartsAt: input.startsAt })
      .where(eq(eventOccurrences.id, occurrence.id));
    await writeDetails(tx, event.id, input);
    const raised =
      event.capacity !== null && (input.capacity === undefined || input.capacity > event.capacity);
    if (raised) await fillFreedSeats(tx, publish, occurrence.id);
    return { status: "saved", id: event.id };
  });
}

/** Cancels the event and its occurrences; registrations stay, so people can be told. */
export async function cancelEvent(services: Services, event: EventRef): Promise<void> {
  await services.db.transaction(async (tx) => {
    await tx
      .update(events)
      .set({ status: "cancelled", sequence: sql`${events.sequence} + 1`, updatedAt: new Date() })
      .where(eq(events.id, event.id));
    await tx
      .update(eventOccurrences)
      .set({ status: "cancelled" })
      .where(eq(eventOccurrences.eventId, event.id));
  });
}

export type EventFormDefaults = Record<string, string | string[] | Record<string, string>[] | undefined>;

/** The event as the edit form shows it: local times in its own zone, problems as ids one per line. */
export async function getEventForm(db: DbOrTx, eventId: string): Promise<EventFormDefaults | null> {
  const [row] = await db
    .select({
      event: events,
      startsAt: eventOccurrences.startsAt,
      endsAt: eventOccurrences.endsAt,
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
    .innerJoin(eventOccurrences, eq(eventOccurrences.eventId, events.id))
    .where(eq(events.id, eventId))
    .orderBy(asc(eventOccurrences.originalStartsAt))
    .limit(1);
  if (!row) return null;
  const { event } = row;
  const local = (date: Date | null) => (date ? utcToZoned(date, event.timeZone) : undefined);
  return {
    type: event.type,
    title: event.title,
    description: event.description,
    cohostIds: row.cohostIds,
    timeZone: event.timeZone,
    startsAt: local(row.startsAt),
    endsAt: local(row.endsAt),
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
