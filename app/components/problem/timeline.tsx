import { formatMoment } from "~/components/org/format";
import { useLocale, useT } from "~/i18n/use-t";
import type { ProblemEvent } from "~/models/problem-work.server";

/** The problem's history, oldest first: posted, accepted applications, status changes, edits, moderation. */
export function Timeline({ events }: { events: ProblemEvent[] }) {
  const t = useT();
  const locale = useLocale();
  const status = (value: ProblemEvent["toStatus"]) => (value ? t(`problem.status.${value}`) : "—");
  return (
    <section aria-labelledby="timeline" className="mt-10">
      <h2 id="timeline" className="text-lg font-semibold text-slate-900">
        {t("problemWork.timeline.title")}
      </h2>
      {events.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("problemWork.timeline.empty")}</p>
      ) : (
        <ol className="mt-3 space-y-3 border-l-2 border-slate-200 pl-4">
          {events.map((event) => {
            const actor = event.actorName ?? t("problemWork.timeline.someone");
            return (
              <li key={event.id} data-event={event.kind} className="text-sm">
                <time dateTime={event.createdAt} className="block text-xs text-slate-500">
                  {formatMoment(locale, new Date(event.createdAt))}
                </time>
                <p className="text-slate-800">
                  {t(`problemWork.timeline.${event.kind}`, {
                    actor,
                    applicant: event.applicantName ?? t("problemWork.timeline.someone"),
                    from: status(event.fromStatus),
                    to: status(event.toStatus),
                  })}
                </p>
                {event.note && (
                  <p className="mt-0.5 whitespace-pre-line text-slate-600">
                    {t("problemWork.timeline.note", { note: event.note })}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
