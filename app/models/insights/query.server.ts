import type { MessageKey } from "~/i18n/dictionary";
import { isUuid } from "../topic-records.server";
import { parsePeriod, periodParams } from "./period";
import type { Reading } from "./scope.server";
import type { Insights, Period } from "./types";

/** An alliance's dashboard and exports are bound to it; the operators' may filter by `?alliance=<id>`. */
export type QueryScope = { allianceId: string } | "platform";

export type InsightsQuery = {
  /** Null when the period parameters are refused. */
  period: Period | null;
  chainId: string | null;
  allianceId: string | null;
  /** Keyed by the refused field (`period`, `month`, …, `chain`, `alliance`), empty when all are good. */
  errors: Record<string, MessageKey>;
};

/**
 * The dashboard's parameters (period, chain, alliance), read once for the page, the CSV downloads and
 * the printed report, so a dashboard link exports what it shows and a bad one is refused alike.
 */
export function parseInsightsQuery(params: URLSearchParams, now: Date, scope: QueryScope): InsightsQuery {
  const errors: Record<string, MessageKey> = {};
  const parsed = parsePeriod(params, now);
  if (!parsed.ok) Object.assign(errors, parsed.errors);
  const chainId = params.get("chain") || null;
  if (chainId !== null && !isUuid(chainId)) errors.chain = "insights.filter.error.chain";
  const allianceId = scope === "platform" ? params.get("alliance") || null : scope.allianceId;
  if (allianceId !== null && !isUuid(allianceId)) errors.alliance = "insights.filter.error.alliance";
  return { period: parsed.ok ? parsed.period : null, chainId, allianceId, errors };
}

/** What to load for a query with no refused parameter. */
export function queryReading({ period, chainId, allianceId, errors }: InsightsQuery): Reading | null {
  if (!period || Object.keys(errors).length > 0) return null;
  return { scope: { allianceId }, period, filters: { chainId } };
}

/**
 * Filters that named nothing: the figures list the scope's chains and, for an alliance scope, that
 * alliance; an id they lack is a typo or a stale link.
 */
export function unknownFilters(insights: Insights): Partial<Record<"alliance" | "chain", MessageKey>> {
  const { chainId } = insights.filters;
  const { allianceId } = insights.scope;
  const unknown: Partial<Record<"alliance" | "chain", MessageKey>> = {};
  if (allianceId && !insights.byAlliance.some((row) => row.allianceId === allianceId))
    unknown.alliance = "insights.filter.error.alliance";
  if (chainId && !insights.chains.some((chain) => chain.chainId === chainId))
    unknown.chain = "insights.filter.error.chain";
  return unknown;
}

/** The parameters of the figures shown, for links to their CSV, report or dashboard. */
export function shownParams(period: Period | null, chainId: string | null, allianceId: string | null) {
  const params = new URLSearchParams(period ? periodParams(period) : undefined);
  if (chainId) params.set("chain", chainId);
  if (allianceId) params.set("alliance", allianceId);
  return params;
}
