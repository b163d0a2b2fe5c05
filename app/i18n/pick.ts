import type { Locale } from "./locales";

/** Content stored in both languages (names, descriptions): the one for `locale`, and the other one. */
export function pick<T>(locale: Locale, zh: T, en: T): T {
  return locale === "en" ? en : zh;
}

export function other<T>(locale: Locale, zh: T, en: T): T {
  return locale === "en" ? zh : en;
}
