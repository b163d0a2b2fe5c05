import { Link } from "@remix-run/react";
import { useLocale, useT } from "~/i18n/use-t";
import { focusRing } from "../layout/nav-items";

type Counts = { alliances: number; organizations: number; members: number };

/** What Qilian is, the way in (sign up, or browse when signed in), and the headline numbers. */
export function Hero({ counts, signedIn }: { counts: Counts; signedIn: boolean }) {
  const t = useT();
  const number = new Intl.NumberFormat(useLocale());
  const primary = signedIn
    ? { to: "/alliances", label: t("home.hero.explore") }
    : { to: "/signup", label: t("home.hero.join") };
  const secondary = signedIn
    ? { to: "/chains", label: t("home.hero.chains") }
    : { to: "/alliances", label: t("home.hero.explore") };
  const stats = [
    { label: t("home.stats.alliances"), value: counts.alliances },
    { label: t("home.stats.organizations"), value: counts.organizations },
    { label: t("home.stats.members"), value: counts.members },
  ];
  return (
    <section
      aria-labelledby="hero-title"
      className="bg-linear-to-br from-slate-900 via-slate-900 to-teal-900 text-white"
    >
      <div className="mx-auto grid max-w-7xl gap-12 px-4 py-14 sm:px-6 sm:py-20 lg:grid-cols-[minmax(0,1fr)_16rem] lg:items-center lg:px-8">
        <div>
          <p className="text-sm font-semibold tracking-wide text-teal-300">{t("home.hero.eyebrow")}</p>
          <h1
            id="hero-title"
            className="mt-3 text-3xl font-bold tracking-tight text-balance break-keep sm:text-5xl sm:leading-tight"
          >
            {t("home.hero.title")}
          </h1>
          <p className="mt-5 max-w-3xl text-base leading-7 text-slate-300 sm:text-lg sm:leading-8">
            {t("home.hero.lead")}
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link
              to={primary.to}
              className="rounded-md bg-teal-500 px-5 py-2.5 text-sm font-semibold text-slate-950 shadow-sm hover:bg-teal-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-300"
            >
              {primary.label}
            </Link>
            <Link
              to={secondary.to}
              className={`rounded-md px-5 py-2.5 text-sm font-semibold text-white ring-1 ring-white/30 hover:bg-white/10 ${focusRing}`}
            >
              {secondary.label}
            </Link>
          </div>
        </div>
        <dl
          aria-label={t("home.stats.label")}
          className="grid grid-cols-3 gap-4 border-t border-white/15 pt-8 lg:grid-cols-1 lg:gap-6 lg:rounded-2xl lg:border lg:border-white/10 lg:bg-white/5 lg:p-8"
        >
          {stats.map((stat) => (
            <div key={stat.label} className="flex flex-col-reverse gap-1">
              <dt className="text-sm text-slate-300">{stat.label}</dt>
              <dd className="text-3xl font-bold tabular-nums tracking-tight sm:text-4xl">
                {number.format(stat.value)}
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}
