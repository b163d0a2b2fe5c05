import { Form, Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { focusRing, type ShellUser } from "./nav-items";
import { useDisclosure } from "./use-disclosure";

const itemClass = `block w-full rounded px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100 hover:text-slate-900 ${focusRing}`;

/** Desktop account controls: a dropdown when signed in, log-in and sign-up links otherwise. */
export function UserMenu({ user }: { user: ShellUser | null }) {
  const t = useT();
  const { ref, onKeyDown } = useDisclosure();
  if (!user) {
    return (
      <div className="flex items-center gap-2">
        <Link
          to="/login"
          className={`rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 ${focusRing}`}
        >
          {t("nav.login")}
        </Link>
        <Link
          to="/signup"
          className={`rounded-md bg-teal-700 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-teal-800 ${focusRing}`}
        >
          {t("nav.signup")}
        </Link>
      </div>
    );
  }
  return (
    <details ref={ref} onKeyDown={onKeyDown} className="group relative">
      <summary
        className={`flex cursor-pointer list-none items-center gap-2 rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 [&::-webkit-details-marker]:hidden ${focusRing}`}
      >
        <span
          aria-hidden="true"
          className="grid size-7 place-items-center rounded-full bg-teal-100 text-xs font-bold text-teal-800"
        >
          {Array.from(user.displayName)[0]}
        </span>
        <span className="sr-only">{t("nav.account")}: </span>
        <span className="max-w-40 truncate">{user.displayName}</span>
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          fill="currentColor"
          className="size-4 transition group-open:rotate-180"
        >
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
        </svg>
      </summary>
      <div className="absolute right-0 z-30 mt-2 w-56 rounded-lg border border-slate-200 bg-white p-1.5 shadow-lg">
        <AccountLinks user={user} itemClass={itemClass} />
      </div>
    </details>
  );
}

/** My inquiries, settings and log-out, shared by the desktop dropdown and the mobile menu. */
export function AccountLinks({ user, itemClass }: { user: ShellUser; itemClass: string }) {
  const t = useT();
  return (
    <>
      <p className="truncate px-3 pb-2 pt-1 text-xs text-slate-500">
        {t("nav.signedInAs", { name: user.displayName })}
        {user.isAdmin && <span className="ml-1 font-semibold text-teal-700">· {t("nav.admin")}</span>}
      </p>
      {user.isAdmin && (
        <Link to="/admin" className={itemClass}>
          {t("admin.title")}
        </Link>
      )}
      <Link to="/inquiries" className={itemClass}>
        {t("inquiry.list.title")}
      </Link>
      <Link to="/settings" className={itemClass}>
        {t("nav.settings")}
      </Link>
      <Form method="post" action="/logout">
        <button type="submit" className={itemClass}>
          {t("nav.logout")}
        </button>
      </Form>
    </>
  );
}
