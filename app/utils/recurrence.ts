import { utcToZoned, zonedToUtc } from "./zoned-time";

/**
 * Series of an event: weekly, every two weeks, or monthly on a weekday ("2nd Tuesday", "last Friday"),
 * ending on a date or after a count. Dates are expanded on the wall clock of the event's zone, so a
 * 19:00 seminar stays at 19:00 across daylight-saving changes; each date then maps to its own instant.
 * The stored form is an RFC 5545 RRULE (events.rrule); DTSTART is the series' first date, which the
 * occurrence rows carry (seriesAnchor finds it again).
 */

export const MAX_OCCURRENCES = 500;
export const repeatKinds = ["none", "weekly", "biweekly", "monthly", "monthlyLast"] as const;
export type RepeatKind = (typeof repeatKinds)[number];
export type SeriesEnd = { count: number } | { until: string };
/** `until` is a local date `YYYY-MM-DD` in the event's zone, the last day a date may fall on. */
export type Recurrence = { repeat: Exclude<RepeatKind, "none">; end: SeriesEnd };

export type Expansion = { ok: true; dates: string[] } | { ok: false; error: "tooMany" | "startOffRule" };

const DAY = 86_400_000;
const WEEKDAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"] as const;

type Civil = { y: number; m: number; d: number; time: string };

