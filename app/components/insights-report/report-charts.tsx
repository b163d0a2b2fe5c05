import type { MessageKey } from "~/i18n/dictionary";
import { useT } from "~/i18n/use-t";

export type ReportChartSvgs = { series: string; byChain: string; heatmap: string; byAlliance: string | null };

const captions: Record<keyof ReportChartSvgs, MessageKey> = {
  series: "insightsReport.chart.series",
  byChain: "insightsReport.chart.byChain",
  heatmap: "insightsReport.chart.heatmap",
  byAlliance: "insightsReport.chart.byAlliance",
};

/**
 * The dashboard's charts, drawn on the server as SVG (ECharts escapes their labels), scaled to the
 * sheet's width; each stays whole on one sheet.
 */
export function ReportCharts({ charts }: { charts: ReportChartSvgs }) {
  const t = useT();
  const shown = (Object.keys(captions) as (keyof ReportChartSvgs)[]).filter((key) => charts[key]);
  return (
    <div className="mt-3 grid gap-6">
      {shown.map((key) => (
        <figure key={key} className="break-inside-avoid">
          <figcaption className="text-sm font-medium text-slate-700">{t(captions[key])}</figcaption>
          <div
            className="mt-2 [&_svg]:h-auto [&_svg]:max-w-full"
            // Server-rendered by ECharts from our own figures; label text is escaped there.
            dangerouslySetInnerHTML={{ __html: charts[key] ?? "" }}
          />
        </figure>
      ))}
    </div>
  );
}
