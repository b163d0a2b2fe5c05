import { Form, Link, useParams } from "@remix-run/react";
import { controlClass, labelClass } from "~/components/form/styles";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { ChainOption } from "~/models/member-directory.server";
import { MEMBER_SEARCH_MAX, memberRoles, type MemberDirectoryQuery } from "~/validation/directory";
import { orgKinds } from "~/validation/organization";

/** A GET form, so a search is a link one can share, and it works without JavaScript. */
export function MemberFilters({ query, chains }: { query: MemberDirectoryQuery; chains: ChainOption[] }) {
  const t = useT();
  const locale = useLocale();
  const base = `/alliances/${useParams().slug}/members`;
  const filtered = Boolean(query.q || query.role || query.kind || query.node);
  return (
    <Form
      method="get"
      action={base}
      role="search"
      className="mt-4 grid gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1.5fr] lg:items-end"
    >
      <div>
        <label htmlFor="members-q" className={labelClass}>
          {t("membership.members.search")}
        </label>
        <input
          id="members-q"
          type="search"
          name="q"
          defaultValue={query.q}
          placeholder={t("membership.members.searchHint")}
          maxLength={MEMBER_SEARCH_MAX}
          className={controlClass}
        />
      </div>
      <div>
        <label htmlFor="members-role" className={labelClass}>
          {t("membership.members.role")}
        </label>
        <select id="members-role" name="role" defaultValue={query.role ?? ""} className={controlClass}>
          <option value="">{t("membership.members.roleAll")}</option>
          {memberRoles.map((role) => (
            <option key={role} value={role}>
              {t(`membership.role.${role}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="members-kind" className={labelClass}>
          {t("membership.members.kind")}
        </label>
        <select id="members-kind" name="kind" defaultValue={query.kind ?? ""} className={controlClass}>
          <option value="">{t("membership.members.kindAll")}</option>
          {orgKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`org.kind.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="members-node" className={labelClass}>
          {t("membership.members.node")}
        </label>
        <select id="members-node" name="node" defaultValue={query.node ?? ""} className={controlClass}>
          <option value="">{t("membership.members.nodeAll")}</option>
          {chains.map((chain) => (
            <optgroup key={chain.id} label={pick(locale, chain.nameZh, chain.nameEn)}>
              {chain.nodes.map((node) => (
                <option key={node.id} value={node.id}>
                  {pick(locale, node.nameZh, node.nameEn)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-3 sm:col-span-2 lg:col-span-4">
        <button
          type="submit"
          className="rounded-md bg-teal-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600"
        >
          {t("membership.members.submit")}
        </button>
        {filtered && (
          <Link to={base} className="text-sm text-teal-700 underline hover:text-teal-900">
            {t("membership.members.reset")}
          </Link>
        )}
      </div>
    </Form>
  );
}
