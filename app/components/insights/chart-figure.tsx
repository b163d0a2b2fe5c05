import type { ReactNode } from "react";
import { useT } from "~/i18n/use-t";

type Props = {
  id: string;
  title: string;
  caption: string;
  /** SVG drawn by ECharts on the server from our figures; labels in it are escaped there. */
  svg: string;
  /** The table with the chart's numbers. */
  children: ReactNode;
};

/** A chart under its heading, what it shows in words, then the same numbers as a table. */
export function ChartFigure({ id, title, caption, svg, children }: Props) {
  const t = useT();
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-10 print:break-before-auto">
      <h2 id={`${id}-heading`} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      <figure className="mt-3 rounded-xl border border-slate-200 bg-white p-3 break-inside-avoid print:border-0 print:p-0">
        {/* Below about 36rem the labels would shrink past reading: the chart keeps that width and scrolls. */}
        <div
          role="region"
          aria-labelledby={`${id}-heading`}
          tabIndex={0}
          className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-teal-600 print:overflow-visible"
        >
          <div
            className="min-w-[36rem] [&>svg]:block [&>svg]:h-auto [&>svg]:w-full print:min-w-0"
            dangerouslySetInnerHTML={{ __html: svg }}
          />
        </div>
        <figcaption className="mt-2 text-sm text-slate-600">
          {caption} {t("insights.chart.tableNote")}
        </figcaption>
      </figure>
      {children}
    </section>
  );
}
