import { NavLink } from "@remix-run/react";
import type { MessageKey } from "~/i18n/dictionary";
import { useT } from "~/i18n/use-t";

type Rights = {
  members: boolean;
  channels: boolean;
  decide: boolean;
  invite: boolean;
  audit: boolean;
  insights: boolean;
  reports: boolean;
  edit: boolean;
};

/**
 * The alliance's sections. Only areas that exist are listed (problems, events and the rest join as
 * they are built), and each viewer sees only the tabs the policy gives them.
 */
export function AllianceTabs({ rights, pendingCount }: { rights: Rights; pendingCount: number }) {
  const t = useT();
  const tabs: { to: string; label: MessageKey; show: boolean; badge?: number }[] = [
    { to: ".", label: "membership.tab.overview", show: true },
    { to: "problems", label: "problem.tab", show: true },
    { to: "resources", label: "resourceCatalogue.tab", show: true },
    { to: "events", label: "event.tab", show: true },
    { to: "channels", label: "channel.nav", show: rights.channels },
    { to: "members", label: "membership.tab.members", show: rights.members },
    { to: "requests", label: "membership.tab.requests", show: rights.decide, badge: pendingCount },
    { to: "invitations", label: "membership.tab.invitations", show: rights.invite },
    { to: "insights", label: "admin.tab.insights", show: rights.insights },
    { to: "reports", label: "admin.tab.reports", show: rights.reports },
    { to: "audit", label: "membership.tab.audit", show: rights.audit },
    { to: "settings", label: "membership.tab.settings", show: rights.edit },
  ];
  return (
    <nav aria-label={t("membership.tab.label")} className="mt-8 border-b border-slate-200">
      <ul className="-mb-px flex flex-wrap gap-x-6">
        {tabs
          .filter((tab) => tab.show)
          .map((tab) => (
            <li key={tab.to}>
              <NavLink
                to={tab.to}
                end={tab.to === "."}
                prefetch="intent"
                preventScrollReset
                className={({ isActive }) =>
                  `inline-flex items-center gap-2 border-b-2 px-1 py-3 text-sm font-medium ${
                    isActive
                      ? "border-teal-700 text-teal-800"
                      : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
                  }`
                }
              >
                {t(tab.label)}
                {tab.badge ? (
                  <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
                    <span className="sr-only">{t("membership.tab.pending")}: </span>
                    {tab.badge}
                  </span>
                ) : null}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}
