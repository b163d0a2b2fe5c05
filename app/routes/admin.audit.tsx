import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AuditFilters } from "~/components/admin/audit-filters";
import { AuditTable } from "~/components/admin/audit-table";
import { ListPager, searchOf } from "~/components/admin/list-pager";
import { FormErrors } from "~/components/form/form-errors";
import type { MessageKey } from "~/i18n/dictionary";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { listAllianceChoices } from "~/models/admin-alliances.server";
import { auditFiltersOf } from "~/models/admin-audit.server";
import { listAudit, type AuditEntry } from "~/models/audit.server";
import { requirePlatformRight } from "~/utils/admin-guard.server";
import { parseAuditFilters } from "~/validation/admin";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "adminTools.audit.title");

const PAGE = 50;

/** Refused filters answer 400 with their messages and what was typed; nothing is listed then. */
export async function loader(args: LoaderFunctionArgs) {
  await requirePlatformRight(args, "admin.audit.view");
  const { db } = args.context.services;
  const parsed = parseAuditFilters(new URL(args.request.url).searchParams);
  const alliances = await listAllianceChoices(db);
  if (!parsed.ok) {
    return data(
      {
        values: parsed.raw,
        errors: parsed.errors,
        alliances,
        entries: [] as AuditEntry[],
        nextBefore: null as number | null,
        before: null as number | null,
      },
      { status: 400 },
    );
  }
  const { before } = parsed.value;
  const page = await listAudit(db, auditFiltersOf(parsed.value), { before, limit: PAGE });
  return {
    values: parsed.raw,
    errors: {} as Record<string, MessageKey[]>,
    alliances,
    ...page,
    before: before ?? null,
  };
}

export default function AdminAudit() {
  const { values, errors, alliances, entries, nextBefore, before } = useLoaderData<typeof loader>();
  const t = useT();
  const invalid = Object.keys(errors).length > 0;
  return (
    <section aria-labelledby="admin-audit-title">
      <h2 id="admin-audit-title" className="text-xl font-semibold text-slate-900">
        {t("adminTools.audit.title")}
      </h2>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("adminTools.audit.lead")}</p>
      <AuditFilters values={values} errors={errors} alliances={alliances} />
      {invalid ? (
        <div className="mt-6">
          <FormErrors errors={["adminTools.audit.invalid", ...(errors.before ?? [])]} />
        </div>
      ) : (
        <AuditTable entries={entries} />
      )}
      <ListPager
        label={t("adminTools.audit.tableLabel")}
        firstHref={before ? `/admin/audit${searchOf(values)}` : null}
        nextHref={nextBefore ? `/admin/audit${searchOf({ ...values, before: String(nextBefore) })}` : null}
        firstLabel="adminTools.audit.newest"
        nextLabel="adminTools.audit.older"
      />
    </section>
  );
}
