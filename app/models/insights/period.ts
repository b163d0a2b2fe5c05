import type { MessageKey } from "~/i18n/dictionary";
import { utcToZoned } from "~/utils/zoned-time";
import type { Period, PeriodKind } from "./types";

/**
 * The dashboard's period from its URL (`?period=quarter&quarter=2025-Q2`), and back. Days are calendar
 * days in Asia/Shanghai, the plan's time zone, so "March" means the same days to every reader whatever
 * their browser's zone. Pure: the pages, the CSV routes and the tests share it.
 */
export const PERIOD_ZONE = "Asia/Shanghai";

/** Longer custom periods would make the heatmap and medians read years of rollup for one page. */
const MAX_SPAN_YEARS = 3;
/** The plan has no figures before this; an earlier year is a typo. */
const EARLIEST_YEAR = 2000;

export type PeriodResult = { ok: true; period: Period } | { ok: false; errors: Record<string, MessageKey> };

const DAY_MS = 86_400_000;
const KINDS: readonly PeriodKind[] = ["month", "quarter", "year", "custom"];

/** Today in Shanghai, YYYY-MM-DD. */
export function shanghaiDay(instant: Date): string {
  return utcToZoned(instant, PERIOD_ZONE).slice(0, 10);
}

/** Day arithmetic on YYYY-MM-DD strings, done at UTC midnight so no zone shifts a day. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

export function addMonths(day: string, months: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A real calendar day in YYYY-MM-DD (2025-02-30 is not). */
function validDay(value: string | null): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : null;
}

/** Day, ISO week or month: about 30 to 60 points whatever the length. */
export function bucketFor(from: string, to: string): Period["bucket"] {
  const days = daysBetween(from, to);
  return days <= 62 ? "day" : days <= 190 ? "week" : "month";
}

function make(kind: PeriodKind, from: string, to: string): Period {
  return { kind, from, to, bucket: bucketFor(from, to) };
}

type Built = { period: Period } | { field: string; key: MessageKey };

function fixed(kind: Exclude<PeriodKind, "custom">, value: string | null, today: string): Built {
  const [year, month] = today.split("-").map(Number);
  const quarter = Math.floor((month - 1) / 3) + 1;
  const given =
    value ?? { month: today.slice(0, 7), quarter: `${year}-Q${quarter}`, year: String(year) }[kind];
  const pattern = { month: /^(\d{4})-(\d{2})$/, quarter: /^(\d{4})-Q([1-4])$/, year: /^(\d{4})$/ }[kind];
  const match = pattern.exec(given);
  const y = match ? Number(match[1]) : 0;
  const n = match?.[2] ? Number(match[2]) : 1;
  if (!match || (kind === "month" && (n < 1 || n > 12)))
    return { field: kind, key: `insightsPeriod.invalid.${kind}` };
  const firstMonth = kind === "quarter" ? (n - 1) * 3 + 1 : n;
  const from = `${y}-${pad(firstMonth)}-01`;
  const to = addDays(addMonths(from, { month: 1, quarter: 3, year: 12 }[kind]), -1);
  if (y < EARLIEST_YEAR || from > addMonths(today, 12))
    return { field: kind, key: "insightsPeriod.outOfRange" };
  return { period: make(kind, from, to) };
}

function custom(params: URLSearchParams, today: string): Built | { errors: Record<string, MessageKey> } {
  const errors: Record<string, MessageKey> = {};
  const from = validDay(params.get("from"));
  const to = validDay(params.get("to"));
  if (!from) errors.from = params.get("from") ? "insightsPeriod.invalid.day" : "insightsPeriod.required";
  if (!to) errors.to = params.get("to") ? "insightsPeriod.invalid.day" : "insightsPeriod.required";
  if (!from || !to) return { errors };
  if (to < from) return { field: "to", key: "insightsPeriod.toBeforeFrom" };
  if (to >= addMonths(from, 12 * MAX_SPAN_YEARS)) return { field: "to", key: "insightsPeriod.tooLong" };
  if (to > addMonths(today, 12)) return { field: "to", key: "insightsPeriod.tooFar" };
  if (Number(from.slice(0, 4)) < EARLIEST_YEAR) return { field: "from", key: "insightsPeriod.outOfRange" };
  return { period: make("custom", from, to) };
}

/** Reads the period parameters; missing ones mean the current month (quarter, year) in Shanghai. */
export function parsePeriod(params: URLSearchParams, now: Date): PeriodResult {
  const today = shanghaiDay(now);
  const kind = (params.get("period") || "month") as PeriodKind;
  if (!KINDS.includes(kind)) return { ok: false, errors: { period: "insightsPeriod.invalid.period" } };
  const built = kind === "custom" ? custom(params, today) : fixed(kind, params.get(kind) || null, today);
  if ("errors" in built) return { ok: false, errors: built.errors };
  if ("field" in built) return { ok: false, errors: { [built.field]: built.key } };
  return { ok: true, period: built.period };
}

/** The parameters `parsePeriod` reads back into the same period (for links and CSV URLs). */
export function periodParams(period: Period): URLSearchParams {
  const params = new URLSearchParams({ period: period.kind });
  const month = Number(period.from.slice(5, 7));
  if (period.kind === "month") params.set("month", period.from.slice(0, 7));
  else if (period.kind === "quarter")
    params.set("quarter", `${period.from.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`);
  else if (period.kind === "year") params.set("year", period.from.slice(0, 4));
  else {
    params.set("from", period.from);
    params.set("to", period.to);
  }
  return params;
}

/**
 * The first day of the series bucket holding `day`: the day itself, its ISO week's Monday or its
 * month's first day, but never before the period starts, so a quarter's first point is its 1st.
 */
export function bucketStart(period: Period, day: string): string {
  let start = day;
  if (period.bucket === "week") {
    const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
    start = addDays(day, -weekday);
  } else if (period.bucket === "month") start = `${day.slice(0, 7)}-01`;
  return start < period.from ? period.from : start;
}

/** Every bucket's first day in order, so the series has a point (maybe zero) for each. */
export function bucketStarts(period: Period): string[] {
  const starts: string[] = [];
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) {
    const start = bucketStart(period, day);
    if (starts.at(-1) !== start) starts.push(start);
  }
  return starts;
}
