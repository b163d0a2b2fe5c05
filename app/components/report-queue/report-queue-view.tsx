import { Link, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormErrors } from "~/components/form/form-errors";
import { StatusMessage } from "~/components/form/status-message";
import type { MessageKey } from "~/i18n/dictionary";
import { useT } from "~/i18n/use-t";
import type { QueueReply } from "~/models/report-queue-action.server";
import type { ReportQueue } from "~/models/report-queue.server";
import type { QueueFilters } from "~/validation/report-queue";
import { QueueTabs, useQueueHref } from "./queue-tabs";
import { SubjectCard } from "./subject-card";

const confirmations: Record<string, MessageKey> = {
  hidden: "reportQueue.done.hidden",
  restored: "reportQueue.done.restored",
  dismissed: "reportQueue.done.dismissed",
  already: "reportQueue.done.already",
};

/**
 * The review queue, for an alliance's organizers and for platform admins alike: filter tabs (and the
 * page's own filters, `filtersExtra`), what was just done, one card per reported subject, and paging.
 */
export function ReportQueueView({
  queue,
  filters,
  lead,
  reply,
  filtersExtra,
}: {
  queue: ReportQueue;
  filters: QueueFilters;
  lead: string;
  reply?: QueueReply;
  filtersExtra?: ReactNode;
}) {
  const t = useT();
  const [params] = useSearchParams();
  const href = useQueueHref();
  const done = confirmations[params.get("done") ?? ""];
  return (
    <section aria-labelledby="report-queue-title" className="space-y-6">
      <div>
        <h2 id="report-queue-title" className="text-lg font-semibold text-slate-900">
          {t("reportQueue.title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{lead}</p>
      </div>
      {done && <StatusMessage>{t(done)}</StatusMessage>}
      {reply && !queue.items.some((item) => `${item.type}:${item.id}` === reply.subject) && (
        <FormErrors errors={Object.values(reply.result.error ?? {}).flatMap((errors) => errors ?? [])} />
      )}
      {filtersExtra}
      <QueueTabs filters={filters} openCounts={queue.openCounts} />
      {queue.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-600">
          {t(filters.status === "open" ? "reportQueue.empty.open" : "reportQueue.empty.decided")}
        </p>
      ) : (
        <ul className="space-y-4">
          {queue.items.map((item) => (
            <li key={`${item.type}:${item.id}`}>
              <SubjectCard item={item} reply={reply} />
            </li>
          ))}
        </ul>
      )}
      <nav aria-label={t("reportQueue.page.label")} className="flex gap-4 text-sm font-medium text-teal-800">
        {filters.before !== undefined && (
          <Link to={href({})} className="underline">
            {t("reportQueue.page.newest")}
          </Link>
        )}
        {queue.nextBefore !== null && (
          <Link to={href({ before: String(queue.nextBefore) })} className="underline" rel="next">
            {t("reportQueue.page.older")}
          </Link>
        )}
      </nav>
    </section>
  );
}
