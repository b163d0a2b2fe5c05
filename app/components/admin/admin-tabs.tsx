import { NavLink } from "@remix-run/react";
import type { MessageKey } from "~/i18n/dictionary";
import { useT } from "~/i18n/use-t";

const tabs: { to: string; label: MessageKey }[] = [
  { to: "/admin", label: "admin.tab.insights" },
  { to: "/admin/reports", label: "admin.tab.reports" },
  { to: "/admin/users", label: "admin.tab.users" },
  { to: "/admin/organizations", label: "admin.tab.organizations" },
  { to: "/admin/alliances", label: "admin.tab.alliances" },
  { to: "/admin/audit", label: "admin.tab.audit" },
];

/** The operators' sections; every one needs the platform admin role, so all are shown together. */
export function AdminTabs() {
  const t = useT();
  return (
    <nav aria-label={t("admin.tab.label")} className="mt-6 border-b border-slate-200 print:hidden">
      <ul className="-mb-px flex flex-wrap gap-x-6">
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink
              to={tab.to}
              end={tab.to === "/admin"}
              prefetch="intent"
              className={({ isActive }) =>
                `inline-flex border-b-2 px-1 py-3 text-sm font-medium ${
                  isActive
                    ? "border-teal-700 text-teal-800"
                    : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
                }`
              }
            >
              {t(tab.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
