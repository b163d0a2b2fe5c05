import { Link } from "@remix-run/react";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { AllianceLeader } from "~/models/alliance-overview.server";

/** The chair first, then the organizers, each with the organizations they represent. */
export function AllianceLeaders({ leaders }: { leaders: AllianceLeader[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="alliance-leaders" className="mt-10">
      <h2 id="alliance-leaders" className="text-lg font-semibold text-slate-900">
        {t("alliance.leaders")}
      </h2>
      {leaders.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{t("alliance.leaders.none")}</p>
      ) : (
        <ul className="mt-3 grid gap-3 sm:grid-cols-2">
          {leaders.map((leader) => (
            <li key={leader.userId} className="rounded-lg border border-slate-200 bg-white px-4 py-3">
              <p className="font-medium text-slate-900">
                {leader.displayName}{" "}
                <span className="ml-1 rounded bg-teal-50 px-1.5 py-0.5 text-xs font-semibold text-teal-800">
                  {t(`alliance.role.${leader.role}`)}
                </span>
              </p>
              {leader.organizations.length > 0 && (
                <ul className="mt-1 flex flex-wrap gap-x-3 text-sm text-slate-600">
                  {leader.organizations.map((org) => (
                    <li key={org.id}>
                      <Link to={`/orgs/${org.id}`} className="hover:text-teal-800 hover:underline">
                        {pick(locale, org.nameZh, org.nameEn)}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
