import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { loadInsightsPage } from "~/models/insights/page.server";
import { InsightsDashboard } from "~/components/insights/insights-dashboard";
import { detectLocale } from "~/i18n/detect";
import { metaTranslator } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { requestRefresh } from "~/models/insights/refresh.server";
import { requirePlatformRight } from "~/utils/admin-guard.server";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("insights.title")} · ${t("admin.title")} · ${t("common.appName")}` }];
};

/** The platform's figures; `?alliance=<id>` narrows them to one alliance. A bad parameter is a 400 page. */
export async function loader(args: LoaderFunctionArgs) {
  await requirePlatformRight(args, "admin.insights.view");
  const page = await loadInsightsPage(args.context.services.db, {
    params: new URL(args.request.url).searchParams,
    locale: detectLocale(args.request.headers),
    now: new Date(),
    scope: "platform",
  });
  return data(page, { status: Object.keys(page.form.errors).length > 0 ? 400 : 200 });
}

/** "Refresh now": queues a rebuild of the rollups rather than waiting up to ten minutes. */
export async function action(args: ActionFunctionArgs) {
  await requirePlatformRight(args, "admin.insights.view");
  const form = await args.request.formData();
  if (form.get("intent") !== "refresh") return data({ refreshed: null }, { status: 400 });
  const queued = await requestRefresh(args.context.services.db);
  return { refreshed: queued ? ("queued" as const) : ("pending" as const) };
}

export default function AdminInsights() {
  const { form, figures, query, filteredAllianceSlug } = useLoaderData<typeof loader>();
  const refreshed = useActionData<typeof action>()?.refreshed ?? null;
  const t = useT();
  const periodOnly = new URLSearchParams(query);
  periodOnly.delete("alliance");
  return (
    <section aria-labelledby="insights-heading">
      <h2 id="insights-heading" className="text-xl font-semibold text-slate-900">
        {t("insights.title")}
      </h2>
      <InsightsDashboard
        scope="platform"
        form={form}
        figures={figures}
        links={{
          csv: "/admin/insights.csv",
          query,
          report: filteredAllianceSlug ? `/alliances/${filteredAllianceSlug}/report` : null,
          allianceFilter: `/admin?${periodOnly}`,
        }}
        canRefresh
        refreshed={refreshed}
      />
    </section>
  );
}
