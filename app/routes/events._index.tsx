import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { EventList } from "~/components/event/event-list";
import { Pager, TypeSelect, WhenTabs } from "~/components/event/event-list-nav";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/i18n/meta";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import { listEvents } from "~/models/event-list.server";
import { listCohostChoices, listHostChoices } from "~/models/events.server";
import { getOptionalUser } from "~/utils/session.server";
import { parseEventListQuery } from "~/validation/event";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "event.list.title");

/** Upcoming events first (a "past" tab for the rest), filtered by alliance and type; three queries. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await getOptionalUser({ request, context });
  const { db } = context.services;
  const query = parseEventListQuery(new URL(request.url).searchParams);
  const [list, alliances, hosts] = await Promise.all([
    listEvents(db, user, query),
    listCohostChoices(db),
    listHostChoices(db, user),
  ]);
  return { query, list, alliances, canCreate: hosts.length > 0 };
}

export default function Events() {
  const { query, list, alliances, canCreate } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("event.list.title")}</h1>
          <p className="mt-2 text-slate-600">{t("event.list.lead")}</p>
        </div>
        {canCreate && (
          <Link
            to="/events/new"
            className="rounded-md bg-teal-700 px-4 py-2 text-sm font-semibold text-white hover:bg-teal-800"
          >
            {t("event.list.new")}
          </Link>
        )}
      </div>
      <WhenTabs path="/events" query={query} />
      <Form method="get" className="mt-4 flex flex-wrap items-end gap-3">
        {query.when === "past" && <input type="hidden" name="when" value="past" />}
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
      <EventList events={list.events} />
      <Pager path="/events" query={query} more={list.more} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
