import { NodeSelect } from "~/components/chain/node-select";
import { useParams } from "@remix-run/react";
import { SearchField, SearchForm } from "~/components/form/search-form";
import { controlClass, labelClass } from "~/components/form/styles";
import { useT } from "~/i18n/use-t";
import type { ChainOption } from "~/models/member-directory.server";
import { MEMBER_SEARCH_MAX, memberRoles, type MemberDirectoryQuery } from "~/validation/directory";
import { orgKinds } from "~/validation/organization";

/** The alliance member directory's search: text, role, kind of organization and chain node. */
export function MemberFilters({ query, chains }: { query: MemberDirectoryQuery; chains: ChainOption[] }) {
  const t = useT();
  const base = `/alliances/${useParams().slug}/members`;
  const filtered = Boolean(query.q || query.role || query.kind || query.node);
  return (
    <SearchForm
      action={base}
      className="mt-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1.5fr] lg:items-end"
      actionsClassName="sm:col-span-2 lg:col-span-4"
      submitLabel={t("membership.members.submit")}
      reset={filtered ? { to: base, label: t("membership.members.reset") } : undefined}
    >
      <SearchField
        id="members-q"
        label={t("membership.members.search")}
        defaultValue={query.q}
        placeholder={t("membership.members.searchHint")}
        maxLength={MEMBER_SEARCH_MAX}
      />
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
      <NodeSelect
        id="members-node"
        label={t("membership.members.node")}
        anyLabel={t("membership.members.nodeAll")}
        value={query.node ?? ""}
        groups={chains}
      />
    </SearchForm>
  );
}
