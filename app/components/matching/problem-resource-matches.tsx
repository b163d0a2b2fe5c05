import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import type { ResourceMatch } from "~/models/resource-matching.server";
import { MatchSection } from "./match-section";
import { ResourceMatchList } from "./resource-match-list";

/** "Results and services that may help", on a problem's page. */
export function ProblemResourceMatches({ matches }: { matches: ResourceMatch[] }) {
  const t = useT();
  return (
    <MatchSection
      id="resource-matches-title"
      testId="resource-matches"
      title={t("matching.problem.title")}
      lead={t("matching.problem.lead")}
      empty={
        matches.length > 0 ? null : (
          <>
            {t("matching.problem.empty")}{" "}
            <Link to="/resources" className="text-teal-700 underline hover:text-teal-900">
              {t("matching.problem.browse")}
            </Link>
          </>
        )
      }
    >
      <ResourceMatchList matches={matches} />
    </MatchSection>
  );
}
