import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { BoardFilters } from "~/components/problem/board-filters";
import { ProblemList } from "~/components/problem/problem-list";
import { SearchResources } from "~/components/resource-catalogue/search-resources";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { listNodeChoices } from "~/models/org-edit.server";
import { searchPageOf, searchProblems } from "~/models/problem-search.server";
import { listAllianceFilter } from "~/models/problems.server";
import { listResources } from "~/models/resource-catalogue.server";
import { getOptionalUser } from "~/utils/session.server";
import { parseBoardQuery } from "~/validation/problem";
import { catalogueSearch, parseCatalogueQuery } from "~/validation/resource-catalogue";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "problem.search.title");

/** How many resources the search shows beside the problems; the catalogue has the rest. */
const RESOURCES_SHOWN = 5;

/**
 * /search?q=: problems by relevance, with the board's filters, and the most relevant shared resources
 * (the same words, chain, node and alliance). A constant number of queries: each kind's results and
 * their count (none for an empty query, which shows a prompt), and the filters' alliances and nodes.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const query = { ...parseBoardQuery(url.searchParams), sort: "newest" as const, cursor: null };
  const resourceQuery = {
    ...parseCatalogueQuery(url.searchParams),
    sort: "relevance" as const,
    cursor: null,
  };
  const page = searchPageOf(url.searchParams);
  const { db } = context.services;
  const { user } = await getOptionalUser({ request, context });
  const [found, resources, alliances, groups] = await Promise.all([
    query.q ? searchProblems(db, user, query, page) : null,
    query.q && page === 1 ? listResources(db, user, resourceQuery, { pageSize: RESOURCES_SHOWN }) : null,
    listAllianceFilter(db),
    listNodeChoices(db),
  ]);
  const pageLink = (n: number) => {
    const params = new URLSearchParams(url.searchParams);
    if (n === 1) params.delete("page");
    else params.set("page", String(n));
    return `/search?${params.toString()}`;
  };
  return {
    query,
    found,
    resources,
    allResources: `/resources${catalogueSearch(resourceQuery)}`,
    alliances,
    groups,
    previous: found && found.page > 1 ? pageLink(found.page - 1) : null,
    next: found?.hasMore ? pageLink(found.page + 1) : null,
  };
}

export default function Search() {
  const { query, found, resources, allResources, alliances, groups, previous, next } =
    useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="mx-auto max-w-7xl px-4 py-10 sm:px-6 lg:px-8">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("problem.search.title")}</h1>
      <p className="mt-2 max-w-3xl text-slate-600">{t("problem.search.lead")}</p>
      <BoardFilters query={query} alliances={alliances} groups={groups} action="/search" sortable={false} />
      {found ? (
        <>
          <p role="status" className="mt-4 text-sm text-slate-600" data-testid="search-count">
            {t(found.more ? "problem.search.countMore" : "problem.search.count", { count: found.total })}
            {found.page > 1 && ` · ${t("problem.search.page", { page: found.page })}`}
          </p>
          {found.results.length > 0 ? (
            <ProblemList problems={found.results} />
          ) : (
            <p className="mt-6 text-slate-600">{t("problem.search.empty")}</p>
          )}
          {(previous || next) && (
            <nav className="mt-6 flex justify-center gap-4 text-sm font-semibold">
              {previous && (
                <Link to={previous} rel="prev" className="text-teal-700 underline hover:text-teal-900">
                  {t("problem.search.previous")}
                </Link>
              )}
              {next && (
                <Link to={next} rel="next" className="text-teal-700 underline hover:text-teal-900">
                  {t("problem.search.next")}
                </Link>
              )}
            </nav>
          )}
          {resources && <SearchResources found={resources} all={allResources} />}
        </>
      ) : (
        <p className="mt-6 text-slate-600" data-testid="search-prompt">
          {t("problem.search.prompt")}
        </p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
