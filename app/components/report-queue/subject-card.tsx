import { Link } from "@remix-run/react";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { QueueReply } from "~/models/report-queue-action.server";
import type { QueueItem } from "~/models/report-queue.server";
import { DismissForm, HideOrRestoreForm } from "./decision-forms";

const reportStatusClass = {
  open: "bg-amber-100 text-amber-900",
  hidden: "bg-red-100 text-red-900",
  dismissed: "bg-slate-100 text-slate-700",
};

/** One reported subject: what and where it is, its reports, and the decisions the viewer may take. */
export function SubjectCard({ item, reply }: { item: QueueItem; reply?: QueueReply }) {
  const t = useT();
  const locale = useLocale();
  const format = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Shanghai",
  });
  const kind = t(`reportQueue.kind.${item.type}`);
  const titleId = `subject-${item.id}`;
  const places = [
    item.alliance
      ? t("reportQueue.card.inAlliance", { name: pick(locale, item.alliance.nameZh, item.alliance.nameEn) })
      : t("reportQueue.card.noAlliance"),
    item.problem && t("reportQueue.card.inProblem", { title: item.problem.title }),
    item.channel && t("reportQueue.card.inChannel", { name: item.channel.name }),
    item.organization &&
      t("reportQueue.card.byOrganization", {
        name: pick(locale, item.organization.nameZh, item.organization.nameEn),
      }),
  ].filter(Boolean);
  const blocked = !item.exists
    ? t("reportQueue.card.gone")
    : item.preview === null
      ? t("reportQueue.card.private")
      : !item.decide
        ? t("reportQueue.card.cannotDecide")
        : null;
  const subject = { type: item.type, id: item.id };
  return (
    <article
      aria-labelledby={titleId}
      data-subject={`${item.type}:${item.id}`}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
        <span className="rounded bg-slate-100 px-2 py-0.5 font-medium text-slate-800">{kind}</span>
        {places.map((place) => (
          <span key={place}>{place}</span>
        ))}
      </p>
      <h3 id={titleId} className="text-base font-semibold text-slate-900">
        {item.preview && item.href ? (
          <Link to={item.href} className="hover:underline">
            {item.preview}
          </Link>
        ) : (
          kind
        )}
      </h3>
      <p className="text-sm text-slate-600">
        {item.authorName ? t("reportQueue.card.author", { name: item.authorName }) : null}
        {item.authorName && item.openCount > 0 ? " · " : null}
        {item.openCount > 0 && (
          <span className="font-medium text-amber-800">
            {t("reportQueue.card.open", { count: item.openCount })}
          </span>
        )}
      </p>
      {item.hidden && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {item.hidden.byName
            ? t("reportQueue.card.hiddenBy", { name: item.hidden.byName, reason: item.hidden.reason })
            : t("reportQueue.card.hidden", { reason: item.hidden.reason })}
        </p>
      )}
      <ul className="space-y-2 border-t border-slate-100 pt-3 text-sm">
        {item.reports.map((report) => (
          <li key={report.id} className="flex flex-wrap items-baseline gap-x-2">
            <span className="text-slate-800">
              {t("reportQueue.report.line", { reporter: report.reporterName, reason: report.reason })}
            </span>
            <time dateTime={report.createdAt} className="text-xs text-slate-500">
              {format.format(new Date(report.createdAt))}
            </time>
            {report.status !== "open" && (
              <span className={`rounded px-1.5 py-0.5 text-xs ${reportStatusClass[report.status]}`}>
                {t(`reportQueue.report.status.${report.status}`)}
              </span>
            )}
          </li>
        ))}
      </ul>
      {item.reportCount > item.reports.length && (
        <p className="text-xs text-slate-500">
          {t("reportQueue.card.reportsShown", { count: item.reportCount - item.reports.length })}
        </p>
      )}
      {item.href && item.preview && (
        <p className="text-sm">
          <Link to={item.href} className="font-medium text-teal-800 underline">
            {t("reportQueue.card.view")}
          </Link>
        </p>
      )}
      {blocked ? (
        <p className="text-sm text-slate-600">{blocked}</p>
      ) : (
        <div className="flex flex-wrap items-end justify-between gap-3 border-t border-slate-100 pt-3">
          {item.deleted ? (
            <p className="flex-1 text-sm text-slate-600">{t("reportQueue.card.deleted")}</p>
          ) : (
            <HideOrRestoreForm subject={subject} hidden={item.hidden !== null} reply={reply} />
          )}
          {item.openCount > 0 && <DismissForm subject={subject} />}
        </div>
      )}
    </article>
  );
}
