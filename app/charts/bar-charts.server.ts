import type { Locale } from "~/i18n/locales";
import { pick } from "~/i18n/pick";
import type { Translate } from "~/i18n/translate";
import type { Insights } from "~/models/insights/types";
import { CHART_WIDTH, nameAxis, valueAxis, type Range } from "./chart-style";
import { palette } from "./palette";
import { renderSvg, type ChartOption } from "./render-svg.server";

/** Horizontal bars: chain names are long, and read better down the side than under the bars. */
function horizontalBars(
  rows: { name: string; values: number[] }[],
  metrics: { name: string; color: string }[],
  about: { locale: Locale; title: string; description: string },
): string {
  const barRow = 14 * metrics.length + 18;
  const option: ChartOption = {
    legend: {
      data: metrics.map((metric) => metric.name),
      top: 4,
      left: "center",
      itemWidth: 14,
      itemHeight: 10,
      textStyle: { color: palette.text },
    },
    grid: { left: 8, right: 40, top: 36, bottom: 8 },
    xAxis: { ...valueAxis },
    yAxis: nameAxis(rows.map((row) => row.name)),
    series: metrics.map((metric, i) => ({
      type: "bar" as const,
      name: metric.name,
      data: rows.map((row) => row.values[i]),
      itemStyle: { color: metric.color },
      barMaxWidth: 14,
      label: { show: true, position: "right" as const, color: palette.text, fontSize: 11 },
    })),
  };
  return renderSvg({ width: CHART_WIDTH, height: 56 + Math.max(rows.length, 1) * barRow, ...about, option });
}

export function byChainChart(insights: Insights, locale: Locale, t: Translate, range: Range): string {
  return horizontalBars(
    insights.byChain.map((row) => ({
      name: pick(locale, row.nameZh, row.nameEn),
      values: [row.problemsPosted, row.problemsSolved],
    })),
    [
      { name: t("insights.metric.problemsPosted"), color: palette.teal },
      { name: t("insights.metric.problemsSolved"), color: palette.amber },
    ],
    {
      locale,
      title: t("insights.chart.byChain.title"),
      description: t("insights.chart.byChain.description", range),
    },
  );
}

export function byAllianceChart(insights: Insights, locale: Locale, t: Translate, range: Range): string {
  return horizontalBars(
    insights.byAlliance.map((row) => ({
      name: pick(locale, row.nameZh, row.nameEn),
      values: [row.problemsPosted, row.problemsSolved, row.eventsHeld, row.resourcesShared],
    })),
    [
      { name: t("insights.metric.problemsPosted"), color: palette.teal },
      { name: t("insights.metric.problemsSolved"), color: palette.amber },
      { name: t("insights.metric.eventsHeld"), color: palette.slate },
      { name: t("insights.metric.resourcesShared"), color: palette.tealLight },
    ],
    {
      locale,
      title: t("insights.chart.byAlliance.title"),
      description: t("insights.chart.byAlliance.description", range),
    },
  );
}
