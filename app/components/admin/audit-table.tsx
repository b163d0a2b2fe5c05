import { Link } from "@remix-run/react";
import { formatMoment } from "~/components/org/format";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { AuditEntry } from "~/models/audit.server";

/** The platform's log as operators read it: the raw action name, so a filter can be typed from it. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const t = useT();
  const locale = useLocale();
  if (entries.length === 0)
    return <p className="mt-6 text-sm text-slate-500">{t("adminTools.audit.none")}</p>;
  const head = "px-3 py-2 text-left font-medium text-slate-700";
  const cell = "px-3 py-2 align-top";
  return (
    <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{t("adminTools.audit.tableLabel")}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={head}>
              {t("adminTools.audit.col.when")}
            </th>
            <th scope="col" className={head}>
              {t("adminTools.audit.col.who")}
            </th>
            <th scope="col" className={head}>
              {t("adminTools.audit.col.what")}
            </th>
            <th scope="col" className={head}>
              {t("adminTools.audit.col.subject")}
            </th>
            <th scope="col" className={head}>
              {t("adminTools.audit.col.where")}
            </th>
            <th scope="col" className={head}>
              {t("adminTools.audit.col.reason")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((entry) => (
            <tr key={entry.id} data-audit-id={entry.id}>
              <td className={`${cell} whitespace-nowrap text-slate-600`}>
                <time dateTime={entry.createdAt}>{formatMoment(locale, new Date(entry.createdAt))}</time>
              </td>
              <td className={cell}>
                <span className="text-slate-900">{entry.actorName ?? t("adminTools.audit.system")}</span>
                {entry.actorEmail && (
                  <span className="block break-all text-xs text-slate-500">{entry.actorEmail}</span>
                )}
              </td>
              <td className={`${cell} font-mono text-xs text-slate-800`}>{entry.action}</td>
              <td className={`${cell} text-slate-900`}>{entry.subjectName ?? "—"}</td>
              <td className={cell}>
                {entry.alliance && (
                  <Link to={`/alliances/${entry.alliance.slug}`} className="block text-teal-800 underline">
                    {pick(locale, entry.alliance.nameZh, entry.alliance.nameEn)}
                  </Link>
                )}
                {entry.org && (
                  <Link to={`/orgs/${entry.org.id}`} className="block text-teal-800 underline">
                    {pick(locale, entry.org.nameZh, entry.org.nameEn)}
                  </Link>
                )}
                {!entry.alliance && !entry.org && <span className="text-slate-500">—</span>}
              </td>
              <td className={`${cell} max-w-xs break-words text-slate-700`}>{entry.reason || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
