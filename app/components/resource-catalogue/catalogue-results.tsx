import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { catalogueFiltered, type CatalogueQuery } from "~/validation/resource-catalogue";
import { ResourceList, type ListedResource } from "./resource-list";

const buttonClass =
  "inline-block rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600";

/**
 * The count, the page of resources and the link to the next one — or the empty state that fits: nothing
 * shared at all (with an invitation to share, where the viewer may), nothing for these words, or
 * nothing for these filters (with the way back).
 */
export function CatalogueResults({
  query,
  catalogue,
  more,
  action,
  emptyKey,
  shareLink,
  allianceFixed = false,
}: {
  query: CatalogueQuery;
  catalogue: { resources: ListedResource[]; total: number; more: boolean };
  more: string | null;
  action: string;
  emptyKey: "resourceCatalogue.empty.none" | "resourceCatalogue.empty.alliance";
  shareLink: string | null;
  allianceFixed?: boolean;
}) {
  const t = useT();
  const filtered = catalogueFiltered(query, allianceFixed);
  if (catalogue.resources.length === 0) {
    return (
      <div
        className="mt-6 rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center"
        data-testid="resource-empty"
      >
        <p className="text-slate-700">
          {query.q
            ? t("resourceCatalogue.empty.search", { q: query.q })
            : filtered
              ? t("resourceCatalogue.empty.filtered")
              : t(shareLink && !allianceFixed ? "resourceCatalogue.empty.noneCanShare" : emptyKey)}
        </p>
        <p className="mt-4 flex flex-wrap justify-center gap-3">
          {filtered && (
            <Link to={action} className={buttonClass}>
              {t("resourceCatalogue.reset")}
            </Link>
          )}
          {!filtered && shareLink && (
            <Link
              to={shareLink}
              className="inline-block rounded-md bg-teal-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600"
            >
              {t("resourceCatalogue.share")}
            </Link>
          )}
        </p>
      </div>
    );
  }
  return (
    <>
      <p role="status" className="mt-4 text-sm text-slate-600" data-testid="resource-count">
        {t(catalogue.more ? "resourceCatalogue.countMore" : "resourceCatalogue.count", {
          count: catalogue.total,
        })}
      </p>
      <ResourceList resources={catalogue.resources} />
      {more && (
        <p className="mt-6 text-center">
          <Link to={more} rel="next" preventScrollReset className={buttonClass}>
            {t("resourceCatalogue.more")}
          </Link>
        </p>
      )}
    </>
  );
}
