import { z } from "zod";
import type { MessageKey } from "~/i18n/dictionary";
import { expandLocal, MAX_OCCURRENCES, repeatKinds, type Recurrence } from "~/utils/recurrence";
import { isLocalDateTime, isTimeZone, zonedToUtc } from "~/utils/zoned-time";

/**
 * The event form's schema, for creating and editing (editing leaves the host alliance out). Times are
 * typed as wall-clock `YYYY-MM-DDTHH:mm` in the event's zone; `startsAt`… in the output are instants.
 * Whether the host, co-hosts and linked problems may be chosen needs the database: the model checks those.
 */

export const eventTypes = [
  "seminar",
  "academic_exchange",
  "workshop",
  "alliance_meeting",
  "site_visit",
] as const;
export const eventStatuses = ["draft", "published", "cancelled"] as const;
export const eventVisibilities = ["public", "alliance"] as const;
export const editableStatuses = ["draft", "published"] as const;
export type EventType = (typeof eventTypes)[number];
export type EventStatus = (typeof eventStatuses)[number];
export type EventVisibility = (typeof eventVisibilities)[number];

export const TITLE_MAX = 120;
export const DESCRIPTION_MAX = 20_000;
export const COHOSTS_MAX = 5;
export const CAPACITY_MAX = 100_000;
export const AGENDA_MAX = 30;
export const PROBLEMS_MAX = 10;
export const TEXT_MAX = 200;
export const URL_MAX = 500;
/** A week: longer than any seminar or visit, and it bounds agenda offsets. */
export const DURATION_MAX_MINUTES = 7 * 24 * 60;
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

const m = (key: MessageKey) => key;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_ANYWHERE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

const optionalText = (max: number, key: MessageKey) => z.string().trim().max(max, m(key)).optional();
const minutes = (key: MessageKey) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, m(key))
    .transform(Number)
    .refine((n) => n <= DURATION_MAX_MINUTES, m(key));

const agendaItem = z.object({
  offsetMinutes: z.string().trim().optional(),
  durationMinutes: z.string().trim().optional(),
  title: z.string().trim().optional(),
  /** A member's display name (linked to them when exactly one member of a host has it) or a guest's. */
  speaker: z.string().trim().optional(),
});
type AgendaRow = z.infer<typeof agendaItem>;
const blankRow = (row: AgendaRow) => !row.offsetMinutes && !row.durationMinutes && !row.title && !row.speaker;

/** Problems are pasted as links or ids, one or several; the ids found are kept, repeats collapse. */
export function problemIdsIn(text: string): string[] {
  return [...new Set((text.match(UUID_ANYWHERE) ?? []).map((id) => id.toLowerCase()))];
}

type RepeatFields = {
  repeat: (typeof repeatKinds)[number];
  repeatEnd: "count" | "until";
  repeatCount?: string;
  repeatUntil?: string;
};

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The series the repeat fields describe (null: a single event); only called on checked input. */
function recurrenceOf(fields: RepeatFields): Recurrence | null {
  if (fields.repeat === "none") return null;
  return {
    repeat: fields.repeat,
    end:
      fields.repeatEnd === "count" ? { count: Number(fields.repeatCount) } : { until: fields.repeatUntil! },
  };
}

/**
 * A series ends after 1–500 dates or on a date not before the start; expanding it in the event's zone
 * refuses more than 500 dates and a "last weekday" rule whose start is not one.
 */
function checkRepeat(
  value: RepeatFields & { startsAt: string; timeZone: string },
  issue: (path: string[], key: MessageKey) => void,
) {
  if (value.repeat === "none") return;
  const endField = value.repeatEnd === "count" ? "repeatCount" : "repeatUntil";
  if (value.repeatEnd === "count") {
    if (!/^\d{1,6}$/.test(value.repeatCount ?? "") || Number(value.repeatCount) < 1)
      return issue([endField], "eventSeries.error.countInvalid");
    if (Number(value.repeatCount) > MAX_OCCURRENCES) return issue([endField], "eventSeries.error.tooMany");
  } else {
    const until = value.repeatUntil ?? "";
    if (!LOCAL_DATE.test(until) || !isLocalDateTime(`${until}T00:00`))
      return issue([endField], "eventSeries.error.untilInvalid");
    if (isLocalDateTime(value.startsAt) && until < value.startsAt.slice(0, 10))
      return issue([endField], "eventSeries.error.untilBeforeStart");
  }
  if (!isLocalDateTime(value.startsAt) || !isTimeZone(value.timeZone)) return;
  const expansion = expandLocal(value.startsAt, recurrenceOf(value)!);
  if (!expansion.ok && expansion.error === "tooMany") issue([endField], "eventSeries.error.tooMany");
  if (!expansion.ok && expansion.error === "startOffRule")
    issue(["repeat"], "eventSeries.error.notLastWeekday");
}

