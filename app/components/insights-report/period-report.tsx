import type { MessageKey } from "~/i18n/dictionary";
import { useLocale, useT } from "~/i18n/use-t";
import { insightsTable } from "~/models/insights/csv";
import type { Insights } from "~/models/insights/types";
import { HeadlineFigures } from "./headline-figures";
import { HeatmapSummary } from "./heatmap-summary";
import { ReportCharts, type ReportChartSvgs } from "./report-charts";
import { ReportActions, ReportHeader, type ReportStamp } from "./report-header";
import { ReportSection } from "./report-section";
import { ReportTable } from "./report-table";

type Props = Omit<ReportStamp, "period" | "chain"> & {
  insights: Insights;
  charts: ReportChartSvgs;
  backTo: string;
};

/** The chain table's twelve columns do not fit an A4 sheet's width in English: two tables of six. */
const chainParts: { title: MessageKey; columns: string[] }[] = [
  {
    title: "insightsReport.byChain.problems",
    columns: [
      "chain",
      "problemsPosted",
      "problemsSolved",
      "medianFirstResponseHours",
      "medianSolutionDays",
      "applications",
      "acceptances",
    ],
  },
  {
    title: "insightsReport.byChain.activity",
    columns: ["chain", "members", "organizations", "eventsHeld", "resourcesShared", "inquiries"],
  },
];

/** An alliance's period on A4: stamp, key figures, charts, then the tables behind them. */
export function PeriodReport({ insights, charts, backTo, ...stamp }: Props) {
  const t = useT();
  const locale = useLocale();
  return (
    <article className="mx-auto max-w-4xl bg-white px-4 py-6 text-slate-900 sm:px-8 print:max-w-none print:p-0">
      <ReportActions backTo={backTo} />
      <ReportHeader
        {...stamp}
        period={insights.period}
        chain={insights.chains.find((chain) => chain.chainId === insights.filters.chainId) ?? null}
      />
      <ReportSection id="report-headline" title={t("insightsReport.section.headline")}>
        <HeadlineFigures headline={insights.headline} />
      </ReportSection>
      <ReportSection id="report-charts" title={t("insightsReport.section.charts")} keepTogether={false}>
        <ReportCharts charts={charts} />
      </ReportSection>
      <ReportSection id="report-byChain" title={t("insightsReport.section.byChain")} keepTogether={false}>
        {insights.byChain.length > 0 ? (
          chainParts.map((part) => (
            <div key={part.title} className="mt-3 break-inside-avoid">
              <h3 className="text-sm font-semibold text-slate-700">{t(part.title)}</h3>
              <ReportTable
                table={insightsTable(insights, "byChain", locale, part.columns)}
                caption={`${t("insightsReport.section.byChain")}: ${t(part.title)}`}
              />
            </div>
          ))
        ) : (
          <p className="mt-2 text-sm text-slate-600">{t("insightsReport.empty.byChain")}</p>
        )}
      </ReportSection>
      <ReportSection id="report-heatmap" title={t("insightsReport.section.heatmap")}>
        <HeatmapSummary insights={insights} />
      </ReportSection>
      <TableSection insights={insights} table="collaborations" />
      <TableSection insights={insights} table="weakLinks" />
    </article>
  );
}

/** One exported table under its title, or a sentence when it is empty. */
function TableSection({ insights, table }: { insights: Insights; table: "collaborations" | "weakLinks" }) {
  const t = useT();
  const locale = useLocale();
  const title = t(`insightsReport.section.${table}`);
  return (
    <ReportSection id={`report-${table}`} title={title}>
      {insights[table].length > 0 ? (
        <ReportTable table={insightsTable(insights, table, locale)} caption={title} />
      ) : (
        <p className="mt-2 text-sm text-slate-600">{t(`insightsReport.empty.${table}`)}</p>
      )}
    </ReportSection>
  );
}
