import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/dictionary";

const linkClass =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50";

/**
 * Keyset paging: the next page after this one's last row, and the way back to the first. There is no
 * "previous": a cursor only goes forward, and the browser's back button already does.
 */
export function ListPager({
  label,
  firstHref,
  nextHref,
  firstLabel,
  nextLabel,
}: {
  label: string;
  /** null on the first page. */
  firstHref: string | null;
  nextHref: string | null;
  firstLabel: MessageKey;
  nextLabel: MessageKey;
}) {
  const t = useT();
  if (!firstHref && !nextHref) return null;
  return (
    <nav aria-label={label} className="mt-6 flex items-center justify-between text-sm">
      {firstHref ? (
        <Link to={firstHref} className={linkClass}>
          {t(firstLabel)}
        </Link>
      ) : (
        <span />
      )}
      {nextHref && (
        <Link to={nextHref} rel="next" className={linkClass}>
          {t(nextLabel)}
        </Link>
      )}
    </nav>
  );
}

/** `params` as a query string ("?a=1"), leaving out the empty ones; "" when none is left. */
export function searchOf(params: Record<string, string | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) search.set(name, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}
