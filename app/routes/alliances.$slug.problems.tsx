import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { BoardFilters } from "~/components/problem/board-filters";
import { NewProblemsBar } from "~/components/problem/new-problems-bar";
import { ProblemList } from "~/components/problem/problem-list";
import { metaLocale, metaTranslator } from "~/i18n/meta";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { listNodeChoices } from "~/models/org-edit.server";
import { listProblems } from "~/models/problem-board.server";
import { boardLiveTopics, countsNewPosts } from "~/models/problem-board-live.server";
import { allianceBoardTopic, BOARD_TOPIC } from "~/realtime/topics";
import { loadAlliance } from "~/utils/alliance-guard.server";
import { parseBoardQuery } from "~/validation/problem";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  const parent = matches.find((match) => match.id === "routes/alliances.$slug")?.data as
    { alliance?: { nameZh: string; nameEn: string } } | undefined;
  const name = parent?.alliance
    ? ` · ${pick(metaLocale(matches), parent.alliance.nameZh, parent.alliance.nameEn)}`
    : "";
  return [{ title: `${t("problem.tab")}${name} · ${t("common.appName")}` }];
};

/**
 * The alliance's board: the board with its alliance fixed (members-only problems for members, public ones
 * posted to it for everyone). A constant number of queries: the page, its count, the chain nodes and, on
 * its first page, the live topics' latest ids (the board's, and the alliance's members-only one).
 */
export async function loader(args: LoaderFunctionArgs) {
  const { alliance, user } = await loadAlliance(args);
  const url = new URL(args.request.url);
  const query = { ...parseBoardQuery(url.searchParams), alliance: alliance.slug };
  const { db } = args.context.services;
  const [board, groups, topics] = await Promise.all([
    listProblems(db, user, query),
    listNodeChoices(db),
    countsNewPosts(query, { allianceFixed: true }) ? boardLiveTopics(db, user) : [],
  ]);
  const live = topics.filter((t) => t.topic === BOARD_TOPIC || t.topic === allianceBoardTopic(alliance.id));
  const path = `/alliances/${alliance.slug}/problems`;
  let more: string | null = null;
  if (board.nextCursor) {
    const next = new URLSearchParams(url.searchParams);
    next.set("cursor", board.nextCursor);
    more = `${path}?${next.toString()}`;
  }
  return { query, board, groups, path, more, live, allianceId: alliance.id, viewerId: user?.id ?? null };
}

export default function AllianceProblems() {
  const { query, board, groups, path, more, live, allianceId, viewerId } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="alliance-problems-title">
      <h2 id="alliance-problems-title" className="sr-only">
        {t("problem.tab")}
      </h2>
      <p className="text-slate-600">{t("problem.board.allianceLead")}</p>
      <BoardFilters query={query} alliances={[]} groups={groups} action={path} allianceFixed />
      <NewProblemsBar topics={live} viewerId={viewerId} allianceId={allianceId} />
      <p role="status" className="mt-4 text-sm text-slate-600" data-testid="problem-count">
        {t(board.more ? "problem.board.countMore" : "problem.board.count", { count: board.total })}
      </p>
      <ProblemList problems={board.problems} />
      {more && (
        <p className="mt-6 text-center">
          <Link
            to={more}
            rel="next"
            preventScrollReset
            className="inline-block rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50"
          >
            {t("problem.board.more")}
          </Link>
        </p>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
