import { Link } from "@remix-run/react";
import { formatDay } from "~/components/org/format";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { DirectoryMember } from "~/models/member-directory.server";
import { MemberControls } from "./member-controls";

const badgeClass = {
  chair: "bg-amber-100 text-amber-900",
  organizer: "bg-teal-50 text-teal-800",
  member: "bg-slate-100 text-slate-700",
};

/** Whether the viewer may change anything about this member. */
export const manageable = (member: DirectoryMember) =>
  member.controls.remove || member.controls.roles.length > 0;

/** One member: who they are, their organizations, since when, and the viewer's controls over them. */
export function MemberRow({
  member,
  isViewer,
  onDone,
}: {
  member: DirectoryMember;
  isViewer: boolean;
  onDone: (message: string) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const nameId = `member-${member.userId}-name`;
  return (
    <li aria-labelledby={nameId} data-member={member.userId} className="px-4 py-4 text-sm">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-1">
          <p className="flex flex-wrap items-center gap-2">
            <span id={nameId} className="font-medium text-slate-900">
              {member.displayName}
            </span>
            {isViewer && <span className="text-xs text-slate-500">({t("membership.members.you")})</span>}
            <span
              data-testid="role-badge"
              className={`rounded px-1.5 py-0.5 text-xs font-semibold ${badgeClass[member.role]}`}
            >
              {t(`membership.role.${member.role}`)}
            </span>
            {!member.listed && (
              <span
                title={t("membership.members.unlistedHint")}
                className="rounded border border-dashed border-slate-400 px-1.5 py-0.5 text-xs text-slate-600"
              >
                {t("membership.members.unlisted")}
                <span className="sr-only">: {t("membership.members.unlistedHint")}</span>
              </span>
            )}
          </p>
          <p className="text-slate-700">
            {member.organizations.length === 0 ? (
              <span className="text-slate-500">{t("membership.members.noOrganization")}</span>
            ) : (
              member.organizations.map((org, i) => (
                <span key={org.id}>
                  {i > 0 && "、"}
                  <Link to={`/orgs/${org.id}`} className="text-teal-700 underline hover:text-teal-900">
                    {pick(locale, org.nameZh, org.nameEn)}
                  </Link>
                  <span className="text-slate-500"> ({t(`org.kind.${org.kind}`)})</span>
                </span>
              ))
            )}
          </p>
          <p className="text-slate-500">
            {t("membership.members.since", { date: formatDay(locale, new Date(member.since)) })}
            {member.email && (
              <>
                {" · "}
                <span className="sr-only">{t("membership.members.email")}: </span>
                <a href={`mailto:${member.email}`} className="text-teal-700 underline hover:text-teal-900">
                  {member.email}
                </a>
              </>
            )}
          </p>
        </div>
        {manageable(member) && <MemberControls member={member} onDone={onDone} />}
      </div>
    </li>
  );
}
