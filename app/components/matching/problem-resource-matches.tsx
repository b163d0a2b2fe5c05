import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import type { ResourceMatch } from "~/models/resource-matching.server";
import { ResourceMatchList } from "./resource-match-list";

/** "Results and services that may help", on a problem's page. */
export function ProblemResourceMatches({ matches }: { matches: ResourceMatch[] }) {
  const t = useT();
  return (
    <section
      aria-labelledby="resource-matches-title"
      className="mt-8 rounded-xl border border-slate-200 bg-white p-4"
      data-testid="resource-matches"
    >
      <h2 id="resource-matches-title" className="text-lg font-semibold text-slate-900">
        {t("matching.problem.title")}
      </h2>
      <p className="text-sm text-slate-600">{t("matching.problem.lead")}</p>
      {matches.length > 0 ? (
        <ResourceMatchList matches={matches} />
      ) : (
        <p className="mt-3 text-sm text-slate-600">
          {t("matching.problem.empty")}{" "}
          <Link to="/resources" className="text-teal-700 underline hover:text-teal-900">
            {t("matching.problem.browse")}
          </Link>
        </p>
      )}
    </section>
  );
}
