import { Link } from "@remix-run/react";
import { focusRing } from "~/components/layout/nav-items";
import { other, pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { DirectoryEntry } from "~/models/org-directory.server";
import { VerifiedBadge } from "./verified-badge";

export function DirectoryList({ organizations }: { organizations: DirectoryEntry[] }) {
  const t = useT();
  const locale = useLocale();
  if (organizations.length === 0) return <p className="mt-6 text-slate-500">{t("org.directory.empty")}</p>;
  return (
    <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {organizations.map((org) => (
        <li
          key={org.id}
          className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-teal-300"
        >
          <h2 className="font-semibold text-slate-900">
            <Link to={`/orgs/${org.id}`} className={`hover:text-teal-800 hover:underline ${focusRing}`}>
              {pick(locale, org.nameZh, org.nameEn)}
            </Link>
          </h2>
          <p lang={locale === "en" ? "zh-CN" : "en"} className="text-sm text-slate-500">
            {other(locale, org.nameZh, org.nameEn)}
          </p>
          <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <span>{t(`org.kind.${org.kind}`)}</span>
            {org.city && <span>· {org.city}</span>}
            {org.verified && <VerifiedBadge />}
          </p>
          <p className="mt-2 text-xs text-slate-500">
            {t("org.directory.representatives", { count: org.representativeCount })} ·{" "}
            {t("org.directory.positions", { supplies: org.suppliesCount, needs: org.needsCount })}
          </p>
        </li>
      ))}
    </ul>
  );
}
