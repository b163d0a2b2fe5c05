import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { localeCookie } from "~/i18n/cookie.server";
import { isLocale } from "~/i18n/locales";
import { setPreferredLocale } from "~/models/preferences.server";
import { invariantResponse } from "~/utils/invariant";
import { safeRedirectPath } from "~/utils/safe-redirect";
import { getOptionalUser } from "~/utils/session.server";

/** The language switcher posts here; a stray GET (a bookmark, a reload) just goes home. */
export function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData().catch(() => null);
  const locale = form?.get("locale");
  invariantResponse(isLocale(locale), 400);
  const { user } = await getOptionalUser({ request, context });
  if (user) await setPreferredLocale(context.services.db, user.id, locale);
  const headers = { "Set-Cookie": localeCookie(locale, { secure: context.services.config.secureCookies }) };
  return redirect(safeRedirectPath(form?.get("redirectTo")), { status: 303, headers });
}

// A component makes this a document route, so a refused switch renders the error page (in the visitor's
// language) instead of a bare status; a successful one always redirects before anything renders.
export default function Lang() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
