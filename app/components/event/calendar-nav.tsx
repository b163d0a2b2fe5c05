import { Form, Link } from "@remix-run/react";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { AllianceChoice } from "~/models/events.server";
import { calendarHref, calendarScopes, calendarViews, type CalendarQuery } from "~/validation/event-calendar";
import { TypeSelect } from "./event-list-nav";

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

/** Alliance and type filters, as a GET form that keeps the view, day and scope. */
export function CalendarFilters({ query, alliances }: { query: CalendarQuery; alliances: AllianceChoice[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Form method="get" className="mt-4 flex flex-wrap items-end gap-3">
      {query.view !== "month" && <input type="hidden" name="view" value={query.view} />}
      {query.date && <input type="hidden" name="date" value={query.date} />}
      {query.scope !== "all" && <input type="hidden" name="scope" value={query.scope} />}
      <select
        name="alliance"
        defaultValue={query.alliance ?? ""}
        aria-label={t("event.list.anyAlliance")}
        className="rounded-md border border-slate-300 px-3 py-2 text-sm"
      >
        <option value="">{t("event.list.anyAlliance")}</option>
        {alliances.map((a) => (
          <option key={a.id} value={a.slug}>
            {pick(locale, a.nameZh, a.nameEn)}
          </option>
        ))}
      </select>
      <TypeSelect value={query.type} />
      <button
        type="submit"
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-semibold"
      >
        {t("event.list.filter")}
      </button>
    </Form>
  );
}
