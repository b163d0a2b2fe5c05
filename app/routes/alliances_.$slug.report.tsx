import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { insightCharts } from "~/charts/insight-charts.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PeriodReport } from "~/components/insights-report/period-report";
import { detectLocale } from "~/i18n/detect";
import { metaLocale, metaTranslator } from "~/i18n/meta";
import { pick } from "~/i18n/pick";
import { loadInsights } from "~/models/insights/figures.server";
import { PERIOD_ZONE } from "~/models/insights/period";
import {
  parseInsightsQuery,
  queryReading,
  shownParams,
  unknownFilters,
} from "~/models/insights/query.server";
import { requireAllianceRight } from "~/utils/alliance-guard.server";
import { invariantResponse } from "~/utils/invariant";
import { formatInZone } from "~/utils/zoned-time";

/**
 * An alliance's period on paper, for the plan's administrators: outside the alliance's tabs, so only
 * the report prints. Same right and parameters (period, chain) as the insights tab.
 */
export async function loader(args: LoaderFunctionArgs) {
  const { alliance } = await requireAllianceRight(args, "alliance.insights.view");
  const now = new Date();
  const query = parseInsightsQuery(new URL(args.request.url).searchParams, now, { allianceId: alliance.id });
  const reading = queryReading(query);
  invariantResponse(reading, 400, Object.values(query.errors)[0]);
  const insights = await loadInsights(args.context.services.db, { ...reading, now });
  const [unknown] = Object.values(unknownFilters(insights));
  invariantResponse(!unknown, 400, unknown);
  const locale = detectLocale(args.request.headers);
  const format = { locale, timeZone: PERIOD_ZONE };
  const back = shownParams(insights.period, insights.filters.chainId, null);
  return {
    alliance: { nameZh: alliance.nameZh, nameEn: alliance.nameEn },
    insights,
    charts: insightCharts(insights, locale),
    generatedAt: formatInZone(now, format),
    refreshedAt: insights.refreshedAt ? formatInZone(new Date(insights.refreshedAt), format) : null,
    backTo: `/alliances/${alliance.slug}/insights?${back}`,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  if (!data) return [{ title: `${t("insightsReport.report.metaTitle")} · ${t("common.appName")}` }];
  const alliance = pick(metaLocale(matches), data.alliance.nameZh, data.alliance.nameEn);
  const { from, to } = data.insights.period;
  // The browser prints the title in the page's margin: it names whose figures and which days.
  return [
    { title: `${t("insightsReport.report.title", { alliance })} ${from}–${to} · ${t("common.appName")}` },
  ];
};

export default function AllianceReport() {
  return <PeriodReport {...useLoaderData<typeof loader>()} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
