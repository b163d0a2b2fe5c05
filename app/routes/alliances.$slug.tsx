import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AllianceHeader } from "~/components/alliance/alliance-header";
import { AllianceLeaders } from "~/components/alliance/alliance-leaders";
import { metaLocale, metaTranslator } from "~/i18n/meta";
import { pick } from "~/i18n/pick";
import { getAllianceOverview } from "~/models/alliance-overview.server";
import { invariantResponse } from "~/utils/invariant";
import { allianceRole, canInAlliance } from "~/utils/permissions.server";
import { getOptionalUser } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  if (!data) return [{ title: `${t("error.title.404")} · ${t("common.appName")}` }];
  const locale = metaLocale(matches);
  const { alliance } = data;
  return [
    { title: `${pick(locale, alliance.nameZh, alliance.nameEn)} · ${t("common.appName")}` },
    { name: "description", content: pick(locale, alliance.descriptionZh, alliance.descriptionEn) },
  ];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const [{ user }, alliance] = await Promise.all([
    getOptionalUser({ request, context }),
    getAllianceOverview(context.services.db, params.slug ?? ""),
  ]);
  // An archived alliance is gone for everyone but the admins who may restore it.
  invariantResponse(
    alliance && (!alliance.archived || canInAlliance(allianceRole(user, null), "alliance.viewArchived")),
    404,
    "alliance.notFound",
  );
  return { alliance };
}

export default function AlliancePage() {
  const { alliance } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:px-6 lg:px-8">
      <AllianceHeader alliance={alliance} />
      <AllianceLeaders leaders={alliance.leaders} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
