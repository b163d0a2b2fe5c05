import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EventList } from "~/components/event/event-list";
import { EventFilters, Pager, WhenTabs } from "~/components/event/event-list-nav";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { listEvents } from "~/models/event-list.server";
import { listCohostChoices, listHostChoices } from "~/models/event-host-choices.server";
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
      <EventFilters
        alliances={alliances}
        alliance={query.alliance}
        type={query.type}
        keep={{ when: query.when === "past" ? "past" : null }}
      />
      <EventList events={list.events} />
      <Pager path="/events" query={query} more={list.more} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
