import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import type { AllianceChoice } from "~/models/event-host-choices.server";
import { calendarHref, calendarScopes, calendarViews, type CalendarQuery } from "~/validation/event-calendar";
import { EventFilters } from "./event-list-nav";

const tab = (current: boolean) =>
  `-mb-px border-b-2 px-2 py-2 text-sm font-medium ${
    current ? "border-teal-700 text-teal-800" : "border-transparent text-slate-600 hover:text-slate-900"
  }`;

/** Month, week or list; and, for a signed-in viewer, whose events. Links keep the rest of the state. */
export function CalendarTabs({ query, signedIn }: { query: CalendarQuery; signedIn: boolean }) {
  const t = useT();
  return (
    <div className="mt-6 flex flex-wrap justify-between gap-4 border-b border-slate-200">
      <nav aria-label={t("eventCalendar.views")} className="flex gap-2">
        {calendarViews.map((view) => (
          <Link
            key={view}
            to={calendarHref(query, { view })}
            aria-current={query.view === view ? "page" : undefined}
            preventScrollReset
            className={tab(query.view === view)}
          >
            {t(`eventCalendar.view.${view}`)}
          </Link>
        ))}
      </nav>
      {signedIn && (
        <nav aria-label={t("eventCalendar.scopes")} className="flex gap-2">
          {calendarScopes.map((scope) => (
            <Link
              key={scope}
              to={calendarHref(query, { scope })}
              aria-current={query.scope === scope ? "page" : undefined}
              preventScrollReset
              className={tab(query.scope === scope)}
            >
              {t(`eventCalendar.scope.${scope}`)}
            </Link>
          ))}
        </nav>
      )}
    </div>
  );
}

/** The period's name with previous, today and next around it. */
export function PeriodNav({
  query,
  label,
  previous,
  next,
}: {
  query: CalendarQuery;
  label: string;
  previous: string;
  next: string;
}) {
  const t = useT();
  const unit = query.view === "week" ? "week" : "month";
  const button =
    "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50";
  return (
    <div className="mt-4 flex flex-wrap items-center gap-3">
      <nav aria-label={t("eventCalendar.period")} className="flex gap-2">
        <Link to={calendarHref(query, { date: previous })} rel="prev" preventScrollReset className={button}>
          <span aria-hidden="true">‹ </span>
          {t(`eventCalendar.previous.${unit}`)}
        </Link>
        <Link to={calendarHref(query, { date: null })} preventScrollReset className={button}>
          {t("eventCalendar.today")}
        </Link>
        <Link to={calendarHref(query, { date: next })} rel="next" preventScrollReset className={button}>
          {t(`eventCalendar.next.${unit}`)}
          <span aria-hidden="true"> ›</span>
        </Link>
      </nav>
      <h2 className="text-xl font-semibold text-slate-900" data-testid="calendar-period">
        {label}
      </h2>
    </div>
  );
}

/** Alliance and type filters that keep the view, day and scope. */
export function CalendarFilters({ query, alliances }: { query: CalendarQuery; alliances: AllianceChoice[] }) {
  return (
    <EventFilters
      alliances={alliances}
      alliance={query.alliance}
      type={query.type}
      keep={{
        view: query.view !== "month" ? query.view : null,
        date: query.date || null,
        scope: query.scope !== "all" ? query.scope : null,
      }}
    />
  );
}
