import { contentLine, escapeText, serialize } from "./content-line";
import { isUtcZone } from "./date-time";
import { vtimezone } from "./timezone";
import { eventComponents, type IcsEvent, type IcsOptions } from "./vevent";

export type CalendarOptions = IcsOptions & {
  /** X-WR-CALNAME, for subscribed feeds. */
  name?: string;
  /** How often subscribers should reload, as an ISO 8601 duration (feeds only). */
  refresh?: string;
};

/** A whole VCALENDAR: one VTIMEZONE per zone used (spanning its events' years), then the events. */
export function writeCalendar(events: readonly IcsEvent[], options: CalendarOptions): string {
  const spans = new Map<string, { first: Date; last: Date }>();
  for (const event of events) {
    if (isUtcZone(event.timeZone)) continue;
    for (const occurrence of event.occurrences) {
      const span = spans.get(event.timeZone) ?? { first: occurrence.startsAt, last: occurrence.endsAt };
      const first = [span.first, occurrence.startsAt, occurrence.originalStartsAt];
      const last = [span.last, occurrence.endsAt];
      spans.set(event.timeZone, {
        first: new Date(Math.min(...first.map(Number))),
        last: new Date(Math.max(...last.map(Number))),
      });
    }
  }
  return serialize([
    "BEGIN:VCALENDAR",
    contentLine("VERSION", "2.0"),
    contentLine("PRODID", "-//Qilian//Qilian Events//EN"),
    contentLine("CALSCALE", "GREGORIAN"),
    ...(options.name ? [contentLine("X-WR-CALNAME", escapeText(options.name))] : []),
    ...(options.refresh
      ? [
          contentLine("REFRESH-INTERVAL", options.refresh, { VALUE: "DURATION" }),
          contentLine("X-PUBLISHED-TTL", options.refresh),
        ]
      : []),
    ...[...spans].flatMap(([timeZone, span]) => vtimezone(timeZone, span.first, span.last)),
    ...events.flatMap((event) => eventComponents(event, options)),
    "END:VCALENDAR",
  ]);
}
