import { ErrorList } from "~/components/form/error-list";
import { SearchForm } from "~/components/form/search-form";
import { controlClass, labelClass } from "~/components/form/styles";
import type { MessageKey } from "~/i18n/dictionary";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import {
  ADMIN_SEARCH_MAX,
  auditActionGroups,
  type AuditActionGroup,
  type AuditFilterField,
} from "~/validation/admin";

type Props = {
  values: Record<AuditFilterField, string>;
  errors: Record<string, MessageKey[]>;
  alliances: { slug: string; nameZh: string; nameEn: string }[];
};

/** Who, what, where and when, as a GET form: every filtered view is a link. Refused values stay as typed. */
export function AuditFilters({ values, errors, alliances }: Props) {
  const t = useT();
  const locale = useLocale();
  const filtered = Object.values(values).some(Boolean);
  const groups = Object.keys(auditActionGroups) as AuditActionGroup[];
  const knownAction = groups.some(
    (group) =>
      group === values.action || (auditActionGroups[group] as readonly string[]).includes(values.action),
  );
  const field = (name: AuditFilterField) => ({
    id: `audit-${name}`,
    name,
    defaultValue: values[name],
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `audit-${name}-error` : undefined,
    className: controlClass,
  });
  const label = (name: AuditFilterField, key: MessageKey) => (
    <label htmlFor={`audit-${name}`} className={labelClass}>
      {t(key)}
    </label>
  );
  const fieldErrors = (name: AuditFilterField) => (
    <ErrorList id={`audit-${name}-error`} errors={errors[name]} />
  );
  return (
    <SearchForm
      action="/admin/audit"
      className="mt-4 sm:grid-cols-2 lg:grid-cols-3"
      actionsClassName="sm:col-span-2 lg:col-span-3"
      submitLabel={t("adminTools.audit.submit")}
      reset={filtered ? { to: "/admin/audit", label: t("adminTools.audit.reset") } : undefined}
    >
      <div>
        {label("who", "adminTools.audit.who")}
        <input
          {...field("who")}
          type="search"
          maxLength={ADMIN_SEARCH_MAX}
          placeholder={t("adminTools.audit.whoPlaceholder")}
        />
        {fieldErrors("who")}
      </div>
      <div>
        {label("action", "adminTools.audit.what")}
        <select {...field("action")}>
          <option value="">{t("adminTools.audit.whatAny")}</option>
          {values.action && !knownAction && <option value={values.action}>{values.action}</option>}
          {groups.map((group) => (
            <optgroup key={group} label={t(`adminTools.audit.group.${group}`)}>
              <option value={group}>
                {t("adminTools.audit.whatGroup", { group: t(`adminTools.audit.group.${group}`) })}
              </option>
              {auditActionGroups[group].map((action) => (
                <option key={action} value={action}>
                  {action}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {fieldErrors("action")}
      </div>
      <div>
        {label("alliance", "adminTools.audit.alliance")}
        <select {...field("alliance")}>
          <option value="">{t("adminTools.audit.allianceAny")}</option>
          {values.alliance && !alliances.some((a) => a.slug === values.alliance) && (
            <option value={values.alliance}>{values.alliance}</option>
          )}
          {alliances.map((alliance) => (
            <option key={alliance.slug} value={alliance.slug}>
              {pick(locale, alliance.nameZh, alliance.nameEn)}
            </option>
          ))}
        </select>
        {fieldErrors("alliance")}
      </div>
      <div>
        {label("org", "adminTools.audit.org")}
        <input
          {...field("org")}
          type="search"
          maxLength={ADMIN_SEARCH_MAX}
          placeholder={t("adminTools.audit.orgPlaceholder")}
        />
        {fieldErrors("org")}
      </div>
      <div>
        {label("from", "adminTools.audit.from")}
        <input {...field("from")} type="date" />
        {fieldErrors("from")}
      </div>
      <div>
        {label("to", "adminTools.audit.to")}
        <input {...field("to")} type="date" />
        {fieldErrors("to")}
      </div>
    </SearchForm>
  );
}
