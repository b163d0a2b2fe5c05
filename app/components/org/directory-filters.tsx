import { Form, Link } from "@remix-run/react";
import { controlClass, labelClass } from "~/components/form/styles";
import { useT } from "~/i18n/use-t";
import type { DirectoryCounts } from "~/models/org-directory.server";
import { orgKinds, type DirectoryQuery } from "~/validation/organization";

/** A GET form, so a search is a link one can share and works without JavaScript. */
export function DirectoryFilters({ query, counts }: { query: DirectoryQuery; counts: DirectoryCounts }) {
  const t = useT();
  const verified = query.verified === null ? "" : query.verified ? "yes" : "no";
  return (
    <Form
      method="get"
      role="search"
      className="mt-6 grid gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end"
    >
      <div>
        <label htmlFor="org-q" className={labelClass}>
          {t("org.directory.search")}
        </label>
        <input
          id="org-q"
          type="search"
          name="q"
          defaultValue={query.q}
          placeholder={t("org.directory.searchHint")}
          maxLength={100}
          className={controlClass}
        />
      </div>
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
      <div className="flex items-center gap-3">
        <button
          type="submit"
          className="rounded-md bg-teal-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600"
        >
          {t("org.directory.submit")}
        </button>
        {(query.q || query.kind || query.verified !== null) && (
          <Link to="/orgs" className="text-sm text-teal-700 underline hover:text-teal-900">
            {t("org.directory.reset")}
          </Link>
        )}
      </div>
    </Form>
  );
}
