import { useMemo } from "react";
import { useLocale, useT } from "~/i18n/use-t";

/** Counts, medians (one decimal) and rates in the reader's language: "1,234", "5.5", "77.5%". */
export function useFigureFormat() {
  const locale = useLocale();
  return useMemo(
    () => ({
      count: new Intl.NumberFormat(locale),
      decimal: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
      percent: new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }),
    }),
    [locale],
  );
}

/** A figure, or a dash when there was nothing to compute it from (never shown as zero). */
export function FigureValue({ value, format }: { value: number | null; format: Intl.NumberFormat }) {
  const t = useT();
  if (value === null)
    return (
      <>
        <span aria-hidden="true">—</span>
        <span className="sr-only">{t("insights.none.sr")}</span>
      </>
    );
  return <>{format.format(value)}</>;
}
