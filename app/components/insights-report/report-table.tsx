import type { ReactNode } from "react";
import { useLocale, useT } from "~/i18n/use-t";
import type { CsvTable } from "~/models/insights/csv";

/**
 * One of the exported tables as the report prints it: the CSV's header and cells (so paper and
 * spreadsheet agree), numbers formatted for reading and right-aligned, no data as a dash. A row is
 * never cut between two sheets.
 */
export function ReportTable({ table, caption }: { table: CsvTable; caption: ReactNode }) {
  const locale = useLocale();
  const t = useT();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  // Figures line up on the right, dashes (no data) included; the first column names the row.
  const numeric = table.header.map(
    (_, column) =>
      column > 0 && table.rows.every((row) => row[column] === null || typeof row[column] === "number"),
  );
  return (
    <table className="mt-3 w-full border-collapse text-sm print:text-xs">
      <caption className="sr-only">{caption}</caption>
      <thead className="print:table-header-group">
        <tr className="border-b-2 border-slate-300">
          {table.header.map((label, column) => (
            <th
              key={label}
              scope="col"
              className={`px-2 py-1.5 align-bottom font-semibold text-slate-700 ${numeric[column] ? "text-right" : "text-left"}`}
            >
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, index) => (
          <tr key={index} className="break-inside-avoid border-b border-slate-200">
            {row.map((cell, column) => {
              const Cell = column === 0 ? "th" : "td";
              return (
                <Cell
                  key={column}
                  scope={column === 0 ? "row" : undefined}
                  className={`px-2 py-1.5 align-top ${column === 0 ? "min-w-24 text-left font-medium" : ""} ${numeric[column] ? "text-right tabular-nums" : ""}`}
                >
                  {cell === null || cell === ""
                    ? t("insightsReport.none")
                    : typeof cell === "number"
                      ? number.format(cell)
                      : cell}
                </Cell>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
