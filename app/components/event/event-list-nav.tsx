import { Form, Link } from "@remix-run/react";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { AllianceChoice } from "~/models/event-host-choices.server";
import { eventTypes, type EventListQuery } from "~/validation/event";

/** A list URL with some of the query changed; defaults are left out, so links stay short. */
export function listHref(path: string, query: EventListQuery, change: Partial<EventListQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.when === "past") params.set("when", "past");
  if (next.alliance) params.set("alliance", next.alliance);
  if (next.type) params.set("type", next.type);
  if (next.page > 1) params.set("page", String(next.page));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * The alliance and type filters, as a GET form; `keep` carries the page's other state (tab, view, day)
 * as hidden fields, so filtering does not lose it.
 */
export function EventFilters({
  alliances,
  alliance,
  type,
  keep,
}: {
  alliances: AllianceChoice[];
  alliance: string | null;
  type: string | null;
  keep: Record<string, string | null>;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <Form method="get" className="mt-4 flex flex-wrap items-end gap-3">
      {Object.entries(keep).map(
        ([name, value]) => value !== null && <input key={name} type="hidden" name={name} value={value} />,
      )}
      <select
        name="alliance"
        defaultValue={alliance ?? ""}
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
      <select
        name="type"
        defaultValue={type ?? ""}
        aria-label={t("event.list.anyType")}
        className="rounded-md border border-slate-300 px-3 py-2 text-sm"
      >
        <option value="">{t("event.list.anyType")}</option>
        {eventTypes.map((choice) => (
          <option key={choice} value={choice}>
            {t(`event.type.${choice}`)}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-semibold"
      >
        {t("event.list.filter")}
      </button>
    </Form>
  );
}

export function WhenTabs({ path, query }: { path: string; query: EventListQuery }) {
  const t = useT();
  return (
    <nav className="mt-6 flex gap-4 border-b border-slate-200" aria-label={t("event.list.title")}>
      {(["upcoming", "past"] as const).map((when) => (
        <Link
          key={when}
          to={listHref(path, query, { when, page: 1 })}
          aria-current={query.when === when ? "page" : undefined}
          preventScrollReset
          className={`-mb-px border-b-2 px-1 py-2 text-sm font-medium ${
            query.when === when ? "border-teal-700 text-teal-800" : "border-transparent text-slate-600"
          }`}
        >
          {t(`event.list.${when}`)}
        </Link>
      ))}
    </nav>
  );
}

export function Pager({ path, query, more }: { path: string; query: EventListQuery; more: boolean }) {
  const t = useT();
  if (query.page === 1 && !more) return null;
  return (
    <p className="mt-6 flex justify-center gap-4 text-sm">
      {query.page > 1 && (
        <Link
          to={listHref(path, query, { page: query.page - 1 })}
          rel="prev"
          className="text-teal-700 underline"
        >
          {t("event.list.previous")}
        </Link>
      )}
      {more && (
        <Link
          to={listHref(path, query, { page: query.page + 1 })}
          rel="next"
          className="text-teal-700 underline"
        >
          {t("event.list.more")}
        </Link>
      )}
    </p>
  );
}
