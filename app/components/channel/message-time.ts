import type { Locale } from "~/i18n/locales";

/**
 * Message times in the platform's home zone, as the notifications show them: server and browser then
 * render the same text, so hydration never disagrees.
 */
const ZONE = "Asia/Shanghai";

export function clockTime(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone: ZONE }).format(
    new Date(iso),
  );
}

export function fullTime(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short", timeZone: ZONE }).format(
    new Date(iso),
  );
}

export function dayLabel(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "full", timeZone: ZONE }).format(new Date(iso));
}

/** The calendar day (in the home zone) a message was sent on, for day separators. */
export function dayKey(iso: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(new Date(iso));
}
