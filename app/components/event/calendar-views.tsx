import { useLocale, useT } from "~/i18n/use-t";
import type { CalendarItem } from "~/models/event-calendar.server";
import { byDay } from "~/utils/calendar-grid";
import { FullEntry, MonthEntry, type CalendarZones } from "./calendar-entry";

/** A zone-free day in words ("12月3日周四" / "Thu, Dec 3"): days are dates, not instants. */
export function formatDay(day: string, locale: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...options }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

function useWeekdayNames(week: string[]) {
  const locale = useLocale();
  return week.map((day) => ({
    short: formatDay(day, locale, { weekday: "short" }),
    long: formatDay(day, locale, { weekday: "long" }),
  }));
}

type GridProps = { caption: string; items: CalendarItem[]; zones: CalendarZones; today: string };

/** The month as a table: weekday headers, one row per week, each cell the day's occurrences as links. */
export function MonthGrid({
  caption,
  weeks,
  month,
  items,
  zones,
  today,
}: GridProps & { weeks: string[][]; month: string }) {
  const t = useT();
  const locale = useLocale();
  const days = weeks.flat();
  const placed = byDay(items, days, zones.grid);
  return (
    <div className="mt-6 overflow-x-auto">
      <table
        className="w-full min-w-[44rem] table-fixed border-collapse bg-white text-left"
        data-testid="calendar-month"
      >
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {useWeekdayNames(weeks[0]).map((name) => (
              <th
                key={name.long}
                scope="col"
                abbr={name.long}
                className="border border-slate-200 bg-slate-100 px-2 py-1 text-xs font-semibold text-slate-700"
              >
                {name.short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const entries = placed.get(day) ?? [];
                const outside = !day.startsWith(month);
                return (
                  <td
                    key={day}
                    aria-current={day === today ? "date" : undefined}
                    className={`h-28 border border-slate-200 p-1 align-top ${outside ? "bg-slate-50" : ""}`}
                    data-day={day}
                  >
                    <span
                      className={`inline-block min-w-6 rounded-full px-1 text-center text-xs ${
                        day === today
                          ? "bg-teal-700 font-semibold text-white"
                          : outside
                            ? "text-slate-400"
                            : "text-slate-700"
                      }`}
                    >
                      <span className="sr-only">
                        {formatDay(day, locale, { month: "long", day: "numeric", weekday: "long" })}
                      </span>
                      <span aria-hidden="true">{Number(day.slice(8))}</span>
                    </span>
                    {entries.length > 0 ? (
                      <ul className="mt-1 space-y-0.5">
                        {entries.map((item) => (
                          <li key={item.occurrenceId}>
                            <MonthEntry item={item} day={day} zones={zones} />
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="sr-only">{t("eventCalendar.noEvents")}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The week as a table of seven columns, one per day, with each occurrence's full time and place. */
export function WeekGrid({ caption, days, items, zones, today }: GridProps & { days: string[] }) {
  const t = useT();
  const locale = useLocale();
  const placed = byDay(items, days, zones.grid);
  return (
    <div className="mt-6 overflow-x-auto">
      <table
        className="w-full min-w-[56rem] table-fixed border-collapse bg-white text-left"
        data-testid="calendar-week"
      >
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {days.map((day) => (
              <th
                key={day}
                scope="col"
                aria-current={day === today ? "date" : undefined}
                className={`border border-slate-200 px-2 py-1 text-xs font-semibold ${
                  day === today ? "bg-teal-700 text-white" : "bg-slate-100 text-slate-700"
                }`}
              >
                {formatDay(day, locale, { weekday: "short", month: "numeric", day: "numeric" })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {days.map((day) => {
              const entries = placed.get(day) ?? [];
              return (
                <td key={day} className="h-48 border border-slate-200 p-2 align-top" data-day={day}>
                  {entries.length > 0 ? (
                    <ul className="space-y-3">
                      {entries.map((item) => (
                        <li key={item.occurrenceId}>
                          <FullEntry item={item} viewerZone={zones.viewer} short />
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="sr-only">{t("eventCalendar.noEvents")}</span>
                  )}
                </td>
              );
            })}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** The period's days that have occurrences, each with a heading and the occurrences in order. */
export function DayList({ days, items, zones, today }: Omit<GridProps, "caption"> & { days: string[] }) {
  const t = useT();
  const locale = useLocale();
  const placed = byDay(items, days, zones.grid);
  const busy = days.filter((day) => (placed.get(day) ?? []).length > 0);
  if (busy.length === 0) return <p className="mt-6 text-slate-600">{t("eventCalendar.empty")}</p>;
  return (
    <div className="mt-6 space-y-6" data-testid="calendar-list">
      {busy.map((day) => (
        <section key={day} aria-labelledby={`day-${day}`}>
          <h2 id={`day-${day}`} className="text-base font-semibold text-slate-900">
            {formatDay(day, locale, { year: "numeric", month: "long", day: "numeric", weekday: "long" })}
            {day === today && (
              <span className="ml-2 text-sm font-normal text-teal-800">{t("eventCalendar.today")}</span>
            )}
          </h2>
          <ul className="mt-2 space-y-3">
            {placed.get(day)!.map((item) => (
              <li
                key={item.occurrenceId}
                className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
              >
                <FullEntry item={item} viewerZone={zones.viewer} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
