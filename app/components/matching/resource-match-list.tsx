import { Link } from "@remix-run/react";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { ResourceMatch } from "~/models/resource-matching.server";
import { MatchReasonText } from "./match-reasons";

/** Resources matched to a problem, each with its kind, provider and the reason it matches. */
export function ResourceMatchList({
  matches,
  newTab = false,
}: {
  matches: ResourceMatch[];
  newTab?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul className="mt-3 divide-y divide-slate-100">
      {matches.map((match) => (
        <li key={match.id} className="py-2" data-testid="resource-match">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
              {t(`resource.kind.${match.kind}`)}
            </span>
            <Link
              to={`/resources/${match.id}`}
              {...(newTab && { target: "_blank", rel: "noopener" })}
              className="font-medium text-slate-900 hover:text-teal-800 hover:underline"
            >
              {match.title}
            </Link>
            <span className="text-xs text-slate-500">
              {pick(locale, match.orgNameZh, match.orgNameEn)} · {t(`resource.terms.${match.terms}`)}
            </span>
            {match.expired && (
              <span className="rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-800 ring-1 ring-amber-200">
                {t("matching.expired")}
              </span>
            )}
          </div>
          <MatchReasonText reasons={match.reasons} />
        </li>
      ))}
    </ul>
  );
}
