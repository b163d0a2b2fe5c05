/**
 * Wall-clock times in IANA zones, with Intl only. A local time `YYYY-MM-DDTHH:mm` maps to one instant:
 * in a daylight-saving gap (02:30 on a spring-forward night) it moves forward by the gap, as the clock
 * would; in an overlap (01:30 on a fall-back night) it is the earlier of the two instants. Both choices
 * match RFC 5545 and Temporal's "compatible" disambiguation.
 */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether Intl knows the zone ("Asia/Shanghai", "UTC"); offsets and abbreviations are refused. */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || !/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
  try {
    partsFormatter(value);
    return true;
  } catch {
    return false;
  }
}

type Fields = { year: number; month: number; day: number; hour: number; minute: number };

function parseLocal(local: string): Fields | null {
  const match = LOCAL.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const probe = new Date(Date.UTC(year, month - 1, day, hour, minute));
  if (
    probe.getUTCFullYear() !== year ||
    probe.getUTCMonth() !== month - 1 ||
    probe.getUTCDate() !== day ||
    probe.getUTCHours() !== hour ||
    probe.getUTCMinutes() !== minute
  )
    return null;
  return { year, month, day, hour, minute };
}

/** Whether the text is a real `YYYY-MM-DDTHH:mm` (no 31 February, no 24:00). */
export function isLocalDateTime(value: unknown): value is string {
  return typeof value === "string" && parseLocal(value) !== null;
}

/** The zone's offset from UTC at an instant, in minutes (Shanghai: +480). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    partsFormatter(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant a wall-clock time in a zone stands for; null for malformed text or an unknown zone. */
export function zonedToUtc(local: string, timeZone: string): Date | null {
  const fields = parseLocal(local);
  if (!fields || !isTimeZone(timeZone)) return null;
  const wall = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute);
  // Offsets a day either side bound the answer: the earlier one settles overlaps, the later one gaps.
  const before = offsetMinutes(new Date(wall - 86_400_000), timeZone);
  const after = offsetMinutes(new Date(wall + 86_400_000), timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset * 60_000)
    .filter((instant) => wall - offsetMinutes(new Date(instant), timeZone) * 60_000 === instant)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return new Date(candidates[0]);
  // A gap: the clock skipped this time; read it with the offset from before the change (moves forward).
  return new Date(wall - before * 60_000);
}

/** The wall-clock `YYYY-MM-DDTHH:mm` of an instant in a zone (what a datetime-local input shows). */
export function utcToZoned(instant: Date, timeZone: string): string {
  const shifted = new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60_000);
  return shifted.toISOString().slice(0, 16);
}

export type ZonedFormat = { locale: string; timeZone: string };

/**
 * "2026年3月8日周日 14:00 (GMT+8)" / "Sun, Mar 8, 2026, 02:00 PM (GMT+8)", in the given zone; the zone's
 * name after the time in every language (Intl would put it before the time in Chinese).
 */
export function formatInZone(instant: Date, format: ZonedFormat, withZone = true): string {
  const text = new Intl.DateTimeFormat(format.locale, {
    timeZone: format.timeZone,
    weekday: "short",
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(instant);
  return withZone ? `${text} (${zoneName(instant, format)})` : text;
}

/**
 * A range on one line, its zone named once at the end: "2026年3月8日 周二 14:00 – 16:00 (GMT+8)". The end
 * shows only its time when both fall on the same day in the zone.
 */
export function formatRangeInZone(start: Date, end: Date, format: ZonedFormat): string {
  const sameDay =
    utcToZoned(start, format.timeZone).slice(0, 10) === utcToZoned(end, format.timeZone).slice(0, 10);
  const endText = sameDay
    ? new Intl.DateTimeFormat(format.locale, {
        timeZone: format.timeZone,
        hour: "2-digit",
        minute: "2-digit",
      }).format(end)
    : formatInZone(end, format, false);
  return `${formatInZone(start, format, false)} – ${endText} (${zoneName(start, format)})`;
}

/** The zone's short name at that instant: "GMT+8", "UTC", "GMT+1". */
function zoneName(instant: Date, { locale, timeZone }: ZonedFormat): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" }).formatToParts(instant);
  return parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}

/** Whether two zones show the same wall-clock time at that instant (then one line is enough). */
export function sameOffset(instant: Date, a: string, b: string): boolean {
  return isTimeZone(a) && isTimeZone(b) && offsetMinutes(instant, a) === offsetMinutes(instant, b);
}
