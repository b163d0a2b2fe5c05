import { NavLink } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { focusRing, navItems } from "./nav-items";

/** The areas as a row (desktop) or a column (mobile menu); NavLink marks the current one with aria-current. */
export function MainNav({ vertical = false }: { vertical?: boolean }) {
  const t = useT();
  return (
    <nav aria-label={t("nav.main")}>
      <ul className={vertical ? "flex flex-col gap-1" : "flex items-center gap-1"}>
        {navItems.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              className={({ isActive }) =>
                `block rounded-md px-3 py-2 text-sm font-medium ${focusRing} ${
                  isActive
                    ? "bg-teal-50 text-teal-800"
                    : "text-slate-700 hover:bg-slate-100 hover:text-slate-900"
                }`
              }
            >
              {t(item.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
