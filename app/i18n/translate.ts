import { dictionaries, type MessageKey } from "./dictionary";
import { defaultLocale, type Locale } from "./locales";

export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

/** Looks a key up in the locale's dictionary (zh-CN as fallback) and fills `{name}` placeholders. */
export function translate(locale: Locale, key: MessageKey, params?: TranslateParams): string {
  const text = dictionaries[locale][key] ?? dictionaries[defaultLocale][key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}
