import type { LoaderFunctionArgs } from "@remix-run/node";
import { detectLocale } from "~/i18n/detect";
import { csvExport } from "~/models/insights/csv-export.server";
import { loadInsights } from "~/models/insights/figures.server";
import { requirePlatformRight } from "~/utils/admin-guard.server";

/**
 * One table of the platform's insights as CSV, for operators; `?alliance=<id>` narrows it to one
 * alliance as the dashboard's filter does.
 */
export async function loader(args: LoaderFunctionArgs) {
  await requirePlatformRight(args, "admin.insights.view");
  const now = new Date();
  return csvExport(
    {
      params: new URL(args.request.url).searchParams,
      now,
      locale: detectLocale(args.request.headers),
      scope: "platform",
    },
    (reading) => loadInsights(args.context.services.db, { ...reading, now }),
  );
}
