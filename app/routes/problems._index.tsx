import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { BoardFilters } from "~/components/problem/board-filters";
import { NewProblemsBar } from "~/components/problem/new-problems-bar";
import { ProblemList } from "~/components/problem/problem-list";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { listNodeChoices } from "~/models/org-edit.server";
import { listProblems } from "~/models/problem-board.server";
import { boardLiveTopics, countsNewPosts } from "~/models/problem-board-live.server";
import { listAllianceFilter } from "~/models/problems.server";
import { can } from "~/utils/permissions.server";
import { getOptionalUser } from "~/utils/session.server";
import { parseBoardQuery } from "~/validation/problem";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "problem.board.title");

/**
 * A constant number of queries: the page, its count, the filters' alliances and nodes, and for a view
 * that counts new posts the live topics' latest ids.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const query = parseBoardQuery(url.searchParams);
  const { db } = context.services;
  // The session was already checked for this request (root loader): asking again costs no query.
  const { user } = await getOptionalUser({ request, context });
  const [board, alliances, groups, live] = await Promise.all([
    listProblems(db, user, query),
    listAllianceFilter(db),
    listNodeChoices(db),
    countsNewPosts(query) ? boardLiveTopics(db, user) : [],
  ]);
  let more: string | null = null;
  if (board.nextCursor) {
    const next = new URLSearchParams(url.searchParams);
    next.set("cursor", board.nextCursor);
    more = `/problems?${next.toString()}`;
  }
  return {
    query,
    board,
    alliances,
    groups,
    more,
    live,
    viewerId: user?.id ?? null,
    canPost: can(user, "problem.create"),
  };
}

export default function ProblemBoard() {
  const { query, board, alliances, groups, more, live, viewerId, canPost } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="mx-auto max-w-7xl px-4 py-10 sm:px-6 lg:px-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("problem.board.title")}</h1>
        {canPost && (
          <Link
            to="/problems/new"
            className="rounded-md bg-teal-700 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600"
          >
            {t("problem.board.post")}
          </Link>
        )}
      </div>
      <p className="mt-2 max-w-3xl text-slate-600">{t("problem.board.lead")}</p>
      <BoardFilters query={query} alliances={alliances} groups={groups} />
      <NewProblemsBar topics={live} viewerId={viewerId} />
      <p role="status" className="mt-4 text-sm text-slate-600" data-testid="problem-count">
        {t(board.more ? "problem.board.countMore" : "problem.board.count", { count: board.total })}
      </p>
      <ProblemList problems={board.problems} />
      {more && (
        <p className="mt-6 text-center">
          <Link
            to={more}
            rel="next"
            className="inline-block rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50"
          >
            {t("problem.board.more")}
          </Link>
        </p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
