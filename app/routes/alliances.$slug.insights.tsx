import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { loadInsightsPage } from "~/models/insights/page.server";
import { InsightsDashboard } from "~/components/insights/insights-dashboard";
import { detectLocale } from "~/i18n/detect";
import { metaLocale, metaTranslator } from "~/i18n/meta";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { requestRefresh } from "~/models/insights/refresh.server";
import { requireAllianceRight } from "~/utils/alliance-guard.server";
import { invariantResponse } from "~/utils/invariant";
import { can } from "~/utils/permissions.server";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  const parent = matches.find((match) => match.id === "routes/alliances.$slug")?.data as
    { alliance?: { nameZh: string; nameEn: string } } | undefined;
  const name = parent?.alliance
    ? ` · ${pick(metaLocale(matches), parent.alliance.nameZh, parent.alliance.nameEn)}`
    : "";
  return [{ title: `${t("insights.title")}${name} · ${t("common.appName")}` }];
};

/** The alliance's own figures, for its organizers and chair; there is no alliance filter here. */
export async function loader(args: LoaderFunctionArgs) {
  const { alliance, user } = await requireAllianceRight(args, "alliance.insights.view");
  const page = await loadInsightsPage(args.context.services.db, {
    params: new URL(args.request.url).searchParams,
    locale: detectLocale(args.request.headers),
    now: new Date(),
    scope: { allianceId: alliance.id },
  });
  return data(
    { ...page, slug: alliance.slug, canRefresh: can(user, "admin.insights.view") },
    { status: Object.keys(page.form.errors).length > 0 ? 400 : 200 },
  );
}

/** "Refresh now" is the operators' (the rollup is the whole platform's); organizers wait for the next run. */
export async function action(args: ActionFunctionArgs) {
  const { user } = await requireAllianceRight(args, "alliance.insights.view");
  invariantResponse(can(user, "admin.insights.view"), 403, "admin.forbidden");
  const form = await args.request.formData();
  if (form.get("intent") !== "refresh") return data({ refreshed: null }, { status: 400 });
  const queued = await requestRefresh(args.context.services.db);
  return { refreshed: queued ? ("queued" as const) : ("pending" as const) };
}

export default function AllianceInsights() {
  const { form, figures, query, slug, canRefresh } = useLoaderData<typeof loader>();
  const refreshed = useActionData<typeof action>()?.refreshed ?? null;
  const t = useT();
  return (
    <section aria-labelledby="insights-heading">
      <h2 id="insights-heading" className="text-lg font-semibold text-slate-900">
        {t("insights.title")}
      </h2>
      <InsightsDashboard
        scope="alliance"
        form={form}
        figures={figures}
        links={{
          csv: `/alliances/${slug}/insights.csv`,
          query,
          report: `/alliances/${slug}/report`,
          allianceFilter: null,
        }}
        canRefresh={canRefresh}
        refreshed={refreshed}
      />
    </section>
  );
}
