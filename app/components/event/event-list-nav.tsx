import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
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

export function TypeSelect({ value }: { value: string | null }) {
  const t = useT();
  return (
    <select
      name="type"
      defaultValue={value ?? ""}
      aria-label={t("event.list.anyType")}
      className="rounded-md border border-slate-300 px-3 py-2 text-sm"
    >
      <option value="">{t("event.list.anyType")}</option>
      {eventTypes.map((type) => (
        <option key={type} value={type}>
          {t(`event.type.${type}`)}
        </option>
      ))}
    </select>
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
