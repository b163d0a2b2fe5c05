import { Link } from "@remix-run/react";
import { NodeSelect } from "~/components/chain/node-select";
import { SearchField, SearchForm } from "~/components/form/search-form";
import { FilterSelect } from "~/components/form/filter-select";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { NodeChoiceGroup } from "~/models/org-edit.server";
import type { ProblemAlliance } from "~/models/problems.server";
import { orgKinds } from "~/validation/organization";
import { resourceKinds, resourceTerms } from "~/validation/resource";
import {
  CATALOGUE_SEARCH_MAX,
  catalogueFiltered,
  catalogueSearch,
  catalogueSorts,
  type CatalogueQuery,
} from "~/validation/resource-catalogue";

/**
 * One link per kind above the list (the quickest way to browse), keeping the other filters; the current
 * kind is marked for screen readers as well as by colour.
 */
export function KindTabs({ query, action }: { query: CatalogueQuery; action: string }) {
  const t = useT();
  const tabs = [
    { kind: null, label: t("resourceCatalogue.allKinds") },
    ...resourceKinds.map((kind) => ({ kind, label: t(`resource.kind.${kind}`) })),
  ];
  return (
    <nav aria-label={t("resourceCatalogue.kindNav")} className="mt-6">
      <ul className="flex flex-wrap gap-2">
        {tabs.map((tab) => {
          const current = query.kind === tab.kind;
          return (
            <li key={tab.kind ?? "all"}>
              <Link
                to={`${action}${catalogueSearch(query, { kind: tab.kind })}`}
                aria-current={current ? "page" : undefined}
                preventScrollReset
                className={`inline-block rounded-full px-3 py-1 text-sm font-medium ring-1 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600 ${
                  current
                    ? "bg-teal-700 text-white ring-teal-700"
                    : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"
                }`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/**
 * The catalogue's GET form: a search box and one select per filter, so every view is a link to share.
 * The kind travels from the tabs above; an alliance's tab fixes its alliance. Sorting is offered only
 * with search words, since without them the list is newest first.
 */
export function CatalogueFilters({
  query,
  alliances,
  groups,
  action,
  allianceFixed = false,
}: {
  query: CatalogueQuery;
  alliances: ProblemAlliance[];
  groups: NodeChoiceGroup[];
  action: string;
  allianceFixed?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const any = t("resourceCatalogue.any");
  const filtered = catalogueFiltered(query, allianceFixed);
  return (
    <SearchForm
      action={action}
      className="mt-4 sm:grid-cols-4 sm:items-end"
      actionsClassName="sm:col-span-4"
      submitLabel={t("resourceCatalogue.filter")}
      reset={filtered ? { to: action, label: t("resourceCatalogue.reset") } : undefined}
    >
      <div className="sm:col-span-2">
        <SearchField
          id="resource-q"
          label={t("resourceCatalogue.search")}
          defaultValue={query.q}
          placeholder={t("resourceCatalogue.searchPlaceholder")}
          maxLength={CATALOGUE_SEARCH_MAX}
        />
      </div>
      {query.kind && <input type="hidden" name="kind" value={query.kind} />}
      {query.q ? (
        <FilterSelect
          id="resource-sort"
          name="sort"
          label={t("resourceCatalogue.sort")}
          value={query.sort}
          options={catalogueSorts.map((sort) => ({
            value: sort,
            label: t(`resourceCatalogue.sort.${sort}`),
          }))}
        />
      ) : null}
      <FilterSelect
        id="resource-terms"
        name="terms"
        label={t("resourceCatalogue.filter.terms")}
        value={query.terms ?? ""}
        anyLabel={any}
        options={resourceTerms.map((terms) => ({ value: terms, label: t(`resource.terms.${terms}`) }))}
      />
      <FilterSelect
        id="resource-chain"
        name="chain"
        label={t("resourceCatalogue.filter.chain")}
        value={query.chain ?? ""}
        anyLabel={any}
        options={groups.map((g) => ({ value: g.slug, label: pick(locale, g.nameZh, g.nameEn) }))}
      />
      <NodeSelect
        id="resource-node"
        label={t("resourceCatalogue.filter.node")}
        anyLabel={any}
        value={query.node ?? ""}
        groups={groups}
      />
      <FilterSelect
        id="resource-org-kind"
        name="orgKind"
        label={t("resourceCatalogue.filter.orgKind")}
        value={query.orgKind ?? ""}
        anyLabel={any}
        options={orgKinds.map((kind) => ({ value: kind, label: t(`org.kind.${kind}`) }))}
      />
      {allianceFixed ? null : (
        <FilterSelect
          id="resource-alliance"
          name="alliance"
          label={t("resourceCatalogue.filter.alliance")}
          value={query.alliance ?? ""}
          anyLabel={any}
          options={alliances.map((a) => ({ value: a.slug, label: pick(locale, a.nameZh, a.nameEn) }))}
        />
      )}
    </SearchForm>
  );
}
