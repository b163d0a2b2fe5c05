import type { PeriodField, PeriodFormState } from "~/components/insights/period-form";
import { insightCharts, type InsightChartSvgs } from "~/charts/insight-charts.server";
import type { Locale } from "~/i18n/locales";
import type { DbOrTx } from "~/utils/db.server";
import { listChains } from "../chains.server";
import { listAllianceEntries } from "./catalogue.server";
import { loadInsights } from "./figures.server";
import {
  parseInsightsQuery,
  queryReading,
  shownParams,
  unknownFilters,
  type QueryScope,
} from "./query.server";
import type { Insights, Period } from "./types";

type Input = {
  params: URLSearchParams;
  locale: Locale;
  now: Date;
  scope: QueryScope;
};

export type InsightsPage = {
  form: PeriodFormState;
  figures: { insights: Insights; charts: InsightChartSvgs } | null;
  /** The shown figures' period and filter parameters, for CSV and report links. */
  query: string;
  /** For the operators' page: the slug of the alliance filtered to, for its printable report. */
  filteredAllianceSlug: string | null;
};

const fields: PeriodField[] = ["period", "month", "quarter", "year", "from", "to", "chain", "alliance"];

/**
 * Reads the dashboard's parameters, refuses the bad ones (each with its message, for a 400 that keeps
 * what was typed), and otherwise loads the figures and draws their charts.
 */
export async function loadInsightsPage(
  db: DbOrTx,
  { params, locale, now, scope }: Input,
): Promise<InsightsPage> {
  const parsed = parseInsightsQuery(params, now, scope);
  const { period, chainId, errors } = parsed;
  const wanted = parsed.allianceId;
  const reading = queryReading(parsed);
  // The alliance list (operators) and the figures go out together; an unknown alliance discards the figures.
  const [alliances, loaded] = await Promise.all([
    scope === "platform" ? listAllianceEntries(db) : null,
    reading ? loadInsights(db, { ...reading, now }) : null,
  ]);
  const filtered = alliances && wanted ? alliances.find((alliance) => alliance.id === wanted) : undefined;
  if (alliances && wanted && !filtered) errors.alliance = "insights.filter.error.alliance";
  const unknownChain = loaded ? unknownFilters(loaded).chain : undefined;
  if (unknownChain) errors.chain = unknownChain;
  const insights = Object.keys(errors).length === 0 ? loaded : null;

  const chains =
    loaded?.chains ??
    (await listChains(db)).map(({ id, nameZh, nameEn }) => ({ chainId: id, nameZh, nameEn }));
  const typed = Object.fromEntries(fields.map((field) => [field, params.get(field) ?? ""]));
  const query = shownParams(period, chainId, scope === "platform" ? wanted : null);

  return {
    form: {
      values: insights && period ? { ...typed, ...periodValues(period) } : typed,
      errors,
      chains: chains.map(({ chainId: id, nameZh, nameEn }) => ({ chainId: id, nameZh, nameEn })),
      alliances: alliances?.map(({ id, nameZh, nameEn }) => ({ allianceId: id, nameZh, nameEn })) ?? null,
    },
    figures: insights ? { insights, charts: insightCharts(insights, locale) } : null,
    query: query.toString(),
    filteredAllianceSlug: filtered?.slug ?? null,
  };
}

/** Every period field filled from the period shown, so switching the period type starts from it. */
function periodValues(period: Period): Partial<Record<PeriodField, string>> {
  const month = Number(period.from.slice(5, 7));
  return {
    period: period.kind,
    month: period.from.slice(0, 7),
    quarter: `${period.from.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`,
    year: period.from.slice(0, 4),
    from: period.from,
    to: period.to,
  };
}
