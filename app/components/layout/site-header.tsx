import { Link } from "@remix-run/react";
import { NotificationBell, type BellState } from "~/components/notifications/notification-bell";
import { useT } from "~/i18n/use-t";
import { LanguageSwitcher } from "./language-switcher";
import { MainNav } from "./main-nav";
import { MobileMenu } from "./mobile-menu";
import { focusRing, type ShellUser } from "./nav-items";
import { UserMenu } from "./user-menu";

export function SiteHeader({
  user,
  notifications,
}: {
  user: ShellUser | null;
  notifications: BellState | null;
}) {
  const t = useT();
  return (
    <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/95 backdrop-blur supports-[backdrop-filter]:bg-white/80 print:hidden">
      <div className="relative mx-auto flex h-16 max-w-7xl items-center gap-4 px-4 sm:px-6 lg:px-8">
        <Link to="/" aria-label={t("nav.home")} className={`flex items-center gap-2 rounded-md ${focusRing}`}>
          <Logo />
          <span className="text-lg font-bold tracking-tight text-slate-900">{t("common.appName")}</span>
        </Link>
        <div className="hidden flex-1 md:block lg:ml-4">
          <MainNav />
        </div>
        <div className="ml-auto flex items-center gap-1 md:ml-0">
          <LanguageSwitcher />
          {user && notifications && <NotificationBell {...notifications} />}
          <div className="hidden md:block">
            <UserMenu user={user} />
          </div>
          <MobileMenu user={user} />
        </div>
      </div>
    </header>
  );
}

/** Seven linked nodes, zigzagging: the seven chains. */
const logoPoints = Array.from({ length: 7 }, (_, i) => [5 + (i * 22) / 6, i % 2 ? 12 : 20] as const);

function Logo() {
  return (
    <svg aria-hidden="true" viewBox="0 0 32 32" className="size-8">
      <rect width="32" height="32" rx="8" className="fill-teal-700" />
      <polyline
        points={logoPoints.map((p) => p.join(",")).join(" ")}
        fill="none"
        stroke="white"
        strokeWidth="1.5"
      />
      {logoPoints.map(([x, y]) => (
        <circle key={x} cx={x} cy={y} r="2" className="fill-white" />
      ))}
    </svg>
  );
}

export function SkipLink() {
  const t = useT();
  return (
    <a
      href="#main"
      className="fixed left-4 top-3 z-50 -translate-y-24 rounded-md bg-white px-4 py-2 text-sm font-semibold text-teal-800 shadow-lg ring-2 ring-teal-600 focus:translate-y-0 focus:outline-none"
    >
      {t("nav.skipToContent")}
    </a>
  );
}
