import { offsetMinutes } from "~/utils/zoned-time";
import { contentLine } from "./content-line";
import { localAtOffset, utcOffset } from "./date-time";

/**
 * A VTIMEZONE built from what Intl knows, for the years an event covers: every offset change in that
 * span as its own observance (no RRULE to get wrong), starting with the offset in force at the start.
 * Calendars then place TZID times exactly as the server does, daylight saving included.
 */

const DAY = 86_400_000;
const MINUTE = 60_000;

type Change = { at: Date; from: number; to: number };

/** The first minute in (low, high] at which the offset differs from the one at `low`. */
function changeBetween(timeZone: string, low: number, high: number): number {
  const before = offsetMinutes(new Date(low), timeZone);
  let lo = low;
  let hi = high;
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (offsetMinutes(new Date(mid), timeZone) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

function changes(timeZone: string, start: number, end: number): Change[] {
  const found: Change[] = [];
  let previous = offsetMinutes(new Date(start), timeZone);
  for (let t = start; t < end; t += DAY) {
    const next = Math.min(t + DAY, end);
    const offset = offsetMinutes(new Date(next), timeZone);
    if (offset === previous) continue;
    found.push({ at: new Date(changeBetween(timeZone, t, next)), from: previous, to: offset });
    previous = offset;
  }
  return found;
}

/** The VTIMEZONE lines for a zone, covering whole years from the first to the last instant. */
export function vtimezone(timeZone: string, first: Date, last: Date): string[] {
  const start = Date.UTC(first.getUTCFullYear(), 0, 1) - DAY;
  const end = Date.UTC(last.getUTCFullYear() + 1, 0, 1) + DAY;
  const initial = offsetMinutes(new Date(start), timeZone);
  const found = changes(timeZone, start, end);
  const standard = Math.min(initial, ...found.map((change) => change.to));
  const observance = (at: Date, from: number, to: number) => {
    const kind = to > standard ? "DAYLIGHT" : "STANDARD";
    return [
      `BEGIN:${kind}`,
      contentLine("DTSTART", localAtOffset(at, from)),
      contentLine("TZOFFSETFROM", utcOffset(from)),
      contentLine("TZOFFSETTO", utcOffset(to)),
      `END:${kind}`,
    ];
  };
  return [
    "BEGIN:VTIMEZONE",
    contentLine("TZID", timeZone),
    ...observance(new Date(start), initial, initial),
    ...found.flatMap((change) => observance(change.at, change.from, change.to)),
    "END:VTIMEZONE",
  ];
}
