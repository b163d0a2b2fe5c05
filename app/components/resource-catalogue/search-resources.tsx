import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { ResourceList, type ListedResource } from "./resource-list";

/** The global search's resources: the most relevant few, and the way to all of them in the catalogue. */
export function SearchResources({
  found,
  all,
}: {
  found: { resources: ListedResource[]; total: number; more: boolean };
  all: string;
}) {
  const t = useT();
  return (
    <section aria-labelledby="search-resources" className="mt-10" data-testid="search-resources">
      <h2 id="search-resources" className="text-lg font-semibold text-slate-900">
        {t("resourceCatalogue.search.title")}
      </h2>
      {found.resources.length === 0 ? (
        <p className="mt-2 text-slate-600">{t("resourceCatalogue.search.empty")}</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-slate-600">
            {t(found.more ? "resourceCatalogue.search.countMore" : "resourceCatalogue.search.count", {
              count: found.total,
            })}
          </p>
          <ResourceList resources={found.resources} />
          <p className="mt-3">
            <Link to={all} className="text-sm font-semibold text-teal-700 underline hover:text-teal-900">
              {t("resourceCatalogue.search.all")}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
