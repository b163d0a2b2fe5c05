import type { ReactNode } from "react";
import type { MessageKey } from "~/i18n/dictionary";
import { useT } from "~/i18n/use-t";

type MetricOf<K> = K extends `insights.metric.${infer M}` ? M : never;
/** A figure the dashboard names (`insights.metric.*`). */
export type InsightMetric = MetricOf<MessageKey>;

type Props = {
  id: string;
  caption: string;
  /** The same table as a CSV file. */
  csvHref: string;
  children: ReactNode;
};

/**
 * A table of figures with its caption and CSV link. Wide tables scroll sideways on small screens;
 * the scrolling box is focusable so keyboard users can scroll it too.
 */
export function InsightTable({ id, caption, csvHref, children }: Props) {
  const t = useT();
  return (
    <div className="mt-4">
      <div
        role="region"
        aria-labelledby={`${id}-caption`}
        tabIndex={0}
        className="overflow-x-auto rounded-lg border border-slate-200 focus-visible:outline-2 focus-visible:outline-teal-600 print:overflow-visible print:border-0"
      >
        <table id={id} className="min-w-full border-collapse text-sm">
          <caption id={`${id}-caption`} className="px-3 py-2 text-left text-sm font-semibold text-slate-800">
            {caption}
          </caption>
          {children}
        </table>
      </div>
      <p className="mt-1 text-right print:hidden">
        <a
          href={csvHref}
          download
          className="text-sm font-medium text-teal-800 underline hover:text-teal-900"
          aria-label={t("insights.table.csvLabel", { table: caption })}
        >
          {t("insights.table.csv")}
        </a>
      </p>
    </div>
  );
}

export function ColumnHeader({ children, numeric = false }: { children: ReactNode; numeric?: boolean }) {
  return (
    <th
      scope="col"
      className={`border-b border-slate-200 bg-slate-50 px-3 py-2 align-bottom text-xs font-semibold text-slate-700 ${
        numeric ? "text-right" : "text-left"
      }`}
    >
      {children}
    </th>
  );
}

/** The numeric column headers of some metrics, named as the dashboard names them. */
export function MetricHeaders({ metrics }: { metrics: readonly InsightMetric[] }) {
  const t = useT();
  return (
    <>
      {metrics.map((metric) => (
        <ColumnHeader key={metric} numeric>
          {t(`insights.metric.${metric}`)}
        </ColumnHeader>
      ))}
    </>
  );
}

export function RowHeader({ children }: { children: ReactNode }) {
  return (
    <th scope="row" className="px-3 py-2 text-left align-top font-medium text-slate-900">
      {children}
    </th>
  );
}

export function NumberCell({ children }: { children: ReactNode }) {
  return <td className="px-3 py-2 text-right align-top tabular-nums text-slate-800">{children}</td>;
}

export function TextCell({ children }: { children: ReactNode }) {
  return <td className="px-3 py-2 align-top text-slate-800">{children}</td>;
}

export const rowClass = "border-t border-slate-100 break-inside-avoid";
