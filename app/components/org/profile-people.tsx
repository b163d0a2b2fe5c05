import { Link } from "@remix-run/react";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { OrgProfile } from "~/models/org-profile.server";

/** The representatives the viewer may see, and the alliances they are active in. */
export function ProfilePeople({ org, viewerId }: { org: OrgProfile; viewerId: string | null }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <section aria-labelledby="org-representatives" className="mt-10">
        <h2 id="org-representatives" className="text-lg font-semibold text-slate-900">
          {t("org.reps.title")}
        </h2>
        {org.representatives.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">{t("org.reps.none")}</p>
        ) : (
          <ul className="mt-3 grid gap-2 sm:grid-cols-2">
            {org.representatives.map((rep) => (
              <li key={rep.userId} className="rounded-lg border border-slate-200 bg-white px-4 py-2 text-sm">
                <span className="font-medium text-slate-900">{rep.displayName}</span>
                {rep.userId === viewerId && <span className="text-slate-500"> {t("org.reps.you")}</span>}
                <span className="ml-2 rounded bg-teal-50 px-1.5 py-0.5 text-xs font-semibold text-teal-800">
                  {t(`org.role.${rep.role}`)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {org.alliances.length > 0 && (
        <section aria-labelledby="org-alliances" className="mt-10">
          <h2 id="org-alliances" className="text-lg font-semibold text-slate-900">
            {t("org.profile.alliances")}
          </h2>
          <ul className="mt-3 flex flex-wrap gap-2">
            {org.alliances.map((alliance) => (
              <li key={alliance.slug}>
                <Link
                  to={`/alliances/${alliance.slug}`}
                  className="inline-block rounded-md bg-teal-50 px-2 py-1 text-sm font-medium text-teal-800 ring-1 ring-teal-100 hover:bg-teal-100"
                >
                  {pick(locale, alliance.nameZh, alliance.nameEn)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
