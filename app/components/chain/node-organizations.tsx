import { Link } from "@remix-run/react";
import { useId } from "react";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { NodeOrganization } from "~/models/chains.server";
import { focusRing } from "../layout/nav-items";

/** The organizations on one side of a node (suppliers or needers), each linking to its profile. */
export function NodeOrganizations({
  title,
  empty,
  organizations,
}: {
  title: string;
  empty: string;
  organizations: NodeOrganization[];
}) {
  const t = useT();
  const locale = useLocale();
  const titleId = useId();
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {organizations.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {organizations.map((org) => (
            <li key={org.id} className="px-4 py-3">
              <div className="flex flex-wrap items-center gap-2">
                <Link
                  to={`/orgs/${org.id}`}
                  className={`rounded font-medium text-slate-900 hover:text-teal-800 hover:underline ${focusRing}`}
                >
                  {pick(locale, org.nameZh, org.nameEn)}
                </Link>
                {org.verified && (
                  <span className="rounded-full bg-teal-50 px-2 py-0.5 text-xs font-medium text-teal-800 ring-1 ring-teal-200">
                    {`✓ ${t("org.verified")}`}
                  </span>
                )}
              </div>
              <p className="mt-0.5 text-sm text-slate-600">
                {[t(`org.kind.${org.kind}`), org.city].filter(Boolean).join(" · ")}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
