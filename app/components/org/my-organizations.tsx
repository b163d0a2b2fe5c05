import { Link } from "@remix-run/react";
import { SettingsSection } from "~/components/account/settings-section";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { RepresentedOrganization } from "~/models/organizations.server";

/** The organizations the signed-in user represents, each a link to its profile, and a way to register another. */
export function MyOrganizations({ organizations }: { organizations: RepresentedOrganization[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <SettingsSection id="settings-organizations" title={t("org.mine.title")}>
      {organizations.length === 0 ? (
        <p className="text-sm text-slate-700">{t("org.mine.none")}</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {organizations.map((org) => (
            <li key={org.id} className="flex flex-wrap items-baseline gap-x-3">
              <Link
                to={`/orgs/${org.id}`}
                className="font-medium text-teal-700 underline hover:text-teal-900"
              >
                {pick(locale, org.nameZh, org.nameEn)}
              </Link>
              <span className="text-slate-500">{t(`org.role.${org.role}`)}</span>
            </li>
          ))}
        </ul>
      )}
      <Link to="/orgs/new" className="mt-4 inline-block text-sm text-teal-700 underline hover:text-teal-900">
        {t("org.create.link")}
      </Link>
    </SettingsSection>
  );
}
