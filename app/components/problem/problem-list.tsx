import { Link } from "@remix-run/react";
import { formatDay } from "~/components/org/format";
import { problemTagHref, TagLinks } from "~/components/page/tag-links";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { HighlightSegment } from "~/search/highlight.server";
import type { ProblemStatus, ProblemUrgency } from "~/validation/problem";
import { Highlighted } from "./highlighted";
import { StatusBadge } from "./status-badge";

type Named = { nameZh: string; nameEn: string };
export type ListedProblem = {
  id: string;
  titleHits: HighlightSegment[];
  status: ProblemStatus;
  urgency: ProblemUrgency;
  createdAt: Date | string;
  deadline: Date | string | null;
  authorName: string;
  alliance: (Named & { slug: string }) | null;
  nodes: (Named & { id: string })[];
  tags: string[];
  endorsementCount: number;
  replyCount: number;
  applicationCount: number;
  /** Search results: the part of the body with the most hits. */
  snippet?: HighlightSegment[];
};

/**
 * One row per problem: status, title (search hits marked), a snippet for search results, alliance, nodes,
 * author and date, how common and how answered it is, and tags.
 */
export function ProblemList({ problems }: { problems: ListedProblem[] }) {
  const t = useT();
  const locale = useLocale();
  if (problems.length === 0) return <p className="mt-6 text-slate-600">{t("problem.board.empty")}</p>;
  return (
    <ul
      className="mt-4 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white"
      data-testid="problem-list"
    >
      {problems.map((problem) => (
        <li key={problem.id} className="px-4 py-4" data-problem={problem.id}>
          <div className="flex flex-wrap items-center gap-2">
            <StatusBadge status={problem.status} />
            {problem.urgency === "high" && (
              <span className="rounded-full bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-800 ring-1 ring-red-200">
                {t("problem.urgency.high")}
              </span>
            )}
            <Link
              to={`/problems/${problem.id}`}
              className="font-semibold text-slate-900 hover:text-teal-800 hover:underline"
            >
              <Highlighted segments={problem.titleHits} />
            </Link>
          </div>
          {problem.snippet && problem.snippet.length > 0 && (
            <p className="mt-1 text-sm text-slate-700" data-testid="problem-snippet">
              <Highlighted segments={problem.snippet} />
            </p>
          )}
          <p className="mt-1 text-sm text-slate-600">
            {problem.alliance
              ? pick(locale, problem.alliance.nameZh, problem.alliance.nameEn)
              : t("problem.board.allAlliances")}
            {problem.nodes.length > 0 &&
              ` · ${problem.nodes.map((n) => pick(locale, n.nameZh, n.nameEn)).join("、")}`}
            {` · ${problem.authorName} · ${formatDay(locale, new Date(problem.createdAt))}`}
            {problem.deadline &&
              ` · ${t("problem.board.deadline", { date: formatDay(locale, new Date(problem.deadline)) })}`}
          </p>
          <p className="mt-1 flex flex-wrap gap-x-4 text-xs text-slate-500" data-testid="problem-counts">
            <span>{t("problem.board.endorsements", { count: problem.endorsementCount })}</span>
            <span>{t("problem.board.replies", { count: problem.replyCount })}</span>
            <span>{t("problem.board.applications", { count: problem.applicationCount })}</span>
          </p>
          {problem.tags.length > 0 && <TagLinks tags={problem.tags} href={problemTagHref} />}
        </li>
      ))}
    </ul>
  );
}
