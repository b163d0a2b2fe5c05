import { BilingualHeading } from "~/components/page-heading";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { OrgProfile } from "~/models/org-profile.server";
import { isWebUrl } from "~/validation/organization";
import { VerifiedBadge } from "./verified-badge";

/** Name in both languages, badge, kind, city, website and description. */
export function ProfileSummary({ org }: { org: OrgProfile }) {
  const t = useT();
  const locale = useLocale();
  const description = pick(locale, org.descriptionZh, org.descriptionEn) || otherDescription(org, locale);
  return (
    <header>
      <BilingualHeading nameZh={org.nameZh} nameEn={org.nameEn} />
      {org.verified && (
        <p className="mt-2">
          <VerifiedBadge />
        </p>
      )}
      <dl className="mt-5 grid gap-x-8 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-slate-500">{t("org.profile.kind")}</dt>
        <dd className="text-slate-900">{t(`org.kind.${org.kind}`)}</dd>
        {org.city && (
          <>
            <dt className="font-medium text-slate-500">{t("org.profile.city")}</dt>
            <dd className="text-slate-900">{org.city}</dd>
          </>
        )}
        {org.website && (
          <>
            <dt className="font-medium text-slate-500">{t("org.profile.website")}</dt>
            <dd className="break-all text-slate-900">
              {isWebUrl(org.website) ? (
                <a
                  href={org.website}
                  rel="nofollow noopener"
                  target="_blank"
                  className="text-teal-700 underline hover:text-teal-900"
                >
                  {org.website}
                </a>
              ) : (
                org.website
              )}
            </dd>
          </>
        )}
      </dl>
      <section aria-labelledby="org-about" className="mt-6">
        <h2 id="org-about" className="text-lg font-semibold text-slate-900">
          {t("org.profile.about")}
        </h2>
        <p className="mt-2 max-w-3xl whitespace-pre-line leading-7 text-slate-700">
          {description || t("org.profile.noDescription")}
        </p>
      </section>
    </header>
  );
}

/** A description written in one language only still beats an empty section. */
function otherDescription(org: OrgProfile, locale: string): string {
  return locale === "en" ? org.descriptionZh : org.descriptionEn;
}
