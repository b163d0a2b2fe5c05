import { useLocale, useT } from "~/i18n/use-t";
import { insightsTable } from "~/models/insights/csv";
import type { Insights } from "~/models/insights/types";
import { ReportTable } from "./report-table";

const TOP = 10;

/** The heatmap in words: how many links saw problems, then the busiest ones (the chart shows them all). */
export function HeatmapSummary({ insights }: { insights: Insights }) {
  const t = useT();
  const locale = useLocale();
  const busy = insights.heatmap.filter((cell) => cell.problemsPosted > 0 || cell.problemsSolved > 0);
  if (busy.length === 0)
    return <p className="mt-2 text-sm text-slate-600">{t("insightsReport.empty.heatmap")}</p>;
  const sum = (key: "problemsPosted" | "problemsSolved") =>
    busy.reduce((total, cell) => total + cell[key], 0);
  const top = [...busy]
    .sort((a, b) => b.problemsPosted - a.problemsPosted || b.problemsSolved - a.problemsSolved)
    .slice(0, TOP);
  const caption = t("insightsReport.heatmap.top", { count: top.length });
  return (
    <>
      <p className="mt-2 text-sm text-slate-700">
        {t("insightsReport.heatmap.summary", {
          nodes: busy.filter((cell) => cell.problemsPosted > 0).length,
          posted: sum("problemsPosted"),
          solved: sum("problemsSolved"),
        })}
      </p>
      <p className="mt-2 text-sm text-slate-700">{caption}</p>
      <ReportTable
        table={insightsTable({ ...insights, heatmap: top }, "heatmap", locale)}
        caption={caption}
      />
    </>
  );
}
