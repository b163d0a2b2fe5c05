import { Link } from "@remix-run/react";
import { other, pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import { ChainChips } from "../chain/chain-chips";
import { focusRing } from "../layout/nav-items";

type Named = { nameZh: string; nameEn: string };
export type AllianceCard = Named & {
  id: string;
  slug: string;
  descriptionZh: string;
  descriptionEn: string;
  joinPolicy: "open" | "request" | "invite";
  chains: (Named & { slug: string })[];
  /** Active members, where the page shows them (the directory). */
  memberCount?: number;
};

export function AllianceCards({ alliances }: { alliances: AllianceCard[] }) {
  const t = useT();
  return (
    <section aria-labelledby="alliances-title" className="mx-auto max-w-7xl px-4 pt-14 sm:px-6 lg:px-8">
      <h2 id="alliances-title" className="text-2xl font-bold tracking-tight text-slate-900">
        {t("home.alliances.title")}
      </h2>
      <p className="mt-2 max-w-3xl text-slate-600">{t("home.alliances.lead")}</p>
      <AllianceGrid alliances={alliances} />
    </section>
  );
}

/** The cards alone: the home page and the alliance directory both show them. */
export function AllianceGrid({ alliances }: { alliances: AllianceCard[] }) {
  const t = useT();
  return (
    <>
      {alliances.length === 0 ? (
        <p className="mt-6 text-slate-500">{t("home.alliances.empty")}</p>
      ) : (
        <ul className="mt-8 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
          {alliances.map((alliance) => (
            <li key={alliance.id}>
              <Card alliance={alliance} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Card({ alliance }: { alliance: AllianceCard }) {
  const t = useT();
  const locale = useLocale();
  return (
    <article className="relative flex h-full flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm transition hover:border-teal-300 hover:shadow-md">
      <div className="flex items-start justify-between gap-3">
        <h3 className="text-lg font-semibold text-slate-900">
          <Link
            to={`/alliances/${alliance.slug}`}
            className={`rounded after:absolute after:inset-0 hover:text-teal-800 ${focusRing}`}
          >
            {pick(locale, alliance.nameZh, alliance.nameEn)}
          </Link>
        </h3>
        <span className="shrink-0 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600">
          {t(`home.alliances.${alliance.joinPolicy}`)}
        </span>
      </div>
      <p lang={locale === "en" ? "zh-CN" : "en"} className="mt-0.5 text-xs text-slate-500">
        {other(locale, alliance.nameZh, alliance.nameEn)}
      </p>
      <p className="mt-3 line-clamp-3 text-sm leading-6 text-slate-600">
        {pick(locale, alliance.descriptionZh, alliance.descriptionEn)}
      </p>
      {alliance.memberCount !== undefined && (
        <p className="mt-2 text-xs font-medium text-slate-500">
          {t("alliance.directory.members", { count: alliance.memberCount })}
        </p>
      )}
      {alliance.chains.length > 0 && (
        <div className="mt-auto pt-4">
          <p className="sr-only">{t("home.alliances.chains")}</p>
          <ChainChips chains={alliance.chains} />
        </div>
      )}
    </article>
  );
}
