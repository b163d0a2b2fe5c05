import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CatalogueFilters, KindTabs } from "~/components/resource-catalogue/catalogue-filters";
import { CatalogueResults } from "~/components/resource-catalogue/catalogue-results";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { listNodeChoices } from "~/models/org-edit.server";
import { listAllianceFilter } from "~/models/problems.server";
import { listResources } from "~/models/resource-catalogue.server";
import { can } from "~/utils/permissions.server";
import { getOptionalUser } from "~/utils/session.server";
import { catalogueSearch, parseCatalogueQuery } from "~/validation/resource-catalogue";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "resourceCatalogue.title");

/**
 * The catalogue: a constant number of queries however many resources there are — the page, its count,
 * and the filters' alliances and nodes.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const query = parseCatalogueQuery(new URL(request.url).searchParams);
  const { db } = context.services;
  // The session was already checked for this request (root loader): asking again costs no query.
  const { user } = await getOptionalUser({ request, context });
  const [catalogue, alliances, groups] = await Promise.all([
    listResources(db, user, query),
    listAllianceFilter(db),
    listNodeChoices(db),
  ]);
  return {
    query,
    catalogue,
    alliances,
    groups,
    more: catalogue.nextCursor
      ? `/resources${catalogueSearch(query, { cursor: catalogue.nextCursor })}`
      : null,
    canShare: can(user, "resource.create"),
  };
}

export default function ResourceCatalogue() {
  const { query, catalogue, alliances, groups, more, canShare } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="mx-auto max-w-7xl px-4 py-10 sm:px-6 lg:px-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("resourceCatalogue.title")}</h1>
        {canShare && (
          <Link
            to="/resources/new"
            className="rounded-md bg-teal-700 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600"
          >
            {t("resourceCatalogue.share")}
          </Link>
        )}
      </div>
      <p className="mt-2 max-w-3xl text-slate-600">{t("resourceCatalogue.lead")}</p>
      <KindTabs query={query} action="/resources" />
      <CatalogueFilters query={query} alliances={alliances} groups={groups} action="/resources" />
      <CatalogueResults
        query={query}
        catalogue={catalogue}
        more={more}
        action="/resources"
        emptyKey="resourceCatalogue.empty.none"
        shareLink={canShare ? "/resources/new" : null}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
