import { Link } from "@remix-run/react";
import { StatusBadge } from "~/components/problem/status-badge";
import { useT } from "~/i18n/use-t";
import type { ProblemMatch } from "~/models/resource-matching.server";
import { MatchReasonText } from "./match-reasons";

/** "Problems this may solve", on a resource's page. */
export function ResourceProblemMatches({ matches }: { matches: ProblemMatch[] }) {
  const t = useT();
  return (
    <section
      aria-labelledby="problem-matches-title"
      className="mt-8 rounded-xl border border-slate-200 bg-white p-4"
      data-testid="problem-matches"
    >
      <h2 id="problem-matches-title" className="text-lg font-semibold text-slate-900">
        {t("matching.resource.title")}
      </h2>
      <p className="text-sm text-slate-600">{t("matching.resource.lead")}</p>
      {matches.length > 0 ? (
        <ul className="mt-3 divide-y divide-slate-100">
          {matches.map((match) => (
            <li key={match.id} className="py-2" data-testid="problem-match">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <StatusBadge status={match.status} />
                <Link
                  to={`/problems/${match.id}`}
                  className="font-medium text-slate-900 hover:text-teal-800 hover:underline"
                >
                  {match.title}
                </Link>
              </div>
              <MatchReasonText reasons={match.reasons} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-3 text-sm text-slate-600">{t("matching.resource.empty")}</p>
      )}
    </section>
  );
}
