import type { MessageKey } from "~/i18n/dictionary";
import type { Locale } from "~/i18n/locales";
import { pick } from "~/i18n/pick";
import { translator, type Translate } from "~/i18n/translate";
import { attachment, toCsv } from "~/utils/csv";
import { utcToZoned } from "~/utils/zoned-time";
import type { WeakReason } from "../weak-links";
import { PERIOD_ZONE } from "./period";
import type { Insights } from "./types";

/**
 * The dashboard's tables as CSV, for spreadsheets rather than eyes: counts raw (no thousands
 * separators), rates as percentages and medians rounded to one decimal with the unit in the header,
 * names and words in the user's language, times in the plan's zone (named in the header).
 */

export const insightTables = [
  "headline",
  "series",
  "byChain",
  "byAlliance",
  "heatmap",
  "collaborations",
  "weakLinks",
] as const;

export type InsightTable = (typeof insightTables)[number];

export function isInsightTable(value: unknown): value is InsightTable {
  return typeof value === "string" && (insightTables as readonly string[]).includes(value);
}

type Cell = string | number | null;
export type CsvTable = { header: string[]; rows: Cell[][] };
type Names = { nameZh: string; nameEn: string };

/** One decimal: 0.875 attendance → 87.5 (%), 26.4166… hours → 26.4. */
export function oneDecimal(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

export function percent(rate: number | null): number | null {
  return rate === null ? null : oneDecimal(rate * 100);
}

export function weakReasonWords(reasons: readonly WeakReason[], t: Translate): string {
  return reasons
    .map((reason) => t(`insightsReport.reason.${reason}`))
    .join(t("insightsReport.reason.separator"));
}

/** The alliance the figures are scoped to, when they are (its row is then the only one in byAlliance). */
export function scopedAlliance(insights: Insights) {
  const id = insights.scope.allianceId;
  return id ? (insights.byAlliance.find((row) => row.allianceId === id) ?? null) : null;
}

/**
 * A table's header and rows; `only` keeps the named columns (their keys as in
 * `insightsReport.col.*`, e.g. "problemsPosted"), for the printed report's narrower tables.
 */
export function insightsTable(
  insights: Insights,
  table: InsightTable,
  locale: Locale,
  only?: readonly string[],
): CsvTable {
  const t = translator(locale);
  const col = (key: string) => t(`insightsReport.col.${key}` as MessageKey);
  const name = (names: Names | null) => (names ? pick(locale, names.nameZh, names.nameEn) : null);
  const yesNo = (value: boolean) => t(value ? "insightsReport.yes" : "insightsReport.no");
  const columns = <Row>(all: [string, (row: Row) => Cell][], rows: readonly Row[]): CsvTable => {
    const spec = only ? all.filter(([key]) => only.includes(key)) : all;
    return {
      header: spec.map(([key]) => col(key)),
      rows: rows.map((row) => spec.map(([, cell]) => cell(row))),
    };
  };

  switch (table) {
    case "headline": {
      const h = insights.headline;
      return columns<typeof h>(
        [
          ["members", (r) => r.members],
          ["membersJoined", (r) => r.membersJoined],
          ["organizations", (r) => r.organizations],
          ["problemsPosted", (r) => r.problemsPosted],
          ["problemsSolved", (r) => r.problemsSolved],
          ["medianFirstResponseHours", (r) => oneDecimal(r.medianFirstResponseHours)],
          ["medianSolutionDays", (r) => oneDecimal(r.medianSolutionDays)],
          ["applications", (r) => r.applications],
          ["acceptances", (r) => r.acceptances],
          ["eventsHeld", (r) => r.eventsHeld],
          ["registrations", (r) => r.registrations],
          ["attended", (r) => r.attended],
          ["attendanceRate", (r) => percent(r.attendanceRate)],
          ["resourcesShared", (r) => r.resourcesShared],
          ["inquiries", (r) => r.inquiries],
          ["matchesTakenUp", (r) => r.matchesTakenUp],
          ["crossAllianceSolutions", (r) => r.crossAllianceSolutions],
          ["crossChainSolutions", (r) => r.crossChainSolutions],
        ],
        [h],
      );
    }
    case "series":
      return columns<Insights["series"][number]>(
        [
          [`start.${insights.period.bucket}`, (r) => r.start],
          ["problemsPosted", (r) => r.problemsPosted],
          ["problemsSolved", (r) => r.problemsSolved],
          ["registrations", (r) => r.registrations],
          ["attended", (r) => r.attended],
          ["resourcesShared", (r) => r.resourcesShared],
          ["inquiries", (r) => r.inquiries],
        ],
        insights.series,
      );
    case "byChain":
      return columns<Insights["byChain"][number]>(
        [
          ["chain", (r) => name(r)],
          ["members", (r) => r.members],
          ["organizations", (r) => r.organizations],
          ["problemsPosted", (r) => r.problemsPosted],
          ["problemsSolved", (r) => r.problemsSolved],
          ["medianFirstResponseHours", (r) => oneDecimal(r.medianFirstResponseHours)],
          ["medianSolutionDays", (r) => oneDecimal(r.medianSolutionDays)],
          ["applications", (r) => r.applications],
          ["acceptances", (r) => r.acceptances],
          ["eventsHeld", (r) => r.eventsHeld],
          ["resourcesShared", (r) => r.resourcesShared],
          ["inquiries", (r) => r.inquiries],
        ],
        insights.byChain,
      );
    case "byAlliance":
      return columns<Insights["byAlliance"][number]>(
        [
          ["alliance", (r) => name(r)],
          ["members", (r) => r.members],
          ["organizations", (r) => r.organizations],
          ["problemsPosted", (r) => r.problemsPosted],
          ["problemsSolved", (r) => r.problemsSolved],
          ["eventsHeld", (r) => r.eventsHeld],
          ["registrations", (r) => r.registrations],
          ["attended", (r) => r.attended],
          ["resourcesShared", (r) => r.resourcesShared],
        ],
        insights.byAlliance,
      );
    case "heatmap": {
      const chains = new Map(insights.chains.map((chain) => [chain.chainId, chain]));
      return columns<Insights["heatmap"][number]>(
        [
          ["chain", (r) => name(chains.get(r.chainId) ?? null)],
          ["node", (r) => name(r.node)],
          ["problemsPosted", (r) => r.problemsPosted],
          ["problemsSolved", (r) => r.problemsSolved],
        ],
        insights.heatmap,
      );
    }
    case "collaborations":
      return columns<Insights["collaborations"][number]>(
        [
          ["problem", (r) => r.title],
          ["solvedAt", (r) => utcToZoned(new Date(r.solvedAt), PERIOD_ZONE).replace("T", " ")],
          ["posterOrg", (r) => name(r.posterOrg)],
          ["solverOrg", (r) => name(r.solverOrg)],
          ["crossesAlliance", (r) => yesNo(r.crossesAlliance)],
          ["crossesChain", (r) => yesNo(r.crossesChain)],
        ],
        insights.collaborations,
      );
    case "weakLinks":
      return columns<Insights["weakLinks"][number]>(
        [
          ["chain", (r) => name(r.chain)],
          ["node", (r) => name(r.node)],
          ["reasons", (r) => weakReasonWords(r.reasons, t)],
          ["suppliers", (r) => r.suppliers],
          ["needs", (r) => r.needs],
          ["openProblems", (r) => r.openProblems],
        ],
        insights.weakLinks,
      );
  }
}

export function insightsCsv(insights: Insights, table: InsightTable, locale: Locale): string {
  const { header, rows } = insightsTable(insights, table, locale);
  return toCsv(header, rows);
}

/**
 * `qilian-<alliance slug | platform>-<table>-<from>_<to>.csv` for old clients; the same in the user's
 * language (七链-天津市机器人产业联盟-按产业链-…) for the others.
 */
export function insightsCsvFileName(
  insights: Insights,
  table: InsightTable,
  locale: Locale,
): { name: string; fallback: string } {
  const t = translator(locale);
  const alliance = scopedAlliance(insights);
  const { from, to } = insights.period;
  const scope = alliance ? pick(locale, alliance.nameZh, alliance.nameEn) : t("insightsReport.csv.platform");
  return {
    name: `${t("common.appName")}-${scope}-${t(`insightsReport.table.${table}`)}-${from}_${to}.csv`,
    fallback: `qilian-${alliance?.slug ?? "platform"}-${table}-${from}_${to}.csv`,
  };
}

/** The download: private figures, so never cached. */
export function insightsCsvResponse(insights: Insights, table: InsightTable, locale: Locale): Response {
  const { name, fallback } = insightsCsvFileName(insights, table, locale);
  return new Response(insightsCsv(insights, table, locale), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(name, fallback),
      "Cache-Control": "no-store",
    },
  });
}
