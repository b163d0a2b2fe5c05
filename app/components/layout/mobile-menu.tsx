import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { MainNav } from "./main-nav";
import { focusRing, type ShellUser } from "./nav-items";
import { useDisclosure } from "./use-disclosure";
import { AccountLinks } from "./user-menu";

const itemClass = `block w-full rounded-md px-3 py-2 text-left text-sm font-medium text-slate-700 hover:bg-slate-100 ${focusRing}`;

/** Small screens: the areas and the account links behind one <details> toggle, usable without JavaScript. */
export function MobileMenu({ user }: { user: ShellUser | null }) {
  const t = useT();
  const { ref, onKeyDown } = useDisclosure();
  return (
    <details ref={ref} onKeyDown={onKeyDown} className="group md:hidden">
      <summary
        className={`flex cursor-pointer list-none items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 [&::-webkit-details-marker]:hidden ${focusRing}`}
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.75"
          className="size-5"
        >
          <path className="group-open:hidden" d="M3 5.5h14M3 10h14M3 14.5h14" />
          <path className="hidden group-open:block" d="M5 5l10 10M15 5 5 15" />
        </svg>
        {t("nav.menu")}
      </summary>
      <div className="absolute inset-x-0 top-full z-30 border-b border-slate-200 bg-white px-4 pb-4 pt-2 shadow-lg">
        <MainNav vertical />
        <div className="mt-3 border-t border-slate-200 pt-3">
          {user ? (
            <AccountLinks user={user} itemClass={itemClass} />
          ) : (
            <div className="flex gap-2">
              <Link to="/login" className={`${itemClass} border border-slate-300 text-center`}>
                {t("nav.login")}
              </Link>
              <Link
                to="/signup"
                className={`${itemClass} bg-teal-700 text-center text-white hover:bg-teal-800`}
              >
                {t("nav.signup")}
              </Link>
            </div>
          )}
        </div>
      </div>
    </details>
  );
}
