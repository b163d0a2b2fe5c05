import { isLocale, defaultLocale } from "./locales";
import { translator, type Translate } from "./translate";

type Match = { id: string; data: unknown };

/** `meta` functions cannot use hooks: they read the language from the root match instead. */
export function metaTranslator(matches: readonly Match[]): Translate {
  const root = matches.find((match) => match.id === "root")?.data as { locale?: unknown } | undefined;
  return translator(isLocale(root?.locale) ? root.locale : defaultLocale);
}
