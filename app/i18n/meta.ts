import { defaultLocale, isLocale, type Locale } from "./locales";
import type { MessageKey } from "./dictionary";
import { translator, type Translate } from "./translate";

type Match = { id: string; data: unknown };

/** `meta` functions cannot use hooks: they read the language from the root match instead. */
export function metaLocale(matches: readonly Match[]): Locale {
  const root = matches.find((match) => match.id === "root")?.data as { locale?: unknown } | undefined;
  return isLocale(root?.locale) ? root.locale : defaultLocale;
}

export function metaTranslator(matches: readonly Match[]): Translate {
  return translator(metaLocale(matches));
}

/** The `<title>` of an ordinary page: its own name, then the app's. */
export function pageTitle(matches: readonly Match[], key: MessageKey) {
  const t = metaTranslator(matches);
  return [{ title: `${t(key)} · ${t("common.appName")}` }];
}
