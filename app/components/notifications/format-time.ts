import type { Locale } from "~/i18n/locales";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Older than this, a notification shows its date instead of "n days ago". */
const RELATIVE_LIMIT = 7 * DAY;

/** The full date and time in the platform's home zone, so server and browser render the same text. */
export function absoluteTime(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Shanghai",
  }).format(date);
}

/**
 * "5 minutes ago" for recent moments, the date beyond a week. `now` is the time the page was
 * rendered on the server, passed down so hydration sees the same text; `justNow` covers both the
 * first minute and live arrivals stamped a little after it.
 */
export function relativeTime(locale: Locale, date: Date, now: Date, justNow: string): string {
  const age = now.getTime() - date.getTime();
  if (age < MINUTE) return justNow;
  if (age >= RELATIVE_LIMIT) return absoluteTime(locale, date);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  if (age < HOUR) return format.format(-Math.floor(age / MINUTE), "minute");
  if (age < DAY) return format.format(-Math.floor(age / HOUR), "hour");
  return format.format(-Math.floor(age / DAY), "day");
}
