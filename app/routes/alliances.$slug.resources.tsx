import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CatalogueFilters, KindTabs } from "~/components/resource-catalogue/catalogue-filters";
import { CatalogueResults } from "~/components/resource-catalogue/catalogue-results";
import { metaLocale, metaTranslator } from "~/i18n/meta";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { listNodeChoices } from "~/models/org-edit.server";
import { listResources } from "~/models/resource-catalogue.server";
import { loadAlliance } from "~/utils/alliance-guard.server";
import { can, canInAlliance } from "~/utils/permissions.server";
import { catalogueSearch, parseCatalogueQuery } from "~/validation/resource-catalogue";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  const parent = matches.find((match) => match.id === "routes/alliances.$slug")?.data as
    { alliance?: { nameZh: string; nameEn: string } } | undefined;
  const name = parent?.alliance
    ? ` · ${pick(metaLocale(matches), parent.alliance.nameZh, parent.alliance.nameEn)}`
    : "";
  return [{ title: `${t("resourceCatalogue.tab")}${name} · ${t("common.appName")}` }];
};

/**
 * The resources shared with the alliance, as the viewer may list them (members-only ones for members).
 * Organizers also see how many inquiries each received — a number, never what was asked. A constant
 * number of queries: the page, its count and the chain nodes.
 */
export async function loader(args: LoaderFunctionArgs) {
  const { alliance, role, membership, user } = await loadAlliance(args);
  const query = { ...parseCatalogueQuery(new URL(args.request.url).searchParams), alliance: alliance.slug };
  const { db } = args.context.services;
  const inquiryCounts = canInAlliance(role, "resource.inquiries.count");
  const [catalogue, groups] = await Promise.all([
    listResources(db, user, query, { allianceId: alliance.id, inquiryCounts }),
    listNodeChoices(db),
  ]);
  const path = `/alliances/${alliance.slug}/resources`;
  const share =
    membership?.status === "active" && alliance.archivedAt === null && can(user, "resource.create");
  return {
    query,
    catalogue,
    groups,
    path,
    inquiryCounts,
    more: catalogue.nextCursor
      ? `${path}${catalogueSearch({ ...query, alliance: null }, { cursor: catalogue.nextCursor })}`
      : null,
    shareLink: share ? "/resources/new" : null,
  };
}

export default function AllianceResources() {
  const { query, catalogue, groups, path, inquiryCounts, more, shareLink } = useLoaderData<typeof loader>();
  const t = useT();
  const shown = { ...query, alliance: null };
  return (
    <section aria-labelledby="alliance-resources-title">
      <h2 id="alliance-resources-title" className="sr-only">
        {t("resourceCatalogue.tab")}
      </h2>
      <p className="text-slate-600">{t("resourceCatalogue.allianceLead")}</p>
      {inquiryCounts && (
        <p className="mt-2 text-sm text-slate-500" data-testid="inquiry-count-note">
          {t("resourceCatalogue.inquiriesNote")}
        </p>
      )}
      <KindTabs query={shown} action={path} />
      <CatalogueFilters query={shown} alliances={[]} groups={groups} action={path} allianceFixed />
      <CatalogueResults
        query={shown}
        catalogue={catalogue}
        more={more}
        action={path}
        emptyKey="resourceCatalogue.empty.alliance"
        shareLink={shareLink}
        allianceFixed
      />
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
