import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AuditList } from "~/components/alliance/audit-list";
import { useT } from "~/i18n/use-t";
import { listAudit } from "~/models/audit.server";
import { requireAllianceRight } from "~/utils/alliance-guard.server";

export async function loader(args: LoaderFunctionArgs) {
  const { alliance } = await requireAllianceRight(args, "alliance.audit.view");
  const before = Number(new URL(args.request.url).searchParams.get("before"));
  return listAudit(
    args.context.services.db,
    { allianceId: alliance.id },
    { before: Number.isSafeInteger(before) && before > 0 ? before : undefined },
  );
}

export default function AuditTab() {
  const { entries, nextBefore } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading" className="text-lg font-semibold text-slate-900">
        {t("membership.tab.audit")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("membership.audit.lead")}</p>
      <AuditList entries={entries} />
      {nextBefore && (
        <Link
          to={`?before=${nextBefore}`}
          className="mt-4 inline-block text-sm font-medium text-teal-800 underline"
        >
          {t("membership.audit.older")}
        </Link>
      )}
    </section>
  );
}
