import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { useFetcher } from "@remix-run/react";
import { FormErrors } from "~/components/form/form-errors";
import { SubmitButton } from "~/components/form/submit-button";
import { TextareaField } from "~/components/form/textarea-field";
import { useT } from "~/i18n/use-t";
import type { ReportReply } from "~/routes/problems.$id.report";
import { REASON_MAX, reportSchema, type ReportSubject } from "~/validation/problem-care";

/** "Report" behind a disclosure: a reason for the organizers. Once reported, it says so instead. */
export function ReportForm({
  problemId,
  subjectType,
  subjectId,
  reported,
}: {
  problemId: string;
  subjectType: ReportSubject;
  subjectId: string;
  reported: boolean;
}) {
  const t = useT();
  const fetcher = useFetcher<ReportReply>({ key: `report-${subjectId}` });
  const [form, fields] = useForm({
    id: `report-${subjectId}`,
    lastResult: fetcher.data?.result,
    constraint: getZodConstraint(reportSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: reportSchema }),
  });
  if (reported) return <p className="text-xs text-slate-500">{t("problemCare.report.done")}</p>;
  return (
    <details className="text-sm" open={fetcher.data !== undefined || undefined}>
      <summary className="cursor-pointer text-xs text-slate-500 underline hover:text-slate-800">
        {t("problemCare.report.open")}
      </summary>
      <fetcher.Form
        method="post"
        action={`/problems/${problemId}/report`}
        preventScrollReset
        {...getFormProps(form)}
        className="mt-2 space-y-3 rounded-lg border border-slate-200 bg-white p-3"
      >
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name={fields.subjectType.name} value={subjectType} />
        <input type="hidden" name={fields.subjectId.name} value={subjectId} />
        <TextareaField
          label={t("problemCare.report.reason")}
          hint={t("problemCare.report.reasonHint")}
          textareaProps={{ ...getTextareaProps(fields.reason), rows: 3, maxLength: REASON_MAX }}
          meta={fields.reason}
        />
        <SubmitButton variant="secondary" pending={fetcher.state !== "idle"}>
          {t("problemCare.report.submit")}
        </SubmitButton>
      </fetcher.Form>
    </details>
  );
}
