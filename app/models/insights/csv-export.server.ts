import type { Locale } from "~/i18n/locales";
import { translator } from "~/i18n/translate";
import { insightsCsvResponse, insightTables, isInsightTable } from "./csv";
import { parseInsightsQuery, queryReading, unknownFilters, type QueryScope } from "./query.server";
import type { Reading } from "./scope.server";
import type { Insights } from "./types";

/** A refusal a spreadsheet user reads in the browser: plain text in their language. */
export function plainText(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/**
 * `?table=…` plus the dashboard's parameters → the CSV download. An unknown table names no file (404,
 * listing the tables there are); a bad period or filter is the reader's typo (400, saying what is wrong).
 */
export async function csvExport(
  { params, now, locale, scope }: { params: URLSearchParams; now: Date; locale: Locale; scope: QueryScope },
  load: (reading: Reading) => Promise<Insights>,
): Promise<Response> {
  const t = translator(locale);
  const table = params.get("table");
  if (!isInsightTable(table))
    return plainText(404, t("insightsReport.csv.unknownTable", { tables: insightTables.join(", ") }));
  const query = parseInsightsQuery(params, now, scope);
  const reading = queryReading(query);
  if (!reading)
    return plainText(
      400,
      Object.values(query.errors)
        .map((key) => t(key))
        .join("\n"),
    );
  const insights = await load(reading);
  const [unknown] = Object.values(unknownFilters(insights));
  if (unknown) return plainText(400, t(unknown));
  return insightsCsvResponse(insights, table, locale);
}
