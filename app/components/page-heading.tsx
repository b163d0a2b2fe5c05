import { other, pick } from "~/i18n/pick";
import { useLocale } from "~/i18n/use-t";

/** A record's name as the page title in the reader's language, with its name in the other language beneath. */
export function BilingualHeading({ nameZh, nameEn }: { nameZh: string; nameEn: string }) {
  const locale = useLocale();
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{pick(locale, nameZh, nameEn)}</h1>
      <p lang={locale === "en" ? "zh-CN" : "en"} className="mt-1 text-sm text-slate-500">
        {other(locale, nameZh, nameEn)}
      </p>
    </>
  );
}
