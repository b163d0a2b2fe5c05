import { Link } from "@remix-run/react";
import { StatusBadge } from "~/components/problem/status-badge";
import { useT } from "~/i18n/use-t";
import type { ProblemMatch } from "~/models/resource-matching.server";
import { MatchReasonText } from "./match-reasons";
import { MatchSection } from "./match-section";

/** "Problems this may solve", on a resource's page. */
export function ResourceProblemMatches({ matches }: { matches: ProblemMatch[] }) {
  const t = useT();
  return (
    <MatchSection
      id="problem-matches-title"
      testId="problem-matches"
      title={t("matching.resource.title")}
      lead={t("matching.resource.lead")}
      empty={matches.length > 0 ? null : t("matching.resource.empty")}
    >
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
    </MatchSection>
  );
}
