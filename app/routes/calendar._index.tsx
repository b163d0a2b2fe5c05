import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import type { CalendarZones } from "~/components/event/calendar-entry";
import { CalendarFilters, CalendarTabs, PeriodNav } from "~/components/event/calendar-nav";
import { DayList, formatDay, MonthGrid, WeekGrid } from "~/components/event/calendar-views";
import { useViewerZone } from "~/components/event/use-viewer-zone";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/use-t";
import { CALENDAR_LIMIT, listCalendar } from "~/models/event-calendar.server";
import { listCohostChoices } from "~/models/event-host-choices.server";
import {
  addDays,
  addMonths,
  dayOf,
  daysBetween,
  monthWeeks,
  spanOf,
  startOfMonth,
  weekDays,
} from "~/utils/calendar-grid";
import { getOptionalUser, loginRedirect } from "~/utils/session.server";
import { viewerZoneFrom } from "~/utils/viewer-zone";
import { DEFAULT_TIME_ZONE } from "~/validation/event";
import { parseCalendarQuery } from "~/validation/event-calendar";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "eventCalendar.title");

/**
 * Month, week or list of the occurrences a viewer may see, all state in the URL. Days follow the
 * viewer's zone (the `tz` cookie) or Shanghai until the browser has told us; three queries a page.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await getOptionalUser({ request, context });
  const query = parseCalendarQuery(new URL(request.url).searchParams);
  if (!user && query.scope !== "all") throw loginRedirect(request);
  const viewerZone = viewerZoneFrom(request.headers.get("cookie"));
  const zone = viewerZone ?? DEFAULT_TIME_ZONE;
  const today = dayOf(new Date(), zone);
  const anchor = query.date ?? today;
  const days =
    query.view === "week"
      ? weekDays(anchor)
      : query.view === "month"
        ? monthWeeks(anchor).flat()
        : daysBetween(startOfMonth(anchor), addDays(addMonths(startOfMonth(anchor), 1), -1));
  const { db } = context.services;
  const [calendar, alliances] = await Promise.all([
    listCalendar(db, user, {
      ...spanOf(days, zone),
      scope: query.scope,
      alliance: query.alliance,
      type: query.type,
    }),
    listCohostChoices(db),
  ]);
  const step = (direction: 1 | -1) =>
    query.view === "week" ? addDays(anchor, 7 * direction) : addMonths(anchor, direction);
  return {
    query,
    anchor,
    today,
    days,
    zones: { grid: zone, viewer: viewerZone } satisfies CalendarZones,
    previous: step(-1),
    next: step(1),
    alliances,
    signedIn: Boolean(user),
    ...calendar,
  };
}

export default function Calendar() {
  const data = useLoaderData<typeof loader>();
  const { query, anchor, today, days, zones } = data;
  const t = useT();
  const locale = useLocale();
  useViewerZone(zones.viewer);
  const items = useMemo(
    () =>
      data.items.map((item) => ({
        ...item,
        startsAt: new Date(item.startsAt),
        endsAt: new Date(item.endsAt),
      })),
    [data.items],
  );
  const label =
    query.view === "week"
      ? t("eventCalendar.weekCaption", {
          from: formatDay(days[0], locale, { year: "numeric", month: "long", day: "numeric" }),
          to: formatDay(days[6], locale, { year: "numeric", month: "long", day: "numeric" }),
        })
      : formatDay(anchor, locale, { year: "numeric", month: "long" });
  const caption = `${t("eventCalendar.title")}: ${label}`;
  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("eventCalendar.title")}</h1>
      <p className="mt-2 text-slate-600">{t("eventCalendar.lead")}</p>
      <CalendarTabs query={query} signedIn={data.signedIn} />
      <CalendarFilters query={query} alliances={data.alliances} />
      <PeriodNav query={query} label={label} previous={data.previous} next={data.next} />
      <p className="mt-2 text-xs text-slate-500">{t("eventCalendar.daysIn", { zone: zones.grid })}</p>
      {data.truncated && (
        <p className="mt-2 text-sm text-amber-800" role="status">
          {t("eventCalendar.truncated", { count: CALENDAR_LIMIT })}
        </p>
      )}
      {query.view !== "list" && items.length === 0 && (
        <p className="mt-4 text-slate-600">{t("eventCalendar.empty")}</p>
      )}
      {query.view === "month" && (
        <MonthGrid
          caption={caption}
          weeks={Array.from({ length: days.length / 7 }, (_, week) => days.slice(week * 7, week * 7 + 7))}
          month={anchor.slice(0, 7)}
          items={items}
          zones={zones}
          today={today}
        />
      )}
      {query.view === "week" && (
        <WeekGrid caption={caption} days={days} items={items} zones={zones} today={today} />
      )}
      {query.view === "list" && <DayList days={days} items={items} zones={zones} today={today} />}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
