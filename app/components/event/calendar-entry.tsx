import { Link } from "@remix-run/react";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { CalendarItem } from "~/models/event-calendar.server";
import { dayOf } from "~/utils/calendar-grid";
import { formatRangeInZone, sameOffset } from "~/utils/zoned-time";
import { EventBadges } from "./event-badges";

/** Where the calendar stands: the zone its days follow, and the viewer's zone once the browser told us. */
export type CalendarZones = { grid: string; viewer: string | null };

function clock(instant: Date, locale: string, timeZone: string, withZone: boolean): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    ...(withZone && { timeZoneName: "short" }),
  }).format(instant);
}

const called = (item: CalendarItem) => item.status === "cancelled" || item.occurrenceStatus === "cancelled";

/** Cancelled (unless a status badge already says so) and the viewer's own registration. */
function Marks({ item, badged = false }: { item: CalendarItem; badged?: boolean }) {
  const t = useT();
  const cancelled = badged
    ? item.status !== "cancelled" && item.occurrenceStatus === "cancelled"
    : called(item);
  return (
    <>
      {cancelled && (
        <span className="ml-1 text-xs font-semibold text-red-800">{t("eventCalendar.cancelled")}</span>
      )}
      {item.registration && (
        <span className="ml-1 text-xs font-semibold text-teal-800">
          {t(`eventCalendar.registration.${item.registration}`)}
        </span>
      )}
    </>
  );
}

/**
 * One occurrence in a month cell: its start in the event's zone (named when the grid follows another
 * clock), the viewer's time beside it when that differs, the title; later days of a long event say so.
 */
export function MonthEntry({ item, day, zones }: { item: CalendarItem; day: string; zones: CalendarZones }) {
  const t = useT();
  const locale = useLocale();
  const firstDay = dayOf(item.startsAt, zones.grid) === day;
  const foreign = !sameOffset(item.startsAt, item.timeZone, zones.grid);
  const viewer =
    zones.viewer && !sameOffset(item.startsAt, item.timeZone, zones.viewer) ? zones.viewer : null;
  return (
    <Link
      to={`/events/${item.id}`}
      className={`block rounded px-1 py-0.5 text-xs leading-snug hover:bg-teal-50 focus-visible:outline-2 focus-visible:outline-teal-600 ${
        called(item) ? "text-slate-500" : "text-slate-800"
      }`}
      data-testid="calendar-entry"
    >
      {firstDay ? (
        <time dateTime={item.startsAt.toISOString()} className="font-medium text-teal-900">
          {clock(item.startsAt, locale, item.timeZone, foreign)}
          {viewer && (
            <span className="ml-1 font-normal text-slate-500" data-testid="viewer-time">
              ({clock(item.startsAt, locale, viewer, false)})
            </span>
          )}
        </time>
      ) : (
        <span className="text-slate-500">{t("eventCalendar.continues")}</span>
      )}{" "}
      <span className={`break-words ${called(item) ? "line-through" : ""}`}>{item.title}</span>
      <Marks item={item} />
    </Link>
  );
}

/**
 * A range for a column that already names the day: clock times only ("14:00–17:00"; the zone is named
 * beside it), unless the occurrence runs over more than one day in that zone.
 */
function shortRange(item: CalendarItem, locale: string, timeZone: string): string {
  if (dayOf(item.startsAt, timeZone) !== dayOf(item.endsAt, timeZone))
    return formatRangeInZone(item.startsAt, item.endsAt, { locale, timeZone });
  return `${clock(item.startsAt, locale, timeZone, false)}–${clock(item.endsAt, locale, timeZone, false)}`;
}

/** The time of an occurrence in its zone, and in the viewer's when the clocks differ. */
export function CalendarTime({
  item,
  viewerZone,
  short = false,
}: {
  item: CalendarItem;
  viewerZone: string | null;
  short?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const other = viewerZone && !sameOffset(item.startsAt, item.timeZone, viewerZone) ? viewerZone : null;
  const range = (timeZone: string) =>
    short
      ? shortRange(item, locale, timeZone)
      : formatRangeInZone(item.startsAt, item.endsAt, { locale, timeZone });
  return (
    <span className="block text-sm text-slate-700">
      <time dateTime={item.startsAt.toISOString()} className="block">
        {range(item.timeZone)}
        <span className="ml-1 text-slate-500">({item.timeZone})</span>
      </time>
      {other && (
        <span className="block text-slate-500" data-testid="viewer-time">
          {t("event.page.yourTime", { time: range(other) })}
        </span>
      )}
    </span>
  );
}

/** One occurrence with its details: week columns (`short`: the column names the day) and the list. */
export function FullEntry({
  item,
  viewerZone,
  short = false,
}: {
  item: CalendarItem;
  viewerZone: string | null;
  short?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <div data-testid="calendar-entry">
      <EventBadges type={item.type} status={item.status} visibility={item.visibility} />
      <p className={`mt-1 font-semibold ${called(item) ? "text-slate-500" : "text-slate-900"}`}>
        <Link
          to={`/events/${item.id}`}
          className={`hover:text-teal-800 hover:underline ${called(item) ? "line-through" : ""}`}
        >
          {item.title}
        </Link>
        <Marks item={item} badged />
      </p>
      <CalendarTime item={item} viewerZone={viewerZone} short={short} />
      <p className="text-sm text-slate-600">
        {[
          [item.venueName, item.venueRoom].filter(Boolean).join(" "),
          item.online ? t("event.list.online") : null,
          t("event.list.hostedBy", { name: pick(locale, item.host.nameZh, item.host.nameEn) }),
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
    </div>
  );
}
