import { Form, useLocation } from "@remix-run/react";
import { locales } from "~/i18n/locales";
import { useLocale, useT } from "~/i18n/use-t";
import { focusRing } from "./nav-items";

/** A plain POST form, so switching works before (or without) JavaScript; /lang sends the visitor back here. */
export function LanguageSwitcher({ className = "" }: { className?: string }) {
  const t = useT();
  const locale = useLocale();
  const { pathname, search } = useLocation();
  const target = locales.find((candidate) => candidate !== locale) ?? locale;
  return (
    <Form method="post" action="/lang" className={className}>
      <input type="hidden" name="redirectTo" value={pathname + search} />
      <button
        type="submit"
        name="locale"
        value={target}
        className={`inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900 ${focusRing}`}
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
          className="size-4"
        >
          <circle cx="10" cy="10" r="7.5" />
          <path d="M2.5 10h15M10 2.5c2 2.2 3 4.7 3 7.5s-1 5.3-3 7.5c-2-2.2-3-4.7-3-7.5s1-5.3 3-7.5Z" />
        </svg>
        <span className="sr-only">{t("common.language.switch")}: </span>
        <span lang={target}>{t(target === "en" ? "common.language.en" : "common.language.zh-CN")}</span>
      </button>
    </Form>
  );
}