function eventSchemaFor(create: boolean) {
  return z
    .object({
      type: z.enum(eventTypes, { errorMap: () => ({ message: m("event.error.typeInvalid") }) }),
      title: z
        .string({ required_error: m("event.error.titleRequired") })
        .trim()
        .min(1, m("event.error.titleRequired"))
        .max(TITLE_MAX, m("event.error.titleTooLong")),
      description: z.string().trim().max(DESCRIPTION_MAX, m("event.error.descriptionTooLong")).default(""),
      allianceId: create
        ? z
            .string({ required_error: m("event.error.hostRequired") })
            .regex(UUID, m("event.error.hostInvalid"))
        : z
            .string()
            .optional()
            .transform(() => undefined),
      cohostIds: z
        .array(z.string().regex(UUID, m("event.error.cohostInvalid")))
        .max(COHOSTS_MAX, m("event.error.cohostsTooMany"))
        .default([]),
      timeZone: z
        .string()
        .trim()
        .default(DEFAULT_TIME_ZONE)
        .refine((zone) => isTimeZone(zone), m("event.error.timeZoneUnknown")),
      startsAt: z
        .string({ required_error: m("event.error.startRequired") })
        .refine(isLocalDateTime, m("event.error.dateTimeInvalid")),
      endsAt: z
        .string({ required_error: m("event.error.endRequired") })
        .refine(isLocalDateTime, m("event.error.dateTimeInvalid")),
      venueName: optionalText(TEXT_MAX, "event.error.textTooLong"),
      venueRoom: optionalText(TEXT_MAX, "event.error.textTooLong"),
      venueAddress: optionalText(TEXT_MAX, "event.error.textTooLong"),
      onlineUrl: z
        .string()
        .trim()
        .max(URL_MAX, m("event.error.onlineUrlInvalid"))
        .refine((text) => {
          try {
            const url = new URL(text);
            return url.protocol === "https:" && url.hostname.length > 0;
          } catch {
            return false;
          }
        }, m("event.error.onlineUrlInvalid"))
        .optional(),
      capacity: z
        .string()
        .trim()
        .regex(/^\d{1,6}$/, m("event.error.capacityInvalid"))
        .transform(Number)
        .refine((n) => n >= 1 && n <= CAPACITY_MAX, m("event.error.capacityInvalid"))
        .optional(),
      registrationOpensAt: z.string().refine(isLocalDateTime, m("event.error.dateTimeInvalid")).optional(),
      registrationClosesAt: z.string().refine(isLocalDateTime, m("event.error.dateTimeInvalid")).optional(),
      visibility: z.enum(eventVisibilities, {
        errorMap: () => ({ message: m("event.error.visibilityInvalid") }),
      }),
      status: z.enum(editableStatuses, { errorMap: () => ({ message: m("event.error.statusInvalid") }) }),
      agenda: z.array(agendaItem).default([]),
      /** Save although an organizer or speaker is busy at another event then (a warning, not a clash). */
      acceptOverlaps: z
        .literal("on")
        .optional()
        .transform((on) => on === "on"),
      /** Lowering capacity below the seats taken moves the latest registrants to the waitlist. */
      capacityCut: z
        .literal("on")
        .optional()
        .transform((on) => on === "on"),
      repeat: z
        .enum(repeatKinds, { errorMap: () => ({ message: m("eventSeries.error.repeatInvalid") }) })
        .default("none"),
      repeatEnd: z.enum(["count", "until"]).default("count"),
      repeatCount: z.string().trim().optional(),
      repeatUntil: z.string().trim().optional(),
      problems: z
        .string()
        .max(PROBLEMS_MAX * 80, m("event.error.problemsTooMany"))
        .optional()
        .transform((text) => problemIdsIn(text ?? ""))
        .refine((ids) => ids.length <= PROBLEMS_MAX, m("event.error.problemsTooMany")),
    })
    .superRefine((value, ctx) => {
      const issue = (path: (string | number)[], key: MessageKey) =>
        ctx.addIssue({ code: "custom", path, message: m(key) });
      const start = zonedToUtc(value.startsAt, value.timeZone);
      const end = zonedToUtc(value.endsAt, value.timeZone);
      if (start && end) {
        if (end <= start) issue(["endsAt"], "event.error.endBeforeStart");
        else if (end.getTime() - start.getTime() > DURATION_MAX_MINUTES * 60_000)
          issue(["endsAt"], "event.error.tooLong");
      }
      if (!value.venueName && !value.onlineUrl) issue(["venueName"], "event.error.placeRequired");
      if ((value.venueRoom || value.venueAddress) && !value.venueName)
        issue(["venueName"], "event.error.venueNameRequired");
      const opens = value.registrationOpensAt ? zonedToUtc(value.registrationOpensAt, value.timeZone) : null;
      const closes = value.registrationClosesAt
        ? zonedToUtc(value.registrationClosesAt, value.timeZone)
        : null;
      if (closes && end && closes > end) issue(["registrationClosesAt"], "event.error.closesAfterEnd");
      if (opens && closes && closes <= opens)
        issue(["registrationClosesAt"], "event.error.closesBeforeOpens");
      if (
        new Set(value.cohostIds).size !== value.cohostIds.length ||
        value.cohostIds.includes(value.allianceId ?? "")
      )
        issue(["cohostIds"], "event.error.cohostInvalid");
      checkRepeat(value, issue);
      const rows = value.agenda.filter((row) => !blankRow(row));
      if (rows.length > AGENDA_MAX) issue(["agenda"], "event.error.agendaTooLong");
      value.agenda.forEach((row, index) => {
        if (blankRow(row)) return;
        const check = (field: keyof AgendaRow, ok: boolean, key: MessageKey) => {
          if (!ok) issue(["agenda", index, field], key);
        };
        check("title", Boolean(row.title) && row.title!.length <= TEXT_MAX, "event.error.agendaTitle");
        check("speaker", (row.speaker ?? "").length <= TEXT_MAX, "event.error.textTooLong");
        const offset = minutes("event.error.agendaMinutes").safeParse(row.offsetMinutes ?? "");
        const duration = minutes("event.error.agendaMinutes").safeParse(row.durationMinutes ?? "");
        check("offsetMinutes", offset.success, "event.error.agendaMinutes");
        check("durationMinutes", duration.success && duration.data > 0, "event.error.agendaMinutes");
      });
    })
    .transform(
      ({ repeat: _repeat, repeatEnd: _end, repeatCount: _count, repeatUntil: _until, ...value }) => ({
        ...value,
        recurrence: recurrenceOf({
          repeat: _repeat,
          repeatEnd: _end,
          repeatCount: _count,
          repeatUntil: _until,
        }),
        startsAt: zonedToUtc(value.startsAt, value.timeZone)!,
        endsAt: zonedToUtc(value.endsAt, value.timeZone)!,
        registrationOpensAt: value.registrationOpensAt
          ? zonedToUtc(value.registrationOpensAt, value.timeZone)
          : null,
        registrationClosesAt: value.registrationClosesAt
          ? zonedToUtc(value.registrationClosesAt, value.timeZone)
          : null,
        agenda: value.agenda
          .filter((row) => !blankRow(row))
          .map((row) => ({
            offsetMinutes: Number(row.offsetMinutes),
            durationMinutes: Number(row.durationMinutes),
            title: row.title!,
            speaker: row.speaker || null,
          })),
      }),
    );
}

