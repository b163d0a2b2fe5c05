import { Link } from "@remix-run/react";
import { formatDay } from "~/components/org/format";
import { resourceTagHref, TagLinks } from "~/components/page/tag-links";
import { Highlighted } from "~/components/problem/highlighted";
import { KindBadge } from "~/components/resource/resource-badges";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { CatalogueResource } from "~/models/resource-catalogue.server";

/** Loader data arrives serialized: dates as strings. */
export type ListedResource = Omit<CatalogueResource, "createdAt"> & { createdAt: Date | string };

/** The marks beside a title: members-only, and possibly out of date (past expiry, unconfirmed). */
function StateBadges({ resource }: { resource: ListedResource }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      {resource.visibility === "alliance" && (
        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-slate-200">
          {t("resourceCatalogue.membersOnly")}
        </span>
      )}
      {resource.expired && (
        <span
          data-expired
          title={t("resourceCatalogue.expiredTitle", {
            date: formatDay(locale, new Date(`${resource.expiresOn}T00:00:00+08:00`)),
          })}
          className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-200"
        >
          {`⚠ ${t("resourceCatalogue.expired")}`}
        </span>
      )}
    </>
  );
}

/**
 * One row per resource: kind, title (search hits marked), state marks, a snippet of the description,
 * provider, chain links and date, terms and modes, tags — and, for organizers, the inquiry count.
 */
export function ResourceList({
  resources,
  compact = false,
}: {
  resources: ListedResource[];
  compact?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const separator = locale === "en" ? ", " : "、";
  return (
    <ul
      className="mt-4 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white"
      data-testid="resource-list"
    >
      {resources.map((resource) => (
        <li key={resource.id} className="px-4 py-4" data-resource={resource.id}>
          <div className="flex flex-wrap items-center gap-2">
            <KindBadge kind={resource.kind} compact />
            <Link
              to={`/resources/${resource.id}`}
              className="font-semibold text-slate-900 hover:text-teal-800 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600"
            >
              <Highlighted segments={resource.titleHits} />
            </Link>
            <StateBadges resource={resource} />
          </div>
          {!compact && resource.snippet.length > 0 && (
            <p className="mt-1 text-sm text-slate-700" data-testid="resource-snippet">
              <Highlighted segments={resource.snippet} />
            </p>
          )}
          <p className="mt-1 text-sm text-slate-600">
            <Link to={`/orgs/${resource.org.id}`} className="font-medium text-slate-700 hover:underline">
              {pick(locale, resource.org.nameZh, resource.org.nameEn)}
            </Link>
            {` · ${t(`org.kind.${resource.org.kind}`)}`}
            {resource.nodes.length > 0 &&
              ` · ${resource.nodes.map((n) => pick(locale, n.nameZh, n.nameEn)).join(separator)}`}
            {` · ${formatDay(locale, new Date(resource.createdAt))}`}
          </p>
          <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
            <span className="font-semibold text-slate-800" data-terms={resource.terms}>
              {t(`resource.terms.${resource.terms}`)}
            </span>
            {resource.modes.length > 0 && (
              <span>{resource.modes.map((mode) => t(`resource.mode.${mode}`)).join(separator)}</span>
            )}
            {resource.inquiryCount !== undefined && (
              <span data-inquiry-count={resource.inquiryCount} className="text-slate-700">
                {t("resourceCatalogue.inquiries", { count: resource.inquiryCount })}
              </span>
            )}
          </p>
          {!compact && resource.tags.length > 0 && <TagLinks tags={resource.tags} href={resourceTagHref} />}
        </li>
      ))}
    </ul>
  );
}
