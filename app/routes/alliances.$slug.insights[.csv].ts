import type { LoaderFunctionArgs } from "@remix-run/node";
import { detectLocale } from "~/i18n/detect";
import { csvExport } from "~/models/insights/csv-export.server";
import { loadInsights } from "~/models/insights/figures.server";
import { requireAllianceRight } from "~/utils/alliance-guard.server";

/**
 * One table of an alliance's insights as CSV (`?table=byChain&period=quarter&quarter=2025-Q1`), for
 * those who may see its insights tab; the scope is always this alliance.
 */
export async function loader(args: LoaderFunctionArgs) {
  const { alliance } = await requireAllianceRight(args, "alliance.insights.view");
  const now = new Date();
  return csvExport(
    {
      params: new URL(args.request.url).searchParams,
      now,
      locale: detectLocale(args.request.headers),
      scope: { allianceId: alliance.id },
    },
    (reading) => loadInsights(args.context.services.db, { ...reading, now }),
  );
}
