import { useLocation, useNavigation } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { useSessionEnded } from "~/realtime/use-session-ended";

/**
 * Tells a signed-in page at once that its session is over (signed out elsewhere, or the account was
 * suspended), with the way back in; mounted only while the page believes it is signed in. The tab that
 * is itself logging out hears the same notice and is leaving anyway, so it shows nothing.
 */
export function SessionEndedBanner() {
  const t = useT();
  const ended = useSessionEnded();
  const location = useLocation();
  const navigation = useNavigation();
  if (!ended || navigation.formAction === "/logout") return null;
  const login = `/login?${new URLSearchParams({ redirectTo: location.pathname + location.search })}`;
  return (
    <div
      role="alert"
      data-session-ended=""
      className="sticky top-16 z-10 border-b border-amber-300 bg-amber-50 print:hidden"
    >
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 text-sm sm:px-6 lg:px-8">
        <p className="font-semibold text-amber-900">{t("adminTools.session.ended.title")}</p>
        <p className="text-amber-900">{t("adminTools.session.ended.text")}</p>
        {/* A full page load: the page's live connection and data start afresh after logging in. */}
        <a href={login} className="font-semibold text-teal-800 underline hover:text-teal-900">
          {t("adminTools.session.ended.login")}
        </a>
      </div>
    </div>
  );
}
