import { ChainChips } from "~/components/chain/chain-chips";
import { BilingualHeading } from "~/components/page-heading";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { AllianceOverview } from "~/models/alliance-overview.server";

type Props = {
  alliance: Pick<
    AllianceOverview,
    | "nameZh"
    | "nameEn"
    | "descriptionZh"
    | "descriptionEn"
    | "joinPolicy"
    | "archived"
    | "chains"
    | "memberCount"
    | "organizationCount"
  >;
};

/** Name in both languages, how to join, the description, the headline numbers and the chains covered. */
export function AllianceHeader({ alliance }: Props) {
  const t = useT();
  const locale = useLocale();
  return (
    <header>
      {alliance.archived && (
        <p
          role="status"
          className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          {t("alliance.archived")}
        </p>
      )}
      <BilingualHeading nameZh={alliance.nameZh} nameEn={alliance.nameEn} />
      <p className="mt-4 max-w-3xl leading-7 text-slate-700">
        {pick(locale, alliance.descriptionZh, alliance.descriptionEn)}
      </p>
      <p className="mt-3 text-sm text-slate-600">
        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
          {t(`home.alliances.${alliance.joinPolicy}`)}
        </span>{" "}
        {t(`alliance.join.${alliance.joinPolicy}`)}
      </p>
      <dl className="mt-6 grid max-w-md grid-cols-2 gap-4">
        <Stat label={t("alliance.stats.members")} value={alliance.memberCount} />
        <Stat label={t("alliance.stats.organizations")} value={alliance.organizationCount} />
      </dl>
      {alliance.chains.length > 0 && (
        <section aria-labelledby="alliance-chains" className="mt-6">
          <h2 id="alliance-chains" className="text-sm font-semibold text-slate-900">
            {t("alliance.chains")}
          </h2>
          <div className="mt-2">
            <ChainChips chains={alliance.chains} size="sm" />
          </div>
        </section>
      )}
    </header>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{value}</dd>
    </div>
  );
}
