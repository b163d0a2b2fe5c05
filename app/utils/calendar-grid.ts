import { utcToZoned, zonedToUtc } from "./zoned-time";

/**
 * Calendar date math on plain days (`YYYY-MM-DD`), which are zone-free; a zone only enters when a day
 * becomes a span of instants (`dayStart`) or an instant falls on a day (`dayOf`). Weeks start on Monday.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const toUtc = (day: string) =>
  Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8)));
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Whether the text is a real day between the years 1900 and 2999 (no 30 February). */
export function isDay(value: unknown): value is string {
  if (typeof value !== "string" || !DAY.test(value)) return false;
  const year = Number(value.slice(0, 4));
  return year >= 1900 && year <= 2999 && fromUtc(toUtc(value)) === value;
}

export function addDays(day: string, days: number): string {
  return fromUtc(toUtc(day) + days * DAY_MS);
}

/** The same day of another month, or that month's last day when it is shorter (31 Jan + 1 → 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - 1 + months;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(year, month, Math.min(Number(day.slice(8)), last)));
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(day: string): number {
  return (new Date(toUtc(day)).getUTCDay() + 6) % 7;
}

export function startOfWeek(day: string): string {
  return addDays(day, -weekdayIndex(day));
}

export function startOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The days from `first` up to and including `last`. */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let ms = toUtc(first); ms <= toUtc(last); ms += DAY_MS) days.push(fromUtc(ms));
  return days;
}

/** The month holding `day` as whole weeks, Monday to Sunday: 4 to 6 rows of 7 days. */
export function monthWeeks(day: string): string[][] {
  const first = startOfMonth(day);
  const last = addDays(addMonths(first, 1), -1);
  const days = daysBetween(startOfWeek(first), addDays(startOfWeek(last), 6));
  return Array.from({ length: days.length / 7 }, (_, week) => days.slice(week * 7, week * 7 + 7));
}

export function weekDays(day: string): string[] {
  const monday = startOfWeek(day);
  return daysBetween(monday, addDays(monday, 6));
}

/** The instant a day begins in a zone (where midnight is skipped, the first instant after the gap). */
export function dayStart(day: string, timeZone: string): Date {
  return zonedToUtc(`${day}T00:00`, timeZone)!;
}

/** The day an instant falls on in a zone. */
export function dayOf(instant: Date, timeZone: string): string {
  return utcToZoned(instant, timeZone).slice(0, 10);
}

/** The instants a run of days covers in a zone: from the first day's start to the day after the last. */
export function spanOf(days: string[], timeZone: string): { from: Date; to: Date } {
  return { from: dayStart(days[0], timeZone), to: dayStart(addDays(days[days.length - 1], 1), timeZone) };
}

/**
 * Which of `days` each item falls on in the zone: every day it touches, so a three-day visit shows on
 * three days; an item ending exactly at midnight does not spill into the next day.
 */
export function byDay<T extends { startsAt: Date; endsAt: Date }>(
  items: T[],
  days: string[],
  timeZone: string,
): Map<string, T[]> {
  const out = new Map<string, T[]>(days.map((day) => [day, []]));
  for (const item of items) {
    const first = dayOf(item.startsAt, timeZone);
    const end =
      item.endsAt.getTime() > item.startsAt.getTime() ? item.endsAt.getTime() - 1 : item.startsAt.getTime();
    const last = dayOf(new Date(end), timeZone);
    const lastShown = days[days.length - 1];
    for (const day of daysBetween(first < days[0] ? days[0] : first, last > lastShown ? lastShown : last))
      out.get(day)?.push(item);
  }
  return out;
}
