import type { InsightChartSvgs } from "~/charts/insight-charts.server";
import { dayFormatter } from "~/charts/bucket-label";
import { useLocale, useT } from "~/i18n/use-t";
import type { Insights } from "~/models/insights/types";
import { AsOf, type RefreshOutcome } from "./as-of";
import { ChartFigure } from "./chart-figure";
import { AllianceTable, ChainTable, HeatmapTable, SeriesTable } from "./figure-tables";
import { HeadlineCards } from "./headline-cards";
import { PeriodForm, type PeriodFormState } from "./period-form";
import { CollaborationTable, WeakLinkTable } from "./work-tables";

export type DashboardLinks = {
  /** The CSV route for this scope (`/admin/insights.csv`, `/alliances/<slug>/insights.csv`). */
  csv: string;
  /** Period and filter parameters of the figures shown, for the CSV and report links. */
  query: string;
  /** The printable report of this alliance's period; none for the whole platform. */
  report: string | null;
  /** Where an alliance in the by-alliance table leads (the operators' filter), without the query. */
  allianceFilter: string | null;
};

export type DashboardProps = {
  scope: "platform" | "alliance";
  form: PeriodFormState;
  /** Null when the period or a filter was refused: the form shows why, and there is nothing to count. */
  figures: { insights: Insights; charts: InsightChartSvgs } | null;
  links: DashboardLinks;
  canRefresh: boolean;
  refreshed: RefreshOutcome | null;
};

/** The insights page of the platform or of one alliance: period form, headline, charts and tables. */
export function InsightsDashboard({ scope, form, figures, links, canRefresh, refreshed }: DashboardProps) {
  const t = useT();
  const csv = (table: string) => `${links.csv}?table=${table}${links.query ? `&${links.query}` : ""}`;
  return (
    <div>
      <p className="text-sm text-slate-600 print:hidden">
        {t(scope === "platform" ? "insights.lead.platform" : "insights.lead.alliance")}
      </p>
      <PeriodForm form={form} />
      {figures && (
        <Figures
          scope={scope}
          insights={figures.insights}
          charts={figures.charts}
          links={links}
          csv={csv}
          canRefresh={canRefresh}
          refreshed={refreshed}
        />
      )}
    </div>
  );
}

type FiguresProps = Pick<DashboardProps, "scope" | "links" | "canRefresh" | "refreshed"> & {
  insights: Insights;
  charts: InsightChartSvgs;
  csv: (table: string) => string;
};

function Figures({ scope, insights, charts, links, csv, canRefresh, refreshed }: FiguresProps) {
  const t = useT();
  const locale = useLocale();
  const day = dayFormatter(locale);
  const { allianceFilter } = links;
  return (
    <>
      <div className="mt-6 flex flex-wrap items-baseline justify-between gap-3">
        <p className="text-base font-semibold text-slate-900">
          {t("insights.period.range", { from: day(insights.period.from), to: day(insights.period.to) })}
        </p>
        {links.report && (
          <a
            href={`${links.report}?${links.query}`}
            className="text-sm font-medium text-teal-800 underline hover:text-teal-900 print:hidden"
          >
            {t("insights.report.link")}
          </a>
        )}
      </div>
      <AsOf refreshedAt={insights.refreshedAt} canRefresh={canRefresh} refreshed={refreshed} />
      <HeadlineCards headline={insights.headline} csvHref={csv("headline")} />
      <ChartFigure
        id="chart-series"
        title={t("insights.chart.series.title")}
        caption={t(`insights.chart.series.caption.${insights.period.bucket}`)}
        svg={charts.series}
      >
        <SeriesTable insights={insights} csvHref={csv("series")} />
      </ChartFigure>
      <ChartFigure
        id="chart-by-chain"
        title={t("insights.chart.byChain.title")}
        caption={t("insights.chart.byChain.caption")}
        svg={charts.byChain}
      >
        <ChainTable insights={insights} csvHref={csv("byChain")} />
      </ChartFigure>
      <ChartFigure
        id="chart-heatmap"
        title={t("insights.chart.heatmap.title")}
        caption={t("insights.chart.heatmap.caption")}
        svg={charts.heatmap}
      >
        <HeatmapTable insights={insights} csvHref={csv("heatmap")} />
      </ChartFigure>
      {scope === "platform" && charts.byAlliance && allianceFilter !== null && (
        <ChartFigure
          id="chart-by-alliance"
          title={t("insights.chart.byAlliance.title")}
          caption={t("insights.chart.byAlliance.caption")}
          svg={charts.byAlliance}
        >
          <AllianceTable
            insights={insights}
            csvHref={csv("byAlliance")}
            allianceHref={(id) =>
              `${allianceFilter}${allianceFilter.includes("?") ? "&" : "?"}alliance=${id}`
            }
          />
        </ChartFigure>
      )}
      <section aria-labelledby="collaborations-heading" className="mt-10">
        <h2 id="collaborations-heading" className="text-lg font-semibold text-slate-900">
          {t("insights.table.collaborations")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("insights.collab.lead")}</p>
        <CollaborationTable insights={insights} csvHref={csv("collaborations")} />
      </section>
      <section aria-labelledby="weak-links-heading" className="mt-10">
        <h2 id="weak-links-heading" className="text-lg font-semibold text-slate-900">
          {t("insights.table.weakLinks")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("insights.weak.lead")}</p>
        <WeakLinkTable insights={insights} csvHref={csv("weakLinks")} />
      </section>
    </>
  );
}
