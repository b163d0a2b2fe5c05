import { Link, useSearchParams } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import type { ReportQueue } from "~/models/report-queue.server";
import { queueSubjectTypes, type QueueFilters } from "~/validation/report-queue";

/** The list's address with some filters changed: a new filter starts again from the newest page. */
export function useQueueHref() {
  const [params] = useSearchParams();
  return (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const name of ["before", "done", ...Object.keys(changes)]) next.delete(name);
    for (const [name, value] of Object.entries(changes)) if (value !== null) next.set(name, value);
    const search = next.toString();
    return search ? `?${search}` : "?";
  };
}

const tabClass = (current: boolean) =>
  `inline-block rounded-full px-3 py-1 text-sm font-medium ring-1 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600 ${
    current
      ? "bg-teal-700 text-white ring-teal-700"
      : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"
  }`;

/** Open or decided, then the kind of content; each a link, the current one marked for screen readers too. */
export function QueueTabs({
  filters,
  openCounts,
}: {
  filters: QueueFilters;
  openCounts: ReportQueue["openCounts"];
}) {
  const t = useT();
  const href = useQueueHref();
  const openTotal = Object.values(openCounts).reduce((sum, n) => sum + n, 0);
  const statuses = [
    { status: "open", label: t("reportQueue.status.openCount", { count: openTotal }) },
    { status: "decided", label: t("reportQueue.status.decided") },
  ] as const;
  const kinds = [
    { kind: null, label: t("reportQueue.kind.all") },
    ...queueSubjectTypes.map((kind) => ({
      kind,
      label:
        filters.status === "open"
          ? t("reportQueue.kind.withCount", { kind: t(`reportQueue.kind.${kind}`), count: openCounts[kind] })
          : t(`reportQueue.kind.${kind}`),
    })),
  ];
  return (
    <div className="space-y-3">
      <nav aria-label={t("reportQueue.status.label")}>
        <ul className="flex flex-wrap gap-2">
          {statuses.map((tab) => (
            <li key={tab.status}>
              <Link
                to={href({ status: tab.status })}
                aria-current={filters.status === tab.status ? "page" : undefined}
                preventScrollReset
                className={tabClass(filters.status === tab.status)}
              >
                {tab.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label={t("reportQueue.kind.label")}>
        <ul className="flex flex-wrap gap-2">
          {kinds.map((tab) => {
            const current = (filters.kind ?? null) === tab.kind;
            return (
              <li key={tab.kind ?? "all"}>
                <Link
                  to={href({ kind: tab.kind })}
                  aria-current={current ? "page" : undefined}
                  preventScrollReset
                  className={tabClass(current)}
                >
                  {tab.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </div>
  );
}
