import { NodeSelect } from "~/components/chain/node-select";
import { FilterSelect } from "~/components/form/filter-select";
import { SearchField, SearchForm } from "~/components/form/search-form";
import { controlClass, labelClass } from "~/components/form/styles";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { NodeChoiceGroup } from "~/models/org-edit.server";
import type { ProblemAlliance } from "~/models/problems.server";
import {
  boardSorts,
  problemStatuses,
  problemUrgencies,
  SEARCH_MAX,
  TAG_MAX,
  type BoardQuery,
} from "~/validation/problem";

/**
 * The board's GET form: a search box and one select per filter, so every view is a link to share. Search
 * (`action` "/search") orders by relevance, so it has no sort; an alliance's tab fixes its alliance.
 */
export function BoardFilters({
  query,
  alliances,
  groups,
  action = "/problems",
  sortable = true,
  allianceFixed = false,
}: {
  query: BoardQuery;
  alliances: ProblemAlliance[];
  groups: NodeChoiceGroup[];
  action?: string;
  sortable?: boolean;
  allianceFixed?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const any = t("problem.board.any");
  const filtered = Boolean(
    query.q ||
    (!allianceFixed && query.alliance) ||
    query.chain ||
    query.node ||
    query.status ||
    query.urgency ||
    query.tag ||
    (sortable && query.sort !== "newest"),
  );
  return (
    <SearchForm
      action={action}
      className="mt-6 sm:grid-cols-4 sm:items-end"
      actionsClassName="sm:col-span-4"
      submitLabel={t("problem.board.filter")}
      reset={filtered ? { to: action, label: t("problem.board.reset") } : undefined}
    >
      <div className="sm:col-span-2">
        <SearchField
          id="problem-q"
          label={t("problem.board.search")}
          defaultValue={query.q}
          placeholder={t("problem.board.searchPlaceholder")}
          maxLength={SEARCH_MAX}
        />
      </div>
      {allianceFixed ? null : (
        <FilterSelect
          anyLabel={any}
          id="problem-alliance"
          name="alliance"
          label={t("problem.filter.alliance")}
          value={query.alliance ?? ""}
          options={alliances.map((a) => ({ value: a.slug, label: pick(locale, a.nameZh, a.nameEn) }))}
        />
      )}
      <FilterSelect
        anyLabel={any}
        id="problem-chain"
        name="chain"
        label={t("problem.filter.chain")}
        value={query.chain ?? ""}
        options={groups.map((g) => ({ value: g.slug, label: pick(locale, g.nameZh, g.nameEn) }))}
      />
      <NodeSelect
        id="problem-node"
        label={t("problem.filter.node")}
        anyLabel={any}
        value={query.node ?? ""}
        groups={groups}
      />
      <FilterSelect
        anyLabel={any}
        id="problem-status"
        name="status"
        label={t("problem.filter.status")}
        value={query.status ?? ""}
        options={problemStatuses.map((s) => ({ value: s, label: t(`problem.status.${s}`) }))}
      />
      <FilterSelect
        anyLabel={any}
        id="problem-urgency"
        name="urgency"
        label={t("problem.filter.urgency")}
        value={query.urgency ?? ""}
        options={problemUrgencies.map((u) => ({ value: u, label: t(`problem.urgency.${u}`) }))}
      />
      <div>
        <label htmlFor="problem-tag" className={labelClass}>
          {t("problem.filter.tag")}
        </label>
        <input
          id="problem-tag"
          name="tag"
          defaultValue={query.tag ?? ""}
          maxLength={TAG_MAX}
          className={controlClass}
        />
      </div>
      {sortable && (
        <FilterSelect
          id="problem-sort"
          name="sort"
          label={t("problem.board.sort")}
          value={query.sort}
          options={boardSorts.map((sort) => ({ value: sort, label: t(`problem.sort.${sort}`) }))}
        />
      )}
    </SearchForm>
  );
}