export const eventCreateSchema = eventSchemaFor(true);
export const eventEditSchema = eventSchemaFor(false);
/** The one schema, in its two shapes: editing leaves the host alliance out. */
export const eventSchema = (mode: "create" | "edit") =>
  mode === "create" ? eventCreateSchema : eventEditSchema;

/**
 * Creating always names the host (the create schema requires it). Callers outside the form (tests, the
 * seed) may leave out `recurrence` (a single event) and the two confirmations (not given).
 */
type Optional = "recurrence" | "acceptOverlaps" | "capacityCut";
type Confirmations = { recurrence?: Recurrence | null; acceptOverlaps?: boolean; capacityCut?: boolean };
export type EventInput = Omit<z.infer<typeof eventCreateSchema>, "allianceId" | Optional> &
  Confirmations & { allianceId: string };
export type EventEditInput = Omit<z.infer<typeof eventEditSchema>, "allianceId" | Optional> & Confirmations;
export type EventFieldErrors = Partial<Record<string, string[]>>;

/** The list's query string: filters in shared links that are not understood mean "no filter". */
export type EventListQuery = {
  when: "upcoming" | "past";
  alliance: string | null;
  type: EventType | null;
  page: number;
};

const SLUG = /^[a-z0-9-]{1,100}$/;

export function parseEventListQuery(params: URLSearchParams): EventListQuery {
  const text = (name: string) => (params.get(name) ?? "").trim();
  const page = Number(text("page"));
  return {
    when: text("when") === "past" ? "past" : "upcoming",
    alliance: SLUG.test(text("alliance")) ? text("alliance") : null,
    type: eventTypes.includes(text("type") as EventType) ? (text("type") as EventType) : null,
    page: Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1,
  };
}
