import { Link } from "@remix-run/react";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { Period } from "~/models/insights/types";

export type ReportStamp = {
  alliance: { nameZh: string; nameEn: string };
  period: Period;
  /** The chain the figures were filtered to, if any. */
  chain: { nameZh: string; nameEn: string } | null;
  /** Already formatted on the server, so the page hydrates with the same text. */
  generatedAt: string;
  refreshedAt: string | null;
};

/** On screen: the way back and a Print button. Neither is printed. */
export function ReportActions({ backTo }: { backTo: string }) {
  const t = useT();
  return (
    <nav
      aria-label={t("insightsReport.report.actions")}
      className="flex items-center justify-between gap-4 print:hidden"
    >
      <Link to={backTo} className="text-sm font-medium text-teal-800 underline hover:text-teal-900">
        {t("insightsReport.report.back")}
      </Link>
      <button
        type="button"
        onClick={() => window.print()}
        className="rounded-md bg-teal-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
      >
        {t("insightsReport.report.print")}
      </button>
    </nav>
  );
}

/** Whose figures, for which days, and how fresh: what an administrator reading the paper needs first. */
export function ReportHeader({ alliance, period, chain, generatedAt, refreshedAt }: ReportStamp) {
  const t = useT();
  const locale = useLocale();
  const rows = [
    { label: t("insightsReport.report.period"), value: t("insightsReport.report.periodRange", period) },
    ...(chain
      ? [{ label: t("insightsReport.report.chain"), value: pick(locale, chain.nameZh, chain.nameEn) }]
      : []),
    { label: t("insightsReport.report.generatedAt"), value: generatedAt },
    {
      label: t("insightsReport.report.refreshedAt"),
      value: refreshedAt ?? t("insightsReport.report.notRefreshed"),
    },
  ];
  return (
    <header className="mt-6 border-b-2 border-teal-700 pb-4 print:mt-0">
      <p className="text-sm font-medium text-teal-800">{t("common.appName")}</p>
      <h1 className="mt-1 text-2xl font-bold tracking-tight text-slate-900">
        {t("insightsReport.report.title", { alliance: pick(locale, alliance.nameZh, alliance.nameEn) })}
      </h1>
      <p className="mt-1 text-sm text-slate-600">{t("insightsReport.report.subtitle")}</p>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {rows.map((row) => (
          <div key={row.label} className="contents">
            <dt className="font-medium text-slate-700">{row.label}</dt>
            <dd className="text-slate-900">{row.value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-xs text-slate-500">{t("insightsReport.report.timeZone")}</p>
    </header>
  );
}
