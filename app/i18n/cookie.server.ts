import { localeCookieName, type Locale } from "./locales";

const ONE_YEAR = 365 * 24 * 60 * 60;

/** The Set-Cookie value remembering an explicit language choice (read back by detectLocale). */
export function localeCookie(locale: Locale, { secure }: { secure: boolean }): string {
  return `${localeCookieName}=${locale}; Path=/; Max-Age=${ONE_YEAR}; SameSite=Lax; HttpOnly${secure ? "; Secure" : ""}`;
}