function civil(local: string): Civil {
  return {
    y: Number(local.slice(0, 4)),
    m: Number(local.slice(5, 7)),
    d: Number(local.slice(8, 10)),
    time: local.slice(11, 16),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const dateText = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const civilMs = ({ y, m, d }: { y: number; m: number; d: number }) => Date.UTC(y, m - 1, d);
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const weekdayOf = (c: { y: number; m: number; d: number }) => new Date(civilMs(c)).getUTCDay();

/** Which weekday of its month a date is: the 1st…5th, and whether it is also the last. */
export function weekdayInMonth(localDate: string): { weekday: number; nth: number; last: boolean } {
  const c = civil(`${localDate.slice(0, 10)}T00:00`);
  return {
    weekday: weekdayOf(c),
    nth: Math.ceil(c.d / 7),
    last: c.d + 7 > daysInMonth(c.y, c.m),
  };
}

/** The day of month of the nth (or, with -1, the last) weekday, or null when the month has no 5th. */
function nthWeekday(y: number, m: number, weekday: number, nth: number): number | null {
  if (nth === -1) {
    const lastDay = daysInMonth(y, m);
    const shift = (weekdayOf({ y, m, d: lastDay }) - weekday + 7) % 7;
    return lastDay - shift;
  }
  const first = (weekday - weekdayOf({ y, m, d: 1 }) + 7) % 7;
  const day = 1 + first + (nth - 1) * 7;
  return day <= daysInMonth(y, m) ? day : null;
}

/** The series' dates as local `YYYY-MM-DDTHH:mm`, the first being the start. Refuses more than `limit`. */
export function expandLocal(startLocal: string, rule: Recurrence, limit = MAX_OCCURRENCES): Expansion {
  const start = civil(startLocal);
  const count = "count" in rule.end ? rule.end.count : null;
  const until = "until" in rule.end ? rule.end.until : null;
  if (count !== null && count > limit) return { ok: false, error: "tooMany" };
  const { weekday, nth, last } = weekdayInMonth(startLocal);
  if (rule.repeat === "monthlyLast" && !last) return { ok: false, error: "startOffRule" };
  const dates: string[] = [];
  const push = (date: string) => {
    dates.push(`${date}T${start.time}`);
  };
  const done = () => (count !== null && dates.length >= count) || dates.length > limit;
  if (rule.repeat === "weekly" || rule.repeat === "biweekly") {
    const step = (rule.repeat === "weekly" ? 7 : 14) * DAY;
    for (let ms = civilMs(start); !done(); ms += step) {
      const date = dateText(ms);
      if (until !== null && date > until) break;
      push(date);
    }
  } else {
    const ordinal = rule.repeat === "monthlyLast" ? -1 : nth;
    // A month without a 5th such weekday is skipped (RFC 5545), so bound the walk by months too.
    for (let index = 0; !done() && index < (limit + 1) * 3; index++) {
      const y = start.y + Math.floor((start.m - 1 + index) / 12);
      const m = ((start.m - 1 + index) % 12) + 1;
      const d = nthWeekday(y, m, weekday, ordinal);
      if (d === null) continue;
      const date = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
      if (until !== null && date > until) break;
      push(date);
    }
  }
  if (dates.length > limit) return { ok: false, error: "tooMany" };
  return { ok: true, dates };
}

/** The instants of a series starting at `start` (an instant) in its zone; a single event is one date. */
export function expandSeries(
  start: Date,
  timeZone: string,
  rule: Recurrence | null,
  limit = MAX_OCCURRENCES,
): { ok: true; starts: Date[] } | { ok: false; error: "tooMany" | "startOffRule" } {
  if (!rule) return { ok: true, starts: [start] };
  const expansion = expandLocal(utcToZoned(start, timeZone), rule, limit);
  if (!expansion.ok) return expansion;
  return { ok: true, starts: expansion.dates.map((local) => zonedToUtc(local, timeZone)!) };
}

const icsUtc = (instant: Date) =>
  instant
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

/** The last instant of a local day in the zone (UNTIL must be UTC when DTSTART has a TZID). */
function endOfLocalDay(date: string, timeZone: string): Date {
  const next = dateText(civilMs(civil(`${date}T00:00`)) + DAY);
  return new Date(zonedToUtc(`${next}T00:00`, timeZone)!.getTime() - 1000);
}

/** The RFC 5545 RRULE value of a series starting at `start`: FREQ=WEEKLY;INTERVAL=2;COUNT=6 … */
export function toRrule(rule: Recurrence, start: Date, timeZone: string): string {
  const parts: string[] = [];
  if (rule.repeat === "weekly") parts.push("FREQ=WEEKLY");
  else if (rule.repeat === "biweekly") parts.push("FREQ=WEEKLY", "INTERVAL=2");
  else {
    const { weekday, nth } = weekdayInMonth(utcToZoned(start, timeZone));
    parts.push("FREQ=MONTHLY", `BYDAY=${rule.repeat === "monthlyLast" ? -1 : nth}${WEEKDAYS[weekday]}`);
  }
  if ("count" in rule.end) parts.push(`COUNT=${rule.end.count}`);
  else parts.push(`UNTIL=${icsUtc(endOfLocalDay(rule.end.until, timeZone))}`);
  return parts.join(";");
}

/** Reads an RRULE this app wrote (others it does not offer come back null). UNTIL becomes a local date. */
export function parseRrule(text: string | null | undefined, timeZone: string): Recurrence | null {
  if (!text) return null;
  const fields = new Map(
    text
      .replace(/^RRULE:/i, "")
      .split(";")
      .map((part) => part.split("=", 2) as [string, string])
      .map(([key, value]) => [key.toUpperCase(), (value ?? "").toUpperCase()]),
  );
  let repeat: Recurrence["repeat"];
  const interval = fields.get("INTERVAL") ?? "1";
  if (fields.get("FREQ") === "WEEKLY" && !fields.has("BYDAY")) {
    if (interval !== "1" && interval !== "2") return null;
    repeat = interval === "2" ? "biweekly" : "weekly";
  } else if (fields.get("FREQ") === "MONTHLY" && interval === "1") {
    const byday = /^(-1|[1-5])(SU|MO|TU|WE|TH|FR|SA)$/.exec(fields.get("BYDAY") ?? "");
    if (!byday) return null;
    repeat = byday[1] === "-1" ? "monthlyLast" : "monthly";
  } else return null;
  const count = fields.get("COUNT");
  const until = fields.get("UNTIL");
  if (count && /^\d{1,4}$/.test(count) && Number(count) >= 1)
    return { repeat, end: { count: Number(count) } };
  const match = until ? /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(until) : null;
  if (!match) return null;
  const [y, mo, d, h, mi, s] = match.slice(1).map(Number);
  const instant = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return { repeat, end: { until: utcToZoned(instant, timeZone).slice(0, 10) } };
}

type SeriesRow = { originalStartsAt: Date; detached: boolean };

/**
 * The row the series starts from (DTSTART): the earliest one whose expansion holds every later row
 * that still follows the series. Rows left off the rule by an edit of the whole series are detached,
 * so they never anchor it; a moved first date still does (its originalStartsAt is on the rule).
 */
export function seriesAnchor<T extends SeriesRow>(rrule: string, timeZone: string, rows: T[]): T | null {
  const rule = parseRrule(rrule, timeZone);
  const sorted = [...rows].sort((a, b) => a.originalStartsAt.getTime() - b.originalStartsAt.getTime());
  if (!rule) return sorted[0] ?? null;
  for (const candidate of sorted) {
    const expansion = expandSeries(candidate.originalStartsAt, timeZone, rule);
    if (!expansion.ok) continue;
    const on = new Set(expansion.starts.map((instant) => instant.getTime()));
    const fits = sorted.every(
      (row) =>
        row.originalStartsAt < candidate.originalStartsAt ||
        row.detached ||
        on.has(row.originalStartsAt.getTime()),
    );
    if (fits) return candidate;
  }
  return sorted[0] ?? null;
}

export type CalendarRow = {
  id: string;
  originalStartsAt: Date;
  startsAt: Date;
  endsAt: Date;
  status: "scheduled" | "cancelled";
  detached: boolean;
};

/**
 * What an .ics writer needs for a series: DTSTART (`start`, an instant to write with the event's TZID),
 * the RRULE text, EXDATEs (rule dates that are cancelled or have no occurrence), the occurrences to write
 * as overrides with RECURRENCE-ID = their originalStartsAt (moved, detached or re-timed ones), and those
 * no longer on the rule at all (`standalone`: write them as their own VEVENTs). Null for a single event.
 */
export function seriesForCalendar<T extends CalendarRow>(
  event: { rrule: string | null; timeZone: string },
  rows: T[],
): { start: Date; end: Date; rrule: string; exdates: Date[]; overrides: T[]; standalone: T[] } | null {
  if (!event.rrule || rows.length === 0) return null;
  const anchor = seriesAnchor(event.rrule, event.timeZone, rows);
  const rule = parseRrule(event.rrule, event.timeZone);
  if (!anchor || !rule) return null;
  const expansion = expandSeries(anchor.originalStartsAt, event.timeZone, rule);
  if (!expansion.ok) return null;
  const byStart = new Map(rows.map((row) => [row.originalStartsAt.getTime(), row]));
  const on = new Set(expansion.starts.map((instant) => instant.getTime()));
  const duration = rows.find((row) => !row.detached) ?? anchor;
  const length = duration.endsAt.getTime() - duration.startsAt.getTime();
  const exdates = expansion.starts.filter((instant) => {
    const row = byStart.get(instant.getTime());
    return !row || row.status === "cancelled";
  });
  const overrides = rows.filter(
    (row) =>
      on.has(row.originalStartsAt.getTime()) &&
      row.status === "scheduled" &&
      (row.detached ||
        row.startsAt.getTime() !== row.originalStartsAt.getTime() ||
        row.endsAt.getTime() - row.startsAt.getTime() !== length),
  );
  const standalone = rows.filter((row) => !on.has(row.originalStartsAt.getTime()));
  return {
    start: anchor.originalStartsAt,
    end: new Date(anchor.originalStartsAt.getTime() + length),
    rrule: event.rrule,
    exdates,
    overrides,
    standalone,
  };
}
