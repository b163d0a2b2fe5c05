import type { Locale } from "~/i18n/locales";
import type { Period } from "~/models/insights/types";

/**
 * How a bucket of the time series is named on an axis and in its table: a day or a week by its first
 * day ("3月4日", "Mar 4"), a month by its month; the year only when the period spans two.
 */
export function bucketFormatter(period: Period, locale: Locale): (start: string) => string {
  const withYear = period.from.slice(0, 4) !== period.to.slice(0, 4);
  const format = new Intl.DateTimeFormat(
    locale,
    period.bucket === "month"
      ? { year: "numeric", month: "short", timeZone: "UTC" }
      : { ...(withYear ? { year: "numeric" } : {}), month: "short", day: "numeric", timeZone: "UTC" },
  );
  return (start) => format.format(new Date(`${start}T00:00:00Z`));
}

/** A period's first or last day (YYYY-MM-DD) for reading: "2025年3月1日", "Mar 1, 2025". */
export function dayFormatter(locale: Locale): (day: string) => string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  return (day) => format.format(new Date(`${day}T00:00:00Z`));
}
