import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { useFetcher } from "@remix-run/react";
import { FormErrors } from "~/components/form/form-errors";
import { SubmitButton } from "~/components/form/submit-button";
import { TextareaField } from "~/components/form/textarea-field";
import { useT } from "~/i18n/use-t";
import type { OpenReport } from "~/models/problem-care.server";
import type { ModerationReply } from "~/routes/problems.$id.moderation";
import { moderationSchema, REASON_MAX, type ReportSubject } from "~/validation/problem-care";

/** The organizers' reason for hiding or restoring, behind a disclosure. */
export function HideForm({
  problemId,
  subjectType,
  subjectId,
  hidden,
  label,
  place = "inline",
}: {
  problemId: string;
  subjectType: ReportSubject;
  subjectId: string;
  hidden: boolean;
  label: string;
  /** A reply's form shows both beside it and in the reports panel; each needs its own id. */
  place?: "inline" | "panel";
}) {
  const t = useT();
  const intent = hidden ? "restore" : "hide";
  const fetcher = useFetcher<ModerationReply>({ key: `moderate-${place}-${subjectId}` });
  const [form, fields] = useForm({
    id: `moderate-${place}-${subjectId}`,
    lastResult: fetcher.data?.result,
    constraint: getZodConstraint(moderationSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: moderationSchema }),
  });
  return (
    <details className="text-sm" open={fetcher.data !== undefined || undefined}>
      <summary className="cursor-pointer text-xs font-medium text-amber-800 underline hover:text-amber-950">
        {label}
      </summary>
      <fetcher.Form
        method="post"
        action={`/problems/${problemId}/moderation`}
        preventScrollReset
        {...getFormProps(form)}
        className="mt-2 space-y-3 rounded-lg border border-amber-200 bg-amber-50/50 p-3"
      >
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="subjectType" value={subjectType} />
        <input type="hidden" name="subjectId" value={subjectId} />
        <TextareaField
          label={t("problemCare.moderate.reason")}
          textareaProps={{ ...getTextareaProps(fields.reason), rows: 2, maxLength: REASON_MAX }}
          meta={fields.reason}
        />
        <SubmitButton variant={hidden ? "secondary" : "danger"} pending={fetcher.state !== "idle"}>
          {t(hidden ? "problemCare.moderate.restore" : "problemCare.moderate.hide")}
        </SubmitButton>
      </fetcher.Form>
    </details>
  );
}

function DismissButton({ problemId, reportId }: { problemId: string; reportId: number }) {
  const t = useT();
  const fetcher = useFetcher<ModerationReply>({ key: `dismiss-${reportId}` });
  return (
    <fetcher.Form method="post" action={`/problems/${problemId}/moderation`} preventScrollReset>
      <input type="hidden" name="reportId" value={reportId} />
      <SubmitButton name="intent" value="dismiss" variant="secondary" pending={fetcher.state !== "idle"}>
        {t("problemCare.moderate.dismiss")}
      </SubmitButton>
    </fetcher.Form>
  );
}

/**
 * For the problem's moderators, after its body: hide or restore the problem, and the open reports
 * about it and its replies, grouped by what they are about, to hide or dismiss.
 */
export function ModerationPanel({
  problemId,
  hidden,
  reports,
}: {
  problemId: string;
  hidden: boolean;
  reports: OpenReport[];
}) {
  const t = useT();
  const subjects = [...new Set(reports.map((r) => r.subjectId))].map((subjectId) => {
    const about = reports.filter((r) => r.subjectId === subjectId);
    return { subjectId, first: about[0], about };
  });
  return (
    <section aria-labelledby="moderation" className="mt-10 rounded-xl border border-amber-200 bg-white p-4">
      <h2 id="moderation" className="text-lg font-semibold text-slate-900">
        {t("problemCare.moderate.title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("problemCare.moderate.lead")}</p>
      <div className="mt-3">
        <HideForm
          problemId={problemId}
          subjectType="problem"
          subjectId={problemId}
          hidden={hidden}
          label={t(hidden ? "problemCare.moderate.restoreProblem" : "problemCare.moderate.hideProblem")}
        />
      </div>
      <h3 className="mt-5 text-sm font-semibold text-slate-900">
        {t("problemCare.moderate.reports", { count: reports.length })}
      </h3>
      {subjects.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">{t("problemCare.moderate.noReports")}</p>
      ) : (
        <ul className="mt-2 space-y-3">
          {subjects.map(({ subjectId, first, about }) => (
            <li key={subjectId} className="rounded-lg border border-slate-200 p-3">
              <p className="text-sm font-medium text-slate-900">
                {first.subjectType === "problem"
                  ? t("problemCare.moderate.subject.problem")
                  : t("problemCare.moderate.subject.reply", { author: first.replyAuthorName ?? "" })}{" "}
                ({about.length})
              </p>
              <ul className="mt-2 space-y-2">
                {about.map((report) => (
                  <li key={report.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
                    <span className="text-slate-700">
                      {t("problemCare.moderate.reportBy", {
                        reporter: report.reporterName,
                        reason: report.reason,
                      })}
                    </span>
                    <DismissButton problemId={problemId} reportId={report.id} />
                  </li>
                ))}
              </ul>
              {first.subjectType === "problem_reply" && (
                <div className="mt-2">
                  <HideForm
                    problemId={problemId}
                    subjectType="problem_reply"
                    subjectId={subjectId}
                    hidden={first.replyHidden}
                    place="panel"
                    label={t(
                      first.replyHidden ? "problemCare.moderate.restore" : "problemCare.moderate.hide",
                    )}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
