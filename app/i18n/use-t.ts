import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import type { loader as rootLoader } from "~/root";
import { defaultLocale, type Locale } from "./locales";
import { translator, type Translate } from "./translate";

/** The page's language, as the root loader detected it (zh-CN while it is unknown, e.g. the root loader failed). */
export function useLocale(): Locale {
  return useRouteLoaderData<typeof rootLoader>("root")?.locale ?? defaultLocale;
}

/** `t(key, params?)` in the page's language. */
export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => translator(locale), [locale]);
}
