import { Link } from "@remix-run/react";
import { bucketFormatter } from "~/charts/bucket-label";
import { heatmapGrid } from "~/charts/heatmap-grid";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { Insights } from "~/models/insights/types";
import { FigureValue, useFigureFormat } from "./figure-format";
import {
  ColumnHeader,
  InsightTable,
  MetricHeaders,
  NumberCell,
  RowHeader,
  TextCell,
  rowClass,
} from "./insight-table";

type TableProps = { insights: Insights; csvHref: string };

/** The time series' numbers, one row per bucket. */
export function SeriesTable({ insights, csvHref }: TableProps) {
  const t = useT();
  const locale = useLocale();
  const { count } = useFigureFormat();
  const label = bucketFormatter(insights.period, locale);
  const metrics = [
    "problemsPosted",
    "problemsSolved",
    "registrations",
    "attended",
    "resourcesShared",
    "inquiries",
  ] as const;
  return (
    <InsightTable id="table-series" caption={t("insights.table.series")} csvHref={csvHref}>
      <thead>
        <tr>
          <ColumnHeader>{t("insights.col.start")}</ColumnHeader>
          <MetricHeaders metrics={metrics} />
        </tr>
      </thead>
      <tbody>
        {insights.series.map((point) => (
          <tr key={point.start} className={rowClass}>
            <RowHeader>
              <time dateTime={point.start}>{label(point.start)}</time>
            </RowHeader>
            {metrics.map((metric) => (
              <NumberCell key={metric}>{count.format(point[metric])}</NumberCell>
            ))}
          </tr>
        ))}
      </tbody>
    </InsightTable>
  );
}

export function ChainTable({ insights, csvHref }: TableProps) {
  const t = useT();
  const locale = useLocale();
  const { count, decimal } = useFigureFormat();
  const counts = ["members", "organizations", "problemsPosted", "problemsSolved"] as const;
  const later = ["applications", "acceptances", "eventsHeld", "resourcesShared", "inquiries"] as const;
  return (
    <InsightTable id="table-by-chain" caption={t("insights.table.byChain")} csvHref={csvHref}>
      <thead>
        <tr>
          <ColumnHeader>{t("insights.col.chain")}</ColumnHeader>
          <MetricHeaders metrics={counts} />
          <ColumnHeader numeric>{t("insights.metric.medianFirstResponse")}</ColumnHeader>
          <ColumnHeader numeric>{t("insights.metric.medianSolution")}</ColumnHeader>
          <MetricHeaders metrics={later} />
        </tr>
      </thead>
      <tbody>
        {insights.byChain.map((row) => (
          <tr key={row.chainId} className={rowClass}>
            <RowHeader>
              <Link to={`/chains/${row.slug}`} className="text-teal-800 underline hover:text-teal-900">
                {pick(locale, row.nameZh, row.nameEn)}
              </Link>
            </RowHeader>
            {counts.map((metric) => (
              <NumberCell key={metric}>{count.format(row[metric])}</NumberCell>
            ))}
            <NumberCell>
              <FigureValue value={row.medianFirstResponseHours} format={decimal} />
            </NumberCell>
            <NumberCell>
              <FigureValue value={row.medianSolutionDays} format={decimal} />
            </NumberCell>
            {later.map((metric) => (
              <NumberCell key={metric}>{count.format(row[metric])}</NumberCell>
            ))}
          </tr>
        ))}
        {insights.byChain.length === 0 && <EmptyRow columns={12} />}
      </tbody>
    </InsightTable>
  );
}

type AllianceTableProps = TableProps & {
  /** Where an alliance's name leads: the dashboard filtered to it, for operators. */
  allianceHref: (allianceId: string) => string;
};

export function AllianceTable({ insights, csvHref, allianceHref }: AllianceTableProps) {
  const t = useT();
  const locale = useLocale();
  const { count } = useFigureFormat();
  const metrics = [
    "members",
    "organizations",
    "problemsPosted",
    "problemsSolved",
    "eventsHeld",
    "registrations",
    "attended",
    "resourcesShared",
  ] as const;
  return (
    <InsightTable id="table-by-alliance" caption={t("insights.table.byAlliance")} csvHref={csvHref}>
      <thead>
        <tr>
          <ColumnHeader>{t("insights.col.alliance")}</ColumnHeader>
          <MetricHeaders metrics={metrics} />
        </tr>
      </thead>
      <tbody>
        {insights.byAlliance.map((row) => (
          <tr key={row.allianceId} className={rowClass}>
            <RowHeader>
              <Link to={allianceHref(row.allianceId)} className="text-teal-800 underline hover:text-teal-900">
                {pick(locale, row.nameZh, row.nameEn)}
              </Link>
            </RowHeader>
            {metrics.map((metric) => (
              <NumberCell key={metric}>{count.format(row[metric])}</NumberCell>
            ))}
          </tr>
        ))}
        {insights.byAlliance.length === 0 && <EmptyRow columns={metrics.length + 1} />}
      </tbody>
    </InsightTable>
  );
}

/** The heatmap as rows: a group per chain, its nodes numbered as the chart's columns are. */
export function HeatmapTable({ insights, csvHref }: TableProps) {
  const t = useT();
  const locale = useLocale();
  const { count } = useFigureFormat();
  const grid = heatmapGrid(insights);
  return (
    <InsightTable id="table-heatmap" caption={t("insights.table.heatmap")} csvHref={csvHref}>
      <thead>
        <tr>
          <ColumnHeader>{t("insights.col.position")}</ColumnHeader>
          <ColumnHeader>{t("insights.col.node")}</ColumnHeader>
          <ColumnHeader numeric>{t("insights.metric.problemsPosted")}</ColumnHeader>
          <ColumnHeader numeric>{t("insights.metric.problemsSolved")}</ColumnHeader>
        </tr>
      </thead>
      {grid.rows.map((row) => (
        <tbody key={row.chainId} className="break-inside-avoid">
          <tr className="border-t border-slate-200 bg-slate-50/60">
            <th scope="rowgroup" colSpan={4} className="px-3 py-2 text-left font-semibold text-slate-900">
              {pick(locale, row.chain.nameZh, row.chain.nameEn)}
            </th>
          </tr>
          {row.cells.map((cell, index) => (
            <tr key={cell.nodeId} className={rowClass}>
              <TextCell>{count.format(index + 1)}</TextCell>
              <RowHeader>{pick(locale, cell.node.nameZh, cell.node.nameEn)}</RowHeader>
              <NumberCell>{count.format(cell.problemsPosted)}</NumberCell>
              <NumberCell>{count.format(cell.problemsSolved)}</NumberCell>
            </tr>
          ))}
        </tbody>
      ))}
      {grid.rows.length === 0 && (
        <tbody>
          <EmptyRow columns={4} />
        </tbody>
      )}
    </InsightTable>
  );
}

export function EmptyRow({ columns, message }: { columns: number; message?: string }) {
  const t = useT();
  return (
    <tr>
      <td colSpan={columns} className="px-3 py-4 text-center text-slate-500">
        {message ?? t("insights.table.empty")}
      </td>
    </tr>
  );
}
