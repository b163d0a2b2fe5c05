import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { formatDay, formatMoment } from "~/components/org/format";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { AdminUserRow } from "~/models/admin-users.server";
import { ReinstateForm, SuspendForm, type SuspensionReply } from "./suspension-forms";

const badge = "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium";

/** The accounts of one page, each with what an operator needs before suspending it, and the controls. */
export function UserList({
  users,
  viewerId,
  reply,
}: {
  users: AdminUserRow[];
  viewerId: string;
  reply: SuspensionReply | undefined;
}) {
  const t = useT();
  if (users.length === 0) return <p className="mt-6 text-sm text-slate-500">{t("adminTools.users.none")}</p>;
  return (
    <ul
      aria-label={t("adminTools.users.listLabel")}
      className="mt-6 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
    >
      {users.map((user) => (
        <UserRow key={user.id} user={user} self={user.id === viewerId} reply={reply} />
      ))}
    </ul>
  );
}

function UserRow({
  user,
  self,
  reply,
}: {
  user: AdminUserRow;
  self: boolean;
  reply: SuspensionReply | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  const dash = t("adminTools.users.noneShort");
  const done = reply?.userId === user.id ? reply.done : undefined;
  return (
    <li
      data-user-id={user.id}
      className="grid gap-4 px-4 py-4 text-sm lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1.3fr)]"
    >
      <div className="min-w-0 space-y-1">
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-semibold text-slate-900">{user.displayName}</span>
          {user.isAdmin && (
            <span className={`${badge} bg-teal-50 text-teal-800`}>{t("adminTools.users.admin")}</span>
          )}
          {self && (
            <span className={`${badge} bg-slate-100 text-slate-700`}>{t("adminTools.users.you")}</span>
          )}
        </p>
        <p className="break-all text-slate-600">{user.email}</p>
        <Facts label={t("adminTools.users.organizations")}>
          {user.organizations.length === 0
            ? dash
            : user.organizations.map((org, i) => (
                <span key={org.id}>
                  {i > 0 && "、"}
                  <Link to={`/orgs/${org.id}`} className="text-teal-800 underline-offset-2 hover:underline">
                    {pick(locale, org.nameZh, org.nameEn)}
                  </Link>
                </span>
              ))}
        </Facts>
        <Facts label={t("adminTools.users.alliances")}>
          {user.alliances.length === 0
            ? dash
            : user.alliances.map((alliance, i) => (
                <span key={alliance.slug}>
                  {i > 0 && "、"}
                  <Link
                    to={`/alliances/${alliance.slug}`}
                    className="text-teal-800 underline-offset-2 hover:underline"
                  >
                    {t("adminTools.users.allianceRole", {
                      alliance: pick(locale, alliance.nameZh, alliance.nameEn),
                      role: t(`membership.role.${alliance.role}`),
                    })}
                  </Link>
                </span>
              ))}
        </Facts>
      </div>
      <div className="space-y-1 text-slate-600">
        <p>{t("adminTools.users.joined", { date: formatDay(locale, new Date(user.joinedAt)) })}</p>
        <p>{t("adminTools.users.sessions", { count: user.sessions })}</p>
      </div>
      <div className="space-y-2">
        {user.suspension ? (
          <div className="space-y-1">
            <span className={`${badge} bg-red-100 text-red-800`}>
              {t("adminTools.users.state.suspended")}
            </span>
            <p className="text-slate-600">
              {t("adminTools.users.suspendedAt", {
                date: formatMoment(locale, new Date(user.suspension.at)),
                name: user.suspension.byName ?? t("adminTools.users.someone"),
              })}
            </p>
            {user.suspension.reason && (
              <p className="break-words text-slate-700">
                {t("adminTools.users.suspendedReason", { reason: user.suspension.reason })}
              </p>
            )}
          </div>
        ) : (
          <span className={`${badge} bg-emerald-50 text-emerald-800`}>
            {t("adminTools.users.state.active")}
          </span>
        )}
        {done && (
          <p role="status" className="text-teal-800">
            {t(
              done.intent === "suspend"
                ? "adminTools.users.done.suspended"
                : "adminTools.users.done.reinstated",
              {
                name: done.name,
              },
            )}
          </p>
        )}
        {user.suspension ? (
          <ReinstateForm user={user} reply={reply} />
        ) : (
          !self && !user.isAdmin && <SuspendForm user={user} reply={reply} />
        )}
      </div>
    </li>
  );
}

function Facts({ label, children }: { label: string; children: ReactNode }) {
  const t = useT();
  return (
    <p className="text-slate-700">
      <span className="text-slate-500">{t("adminTools.users.fact", { label })}</span>
      {children}
    </p>
  );
}
