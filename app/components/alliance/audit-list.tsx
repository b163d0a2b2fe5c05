import type { MessageKey } from "~/i18n/dictionary";
import { useLocale, useT } from "~/i18n/use-t";
import type { AuditEntry } from "~/models/audit.server";

const known = new Set([
  "membership.requested",
  "membership.cancelled",
  "membership.joined",
  "membership.approved",
  "membership.rejected",
  "membership.left",
  "membership.removed",
  "membership.role_changed",
  "membership.invited",
  "membership.invitation_accepted",
  "alliance.created",
  "alliance.edited",
  "alliance.archived",
  "alliance.restored",
  "problem.hidden",
  "problem.restored",
  "problem.reply.hidden",
  "problem.reply.restored",
  "report.dismissed",
]);

/** Channel actions are worded in the channel admin's messages. */
const channelActions = new Set([
  "channel.created",
  "channel.updated",
  "channel.archived",
  "channel.unarchived",
  "channel.member_invited",
  "channel.member_removed",
  "channel.message_hidden",
  "channel.message_restored",
  "channel.report_dismissed",
  "channel.message.deleted",
]);

/** Resource moderation is worded in the resources' messages. */
const resourceActions = new Set(["resource.hidden", "resource.restored", "resource.report_dismissed"]);

function messageKeyOf(action: string): MessageKey {
  if (known.has(action)) return `membership.audit.${action}` as MessageKey;
  if (channelActions.has(action)) return `channelAdmin.audit.${action}` as MessageKey;
  if (resourceActions.has(action)) return `resource.audit.${action}` as MessageKey;
  return "membership.audit.other";
}

const roles = new Set(["chair", "organizer", "member"]);

/** The log in the reader's language: who did what to whom, when, and why when a reason was given. */
export function AuditList({ entries }: { entries: AuditEntry[] }) {
  const t = useT();
  const locale = useLocale();
  const format = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Shanghai",
  });
  if (entries.length === 0)
    return <p className="mt-4 text-sm text-slate-500">{t("membership.audit.none")}</p>;
  const role = (value: unknown) =>
    typeof value === "string" && roles.has(value) ? t(`membership.role.${value as "member"}`) : "—";
  return (
    <ol className="mt-4 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
      {entries.map((entry) => {
        const key = messageKeyOf(entry.action);
        const email = typeof entry.data.email === "string" ? entry.data.email : null;
        return (
          <li key={entry.id} className="px-4 py-3 text-sm">
            <p className="text-slate-900">
              {t(key, {
                actor: entry.actorName ?? t("membership.audit.someone"),
                subject: entry.subjectName ?? t("membership.audit.someone"),
                from: role(entry.data.from),
                to: role(entry.data.to),
                target: email ?? t("membership.invitations.anyone"),
                action: entry.action,
                problem: typeof entry.data.problem === "string" ? entry.data.problem : "—",
                channel: typeof entry.data.channel === "string" ? entry.data.channel : "—",
                resource: typeof entry.data.resource === "string" ? entry.data.resource : "—",
              })}
            </p>
            {entry.reason && (
              <p className="mt-0.5 text-slate-600">
                {t("membership.audit.reason", { reason: entry.reason })}
              </p>
            )}
            <p className="mt-0.5 text-xs text-slate-500">
              <time dateTime={entry.createdAt}>{format.format(new Date(entry.createdAt))}</time>
            </p>
          </li>
        );
      })}
    </ol>
  );
}
