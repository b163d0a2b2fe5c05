import { Link, useParams } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { memberDirectorySearch, type MemberDirectoryQuery } from "~/validation/directory";

const linkClass =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50";

/** Previous and next page, keeping the search and filters in the URL. */
export function MemberPagination({
  query,
  page,
  pageCount,
}: {
  query: MemberDirectoryQuery;
  page: number;
  pageCount: number;
}) {
  const t = useT();
  const base = `/alliances/${useParams().slug}/members`;
  if (pageCount <= 1 && page <= 1) return null;
  return (
    <nav
      aria-label={t("membership.members.pagination")}
      className="mt-6 flex items-center justify-between text-sm"
    >
      {page > 1 ? (
        <Link
          to={`${base}${memberDirectorySearch(query, Math.min(page - 1, pageCount))}`}
          rel="prev"
          className={linkClass}
        >
          {t("membership.members.prev")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-600">{t("membership.members.page", { page, pages: pageCount })}</span>
      {page < pageCount ? (
        <Link to={`${base}${memberDirectorySearch(query, page + 1)}`} rel="next" className={linkClass}>
          {t("membership.members.next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
