import { contentLine, escapeText } from "./content-line";
import { seriesForCalendar } from "~/utils/recurrence";
import { isUtcZone, localDateTime, utcDateTime } from "./date-time";

/** What a calendar needs to know about one event and its dates; built by app/models/event-ics.server.ts. */
export type IcsOccurrence = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  /** The series date it stands for (RECURRENCE-ID), even when moved. */
  originalStartsAt: Date;
  status: "scheduled" | "cancelled";
  detached: boolean;
  venueRoom: string | null;
};

export type IcsEvent = {
  id: string;
  title: string;
  /** Plain text (the Markdown source). */
  description: string;
  timeZone: string;
  status: "draft" | "published" | "cancelled";
  sequence: number;
  createdAt: Date;
  updatedAt: Date;
  /** The event's page. */
  url: string;
  /** The host alliance's name, in the reader's language. */
  organizer: string;
  venueName: string | null;
  venueRoom: string | null;
  venueAddress: string | null;
  /** Only when the reader is entitled to it (a confirmed seat, or organizer). */
  onlineUrl: string | null;
  rrule: string | null;
  occurrences: IcsOccurrence[];
};

export type IcsOptions = { host: string; alarm: boolean };

const STATUS = { draft: "TENTATIVE", published: "CONFIRMED", cancelled: "CANCELLED" } as const;

function dateTime(name: string, instant: Date, timeZone: string): string {
  return isUtcZone(timeZone)
    ? contentLine(name, utcDateTime(instant))
    : contentLine(name, localDateTime(instant, timeZone), { TZID: timeZone });
}

function location(event: IcsEvent, room: string | null): string | null {
  const place = [event.venueName, room, event.venueAddress].filter(Boolean).join(", ");
  return place || event.onlineUrl;
}

function description(event: IcsEvent): string {
  return [event.description.trim(), event.onlineUrl, event.url].filter(Boolean).join("\n\n");
}

/** One VEVENT: the event's own fields plus whatever identifies this date (UID, times, RRULE …). */
function vevent(
  event: IcsEvent,
  options: IcsOptions,
  dated: string[],
  cancelled: boolean,
  room: string | null,
) {
  const place = location(event, room);
  const status = cancelled ? "CANCELLED" : STATUS[event.status];
  return [
    "BEGIN:VEVENT",
    ...dated,
    contentLine("DTSTAMP", utcDateTime(event.updatedAt)),
    contentLine("CREATED", utcDateTime(event.createdAt)),
    contentLine("LAST-MODIFIED", utcDateTime(event.updatedAt)),
    contentLine("SEQUENCE", String(event.sequence)),
    contentLine("STATUS", status),
    contentLine("SUMMARY", escapeText(event.title)),
    contentLine("DESCRIPTION", escapeText(description(event))),
    ...(place ? [contentLine("LOCATION", escapeText(place))] : []),
    contentLine("URL", event.url, { VALUE: "URI" }),
    contentLine("ORGANIZER", `mailto:noreply@${options.host}`, { CN: event.organizer }),
    ...(options.alarm && status !== "CANCELLED"
      ? [
          "BEGIN:VALARM",
          contentLine("ACTION", "DISPLAY"),
          contentLine("DESCRIPTION", escapeText(event.title)),
          contentLine("TRIGGER", "-PT1H"),
          "END:VALARM",
        ]
      : []),
    "END:VEVENT",
  ];
}

/** Each date as its own VEVENT, with the occurrence's id in its UID (a single event uses the event's). */
function perOccurrence(event: IcsEvent, options: IcsOptions): string[] {
  const single = event.occurrences.length === 1 && !event.rrule;
  return event.occurrences.flatMap((occurrence) =>
    vevent(
      event,
      options,
      [
        contentLine("UID", `${single ? event.id : occurrence.id}@${options.host}`),
        dateTime("DTSTART", occurrence.startsAt, event.timeZone),
        dateTime("DTEND", occurrence.endsAt, event.timeZone),
      ],
      occurrence.status === "cancelled",
      occurrence.venueRoom ?? event.venueRoom,
    ),
  );
}

/**
 * A series as calendars expect it: one VEVENT with RRULE and EXDATEs (cancelled dates), plus overrides
 * sharing its UID with RECURRENCE-ID for moved or re-timed dates; dates an edit left off the rule stand
 * on their own. Without a usable rule every date is written as its own VEVENT.
 */
function seriesComponents(event: IcsEvent, options: IcsOptions): string[] {
  const series = seriesForCalendar(event, event.occurrences);
  if (!series) return perOccurrence(event, options);
  const uid = contentLine("UID", `${event.id}@${options.host}`);
  const cancelled = event.status === "cancelled";
  const master = vevent(
    event,
    options,
    [
      uid,
      dateTime("DTSTART", series.start, event.timeZone),
      dateTime("DTEND", series.end, event.timeZone),
      contentLine("RRULE", series.rrule),
      ...series.exdates.map((date) => dateTime("EXDATE", date, event.timeZone)),
    ],
    cancelled,
    event.venueRoom,
  );
  const overrides = series.overrides.flatMap((occurrence) =>
    vevent(
      event,
      options,
      [
        uid,
        dateTime("RECURRENCE-ID", occurrence.originalStartsAt, event.timeZone),
        dateTime("DTSTART", occurrence.startsAt, event.timeZone),
        dateTime("DTEND", occurrence.endsAt, event.timeZone),
      ],
      cancelled,
      occurrence.venueRoom ?? event.venueRoom,
    ),
  );
  return [...master, ...overrides, ...perOccurrence({ ...event, occurrences: series.standalone }, options)];
}

/** The VEVENTs of an event: a single event, or every date of a series. */
export function eventComponents(event: IcsEvent, options: IcsOptions): string[] {
  return event.rrule ? seriesComponents(event, options) : perOccurrence(event, options);
}
