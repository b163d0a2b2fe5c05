import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EventList } from "~/components/event/event-list";
import { Pager, WhenTabs } from "~/components/event/event-list-nav";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { metaLocale, metaTranslator } from "~/i18n/meta";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { listEvents } from "~/models/event-list.server";
import { loadAlliance } from "~/utils/alliance-guard.server";
import { canInAlliance } from "~/utils/permissions.server";
import { parseEventListQuery } from "~/validation/event";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  const parent = matches.find((match) => match.id === "routes/alliances.$slug")?.data as
    { alliance?: { nameZh: string; nameEn: string } } | undefined;
  const name = parent?.alliance
    ? ` · ${pick(metaLocale(matches), parent.alliance.nameZh, parent.alliance.nameEn)}`
    : "";
  return [{ title: `${t("event.tab")}${name} · ${t("common.appName")}` }];
};

/** The alliance's events (hosted or co-hosted), upcoming or past, as the viewer may see them. */
export async function loader(args: LoaderFunctionArgs) {
  const { alliance, role, user } = await loadAlliance(args);
  const query = { ...parseEventListQuery(new URL(args.request.url).searchParams), alliance: alliance.slug };
  const list = await listEvents(args.context.services.db, user, query);
  return {
    query,
    list,
    path: `/alliances/${alliance.slug}/events`,
    create: canInAlliance(role, "event.create") ? `/events/new?alliance=${alliance.slug}` : null,
  };
}

export default function AllianceEvents() {
  const { query, list, path, create } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="alliance-events-title">
      <h2 id="alliance-events-title" className="sr-only">
        {t("event.tab")}
      </h2>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <p className="text-slate-600">{t("event.list.allianceLead")}</p>
        {create && (
          <Link
            to={create}
            className="rounded-md bg-teal-700 px-4 py-2 text-sm font-semibold text-white hover:bg-teal-800"
          >
            {t("event.list.new")}
          </Link>
        )}
      </div>
      <WhenTabs path={path} query={{ ...query, alliance: null }} />
      <EventList events={list.events} />
      <Pager path={path} query={{ ...query, alliance: null }} more={list.more} />
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
