import type { Locale } from "~/i18n/locales";
import { pick } from "~/i18n/pick";
import { translator, type Translate } from "~/i18n/translate";
import type { Insights } from "~/models/insights/types";
import { byAllianceChart, byChainChart } from "./bar-charts.server";
import { bucketFormatter, dayFormatter } from "./bucket-label";
import { axisLine, CHART_WIDTH, nameAxis, valueAxis, type Range } from "./chart-style";
import { heatmapGrid } from "./heatmap-grid";
import { palette } from "./palette";
import { renderSvg, type ChartOption } from "./render-svg.server";

export type InsightChartSvgs = {
  series: string;
  byChain: string;
  heatmap: string;
  /** Only for the platform scope: an alliance's page has one alliance to compare with nothing. */
  byAlliance: string | null;
};

/** The dashboard's charts as SVG strings in the reader's language; the page puts a table beside each. */
export function insightCharts(insights: Insights, locale: Locale): InsightChartSvgs {
  const t = translator(locale);
  const day = dayFormatter(locale);
  const range = { from: day(insights.period.from), to: day(insights.period.to) };
  return {
    series: seriesChart(insights, locale, t, range),
    byChain: byChainChart(insights, locale, t, range),
    heatmap: heatmapChart(insights, locale, t, range),
    byAlliance: insights.scope.allianceId === null ? byAllianceChart(insights, locale, t, range) : null,
  };
}

/** Three panels on one time axis: the counts differ by orders of magnitude between them. */
function seriesChart(insights: Insights, locale: Locale, t: Translate, range: Range): string {
  const label = bucketFormatter(insights.period, locale);
  const categories = insights.series.map((point) => label(point.start));
  const panels = [
    { name: t("insights.panel.problems"), metrics: ["problemsPosted", "problemsSolved"] },
    { name: t("insights.panel.events"), metrics: ["registrations", "attended"] },
    { name: t("insights.panel.resources"), metrics: ["resourcesShared", "inquiries"] },
  ] as const;
  const panelHeight = 110;
  const gap = 58;
  const top = 40;
  // Many buckets read better as lines than as a comb of thin bars.
  const type = insights.series.length > 40 ? "line" : "bar";
  const option: ChartOption = {
    color: [palette.teal, palette.amber],
    title: panels.map((panel, i) => ({
      text: panel.name,
      left: 8,
      top: top + i * (panelHeight + gap) - 34,
      textStyle: { fontSize: 13, fontWeight: "bold", color: palette.text },
    })),
    legend: panels.map((panel, i) => ({
      data: panel.metrics.map((metric) => t(`insights.metric.${metric}`)),
      right: 8,
      top: top + i * (panelHeight + gap) - 34,
      itemWidth: 14,
      itemHeight: 10,
      textStyle: { color: palette.text },
    })),
    grid: panels.map((_, i) => ({
      left: 48,
      right: 16,
      top: top + i * (panelHeight + gap),
      height: panelHeight,
    })),
    xAxis: panels.map((_, i) => ({
      type: "category" as const,
      gridIndex: i,
      data: categories,
      axisLine,
      axisTick: { alignWithLabel: true },
      axisLabel: { color: palette.slate, hideOverlap: true },
    })),
    yAxis: panels.map((_, i) => ({ ...valueAxis, gridIndex: i })),
    series: panels.flatMap((panel, i) =>
      panel.metrics.map((metric, j) => ({
        type,
        name: t(`insights.metric.${metric}`),
        xAxisIndex: i,
        yAxisIndex: i,
        data: insights.series.map((point) => point[metric]),
        itemStyle: { color: j === 0 ? palette.teal : palette.amber },
        lineStyle: { width: 2 },
        symbolSize: 4,
        barMaxWidth: 18,
      })),
    ),
  };
  return renderSvg({
    width: CHART_WIDTH,
    height: top + panels.length * (panelHeight + gap) - 10,
    locale,
    title: t("insights.chart.series.title"),
    description: t("insights.chart.series.description", range),
    option,
  });
}

function heatmapChart(insights: Insights, locale: Locale, t: Translate, range: Range): string {
  const grid = heatmapGrid(insights);
  const max = Math.max(1, ...grid.rows.flatMap((row) => row.cells.map((cell) => cell.problemsPosted)));
  const rowHeight = 34;
  const option: ChartOption = {
    grid: { left: 8, right: 16, top: 28, bottom: 44 },
    xAxis: {
      type: "category",
      position: "top",
      data: Array.from({ length: grid.columns }, (_, i) => String(i + 1)),
      name: t("insights.chart.heatmap.xAxis"),
      nameLocation: "middle",
      nameGap: 22,
      nameTextStyle: { color: palette.slate },
      axisLine,
      axisTick: { show: false },
      axisLabel: { color: palette.slate },
      splitArea: { show: false },
    },
    yAxis: nameAxis(grid.rows.map((row) => pick(locale, row.chain.nameZh, row.chain.nameEn))),
    visualMap: {
      type: "continuous",
      min: 0,
      max,
      orient: "horizontal",
      left: "center",
      bottom: 4,
      itemWidth: 12,
      itemHeight: 160,
      text: [String(max), "0"],
      textStyle: { color: palette.slate },
      inRange: { color: [palette.tealPale, palette.tealLight, palette.teal] },
      calculable: false,
    },
    series: [
      {
        type: "heatmap",
        name: t("insights.metric.problemsPosted"),
        // Light digits on the darker half of the scale, dark ones on the lighter half.
        data: grid.rows.flatMap((row, y) =>
          row.cells.map((cell, x) => ({
            value: [x, y, cell.problemsPosted],
            label: { color: cell.problemsPosted > max / 2 ? "#ffffff" : palette.text },
          })),
        ),
        itemStyle: { borderColor: "#ffffff", borderWidth: 2 },
        label: { show: true, fontSize: 11 },
      },
    ],
  };
  return renderSvg({
    width: CHART_WIDTH,
    height: 28 + 44 + Math.max(grid.rows.length, 1) * rowHeight,
    locale,
    title: t("insights.chart.heatmap.title"),
    description: t("insights.chart.heatmap.description", range),
    option,
  });
}
