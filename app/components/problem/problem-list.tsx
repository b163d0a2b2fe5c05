import { TagLinks } from "~/components/problem/tag-links";
import { Link } from "@remix-run/react";
import { formatDay } from "~/components/org/format";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { HighlightSegment } from "~/search/highlight.server";
import type { ProblemStatus, ProblemUrgency } from "~/validation/problem";
import { StatusBadge } from "./status-badge";

type Named = { nameZh: string; nameEn: string };
export type ListedProblem = {
  id: string;
  titleHits: HighlightSegment[];
  status: ProblemStatus;
  urgency: ProblemUrgency;
  createdAt: Date;
  authorName: string;
  alliance: (Named & { slug: string }) | null;
  nodes: (Named & { id: string })[];
  tags: string[];
};

/** One row per problem: status, title (search hits marked), alliance, nodes, tags, author and date. */
export function ProblemList({ problems }: { problems: ListedProblem[] }) {
  const t = useT();
  const locale = useLocale();
  if (problems.length === 0) return <p className="mt-6 text-slate-600">{t("problem.board.empty")}</p>;
  return (
    <ul className="mt-4 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
      {problems.map((problem) => (
        <li key={problem.id} className="px-4 py-4">
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
              {problem.titleHits.map((segment, i) =>
                segment.hit ? (
                  <mark key={i} className="bg-amber-100 text-inherit">
                    {segment.text}
                  </mark>
                ) : (
                  <span key={i}>{segment.text}</span>
                ),
              )}
            </Link>
          </div>
          <p className="mt-1 text-sm text-slate-600">
            {problem.alliance
              ? pick(locale, problem.alliance.nameZh, problem.alliance.nameEn)
              : t("problem.board.allAlliances")}
            {problem.nodes.length > 0 &&
              ` · ${problem.nodes.map((n) => pick(locale, n.nameZh, n.nameEn)).join("、")}`}
            {` · ${problem.authorName} · ${formatDay(locale, new Date(problem.createdAt))}`}
          </p>
          {problem.tags.length > 0 && <TagLinks tags={problem.tags} />}
        </li>
      ))}
    </ul>
  );
}
