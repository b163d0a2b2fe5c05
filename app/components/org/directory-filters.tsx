import { SearchForm, SearchField } from "~/components/form/search-form";
import { controlClass, labelClass } from "~/components/form/styles";
import { useT } from "~/i18n/use-t";
import type { DirectoryCounts } from "~/models/org-directory.server";
import { orgKinds, SEARCH_MAX, type DirectoryQuery } from "~/validation/organization";

/** The organization directory's search: text, kind and verification, each choice with its count. */
export function DirectoryFilters({ query, counts }: { query: DirectoryQuery; counts: DirectoryCounts }) {
  const t = useT();
  const verified = query.verified === null ? "" : query.verified ? "yes" : "no";
  const filtered = Boolean(query.q || query.kind || query.verified !== null);
  return (
    <SearchForm
      className="mt-6 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end"
      submitLabel={t("org.directory.submit")}
      reset={filtered ? { to: "/orgs", label: t("org.directory.reset") } : undefined}
    >
      <SearchField
        id="org-q"
        label={t("org.directory.search")}
        defaultValue={query.q}
        placeholder={t("org.directory.searchHint")}
        maxLength={SEARCH_MAX}
      />
      <div>
        <label htmlFor="org-kind" className={labelClass}>
          {t("org.directory.kind")}
        </label>
        <select id="org-kind" name="kind" defaultValue={query.kind ?? ""} className={controlClass}>
          <option value="">{t("org.directory.kindAll")}</option>
          {orgKinds.map((kind) => (
            <option key={kind} value={kind}>
              {`${t(`org.kind.${kind}`)} (${counts.byKind[kind]})`}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="org-verified" className={labelClass}>
          {t("org.directory.verified")}
        </label>
        <select id="org-verified" name="verified" defaultValue={verified} className={controlClass}>
          <option value="">{t("org.directory.verifiedAll")}</option>
          <option value="yes">{`${t("org.directory.verifiedYes")} (${counts.verified})`}</option>
          <option value="no">{`${t("org.directory.verifiedNo")} (${counts.unverified})`}</option>
        </select>
      </div>
    </SearchForm>
  );
}
