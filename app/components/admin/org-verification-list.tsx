import { Form, Link, useNavigation } from "@remix-run/react";
import { SubmitButton } from "~/components/form/submit-button";
import { formatDay } from "~/components/org/format";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { AdminOrgRow } from "~/models/admin-organizations.server";

const badge = "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium";

/** Organizations to verify, each with a one-click verify or revoke (recorded in the audit log). */
export function OrgVerificationList({ organizations }: { organizations: AdminOrgRow[] }) {
  const t = useT();
  if (organizations.length === 0)
    return <p className="mt-6 text-sm text-slate-500">{t("adminTools.orgs.none")}</p>;
  return (
    <ul
      aria-label={t("adminTools.orgs.listLabel")}
      className="mt-6 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
    >
      {organizations.map((org) => (
        <OrgRow key={org.id} org={org} />
      ))}
    </ul>
  );
}

function OrgRow({ org }: { org: AdminOrgRow }) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const name = pick(locale, org.nameZh, org.nameEn);
  const intent = org.verified ? "unverify" : "verify";
  const pending = navigation.state === "submitting" && navigation.formData?.get("orgId") === org.id;
  return (
    <li data-org-id={org.id} className="flex flex-wrap items-center gap-4 px-4 py-4 text-sm">
      <div className="min-w-0 flex-1 space-y-1">
        <p className="flex flex-wrap items-center gap-2">
          <Link
            to={`/orgs/${org.id}`}
            className="font-semibold text-teal-800 underline-offset-2 hover:underline"
          >
            {name}
          </Link>
          <span
            className={`${badge} ${org.verified ? "bg-teal-50 text-teal-800" : "bg-amber-50 text-amber-800"}`}
          >
            {t(org.verified ? "adminTools.orgs.badge.verified" : "adminTools.orgs.badge.unverified")}
          </span>
        </p>
        <p className="text-slate-600">
          {pick(locale, org.nameEn, org.nameZh)} · {t(`org.kind.${org.kind}`)}
          {org.city && ` · ${org.city}`}
        </p>
        <p className="text-slate-500">
          {t("adminTools.orgs.created", { date: formatDay(locale, new Date(org.createdAt)) })} ·{" "}
          {t("adminTools.orgs.representatives", { count: org.representatives })}
        </p>
      </div>
      <Form method="post" preventScrollReset>
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="orgId" value={org.id} />
        <SubmitButton
          variant={org.verified ? "secondary" : "primary"}
          pending={pending}
          aria-label={t(org.verified ? "adminTools.orgs.unverifyLabel" : "adminTools.orgs.verifyLabel", {
            name,
          })}
        >
          {t(org.verified ? "adminTools.orgs.unverify" : "adminTools.orgs.verify")}
        </SubmitButton>
      </Form>
    </li>
  );
}
