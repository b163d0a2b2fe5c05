import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import type { CareView } from "~/models/problem-care.server";
import { FollowButton } from "./follow-button";
import { HideForm } from "./moderation";
import { ReportForm } from "./report-form";

type Care = Omit<CareView, "reports"> & { reports: unknown };

/** Beside the title: follow, edit, the revision history when there is one, and reporting. */
export function CareBar({ problemId, care }: { problemId: string; care: Care }) {
  const t = useT();
  return (
    <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">
      {care.follow && <FollowButton problemId={problemId} following={care.following} own={care.own} />}
      {care.edit && (
        <Link
          to={`/problems/${problemId}/edit`}
          className="text-sm font-medium text-teal-700 underline hover:text-teal-900"
        >
          {t("problemCare.edit.link")}
        </Link>
      )}
      {care.versions > 1 && (
        <Link
          to={`/problems/${problemId}/revisions`}
          className="text-sm text-slate-500 underline hover:text-slate-800"
        >
          {t("problemCare.edited.link")}
        </Link>
      )}
      {care.report && !care.own && (
        <ReportForm
          problemId={problemId}
          subjectType="problem"
          subjectId={problemId}
          reported={care.reported.includes(problemId)}
        />
      )}
    </div>
  );
}

/** Above a hidden problem's body, for the only people who still see it: its poster and moderators. */
export function HiddenBanner({ reason }: { reason: string }) {
  const t = useT();
  return (
    <p
      role="status"
      className="mt-6 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-300"
    >
      {t("problemCare.hidden.problemBanner", { reason })}
    </p>
  );
}

/** Under each reply: report it (not one's own), and for moderators hide or restore it. */
export function ReplyCare({
  problemId,
  reply,
  care,
}: {
  problemId: string;
  reply: { id: string; own: boolean; hiddenReason: string | null };
  care: Care;
}) {
  const t = useT();
  const report = care.report && !reply.own && reply.hiddenReason === null;
  if (!report && !care.moderate) return null;
  return (
    <div className="mt-2 flex flex-wrap items-start gap-4">
      {report && (
        <ReportForm
          problemId={problemId}
          subjectType="problem_reply"
          subjectId={reply.id}
          reported={care.reported.includes(reply.id)}
        />
      )}
      {care.moderate && (
        <HideForm
          problemId={problemId}
          subjectType="problem_reply"
          subjectId={reply.id}
          hidden={reply.hiddenReason !== null}
          label={t(
            reply.hiddenReason !== null ? "problemCare.moderate.restore" : "problemCare.moderate.hide",
          )}
        />
      )}
    </div>
  );
}
