import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { focusRing, navItems } from "./nav-items";

export function SiteFooter() {
  const t = useT();
  return (
    <footer className="mt-16 border-t border-slate-200 bg-white print:hidden">
      <div className="mx-auto grid max-w-7xl gap-8 px-4 py-10 sm:px-6 md:grid-cols-3 lg:px-8">
        <div className="md:col-span-2">
          <p className="text-base font-bold text-slate-900">{t("common.appName")}</p>
          <p className="mt-2 max-w-prose text-sm leading-6 text-slate-600">{t("nav.footer.about")}</p>
          <p className="mt-4 text-xs text-slate-500">{t("nav.footer.plan")}</p>
        </div>
        <nav aria-label={t("nav.footer.areas")}>
          <p className="text-sm font-semibold text-slate-900">{t("nav.footer.areas")}</p>
          <ul className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
            {navItems.map((item) => (
              <li key={item.to}>
                <Link to={item.to} className={`rounded text-slate-600 hover:text-teal-800 ${focusRing}`}>
                  {t(item.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
