import type { MessageKey } from "~/i18n/dictionary";
import { useLocale, useT } from "~/i18n/use-t";
import type { AuditEntry } from "~/models/audit.server";
import { formatMoment } from "./format";

const actions: Record<string, MessageKey> = {
  "org.created": "org.audit.org.created",
  "org.updated": "org.audit.org.updated",
  "org.verified": "org.audit.org.verified",
  "org.unverified": "org.audit.org.unverified",
  "org.representative.role": "org.audit.org.representative.role",
  "org.representative.removed": "org.audit.org.representative.removed",
  "org.representative.left": "org.audit.org.representative.left",
  "org.invitation.created": "org.audit.org.invitation.created",
  "org.invitation.revoked": "org.audit.org.invitation.revoked",
};

/** The organization's recent changes, newest first, for its admins. */
export function AuditList({ entries }: { entries: AuditEntry[] }) {
  const t = useT();
  const locale = useLocale();
  const someone = t("org.audit.someone");
  return (
    <section aria-labelledby="org-audit" className="mt-8">
      <h2 id="org-audit" className="text-lg font-semibold text-slate-900">
        {t("org.audit.title")}
      </h2>
      {entries.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{t("org.audit.none")}</p>
      ) : (
        <ol className="mt-3 space-y-1 text-sm">
          {entries.map((entry) => {
            const key = actions[entry.action];
            const to = entry.data.to === "admin" || entry.data.to === "representative" ? entry.data.to : null;
            return (
              <li key={entry.id} className="flex flex-wrap gap-x-3 text-slate-700">
                <time dateTime={entry.createdAt} className="text-slate-500">
                  {formatMoment(locale, new Date(entry.createdAt))}
                </time>
                <span>
                  {key
                    ? t(key, {
                        actor: entry.actorName ?? someone,
                        subject: entry.subjectName ?? someone,
                        role: to ? t(`org.role.${to}`) : "",
                      })
                    : entry.action}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
