import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { useFetcher } from "@remix-run/react";
import { FormErrors } from "~/components/form/form-errors";
import { SubmitButton } from "~/components/form/submit-button";
import { TextareaField } from "~/components/form/textarea-field";
import { useT } from "~/i18n/use-t";
import type { OpenResourceReport } from "~/models/resource-page.server";
import type { ResourceModerationReply } from "~/routes/resources.$id.moderation";
import type { ResourceReportReply } from "~/routes/resources.$id.report";
import { REASON_MAX, resourceModerationSchema, resourceReportSchema } from "~/validation/resource";

/** "Report" behind a disclosure: a reason for the moderators. Once reported, it says so instead. */
export function ResourceReportForm({ resourceId, reported }: { resourceId: string; reported: boolean }) {
  const t = useT();
  const fetcher = useFetcher<ResourceReportReply>({ key: `report-resource-${resourceId}` });
  const [form, fields] = useForm({
    id: `report-resource-${resourceId}`,
    lastResult: fetcher.data?.result,
    constraint: getZodConstraint(resourceReportSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resourceReportSchema }),
  });
  if (reported) return <p className="text-xs text-slate-500">{t("resource.report.done")}</p>;
  return (
    <details className="text-sm" open={fetcher.data !== undefined || undefined}>
      <summary className="cursor-pointer text-xs text-slate-500 underline hover:text-slate-800">
        {t("resource.report.open")}
      </summary>
      <fetcher.Form
        method="post"
        action={`/resources/${resourceId}/report`}
        preventScrollReset
        {...getFormProps(form)}
        className="mt-2 space-y-3 rounded-lg border border-slate-200 bg-white p-3"
      >
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextareaField
          label={t("resource.report.reason")}
          hint={t("resource.report.reasonHint")}
          textareaProps={{ ...getTextareaProps(fields.reason), rows: 3, maxLength: REASON_MAX }}
          meta={fields.reason}
        />
        <SubmitButton variant="secondary" pending={fetcher.state !== "idle"}>
          {t("resource.report.submit")}
        </SubmitButton>
      </fetcher.Form>
    </details>
  );
}

function HideForm({ resourceId, hidden }: { resourceId: string; hidden: boolean }) {
  const t = useT();
  const fetcher = useFetcher<ResourceModerationReply>({ key: `moderate-resource-${resourceId}` });
  const [form, fields] = useForm({
    id: `moderate-resource-${resourceId}`,
    lastResult: fetcher.data?.result,
    constraint: getZodConstraint(resourceModerationSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resourceModerationSchema }),
  });
  const label = t(hidden ? "resource.moderate.restore" : "resource.moderate.hide");
  return (
    <details className="text-sm" open={fetcher.data !== undefined || undefined}>
      <summary className="cursor-pointer text-sm font-medium text-amber-800 underline hover:text-amber-950">
        {label}
      </summary>
      <fetcher.Form
        method="post"
        action={`/resources/${resourceId}/moderation`}
        preventScrollReset
        {...getFormProps(form)}
        className="mt-2 space-y-3 rounded-lg border border-amber-200 bg-amber-50/50 p-3"
      >
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value={hidden ? "restore" : "hide"} />
        <TextareaField
          label={t("resource.moderate.reason")}
          textareaProps={{ ...getTextareaProps(fields.reason), rows: 2, maxLength: REASON_MAX }}
          meta={fields.reason}
        />
        <SubmitButton variant={hidden ? "secondary" : "danger"} pending={fetcher.state !== "idle"}>
          {label}
        </SubmitButton>
      </fetcher.Form>
    </details>
  );
}

function DismissButton({ resourceId, reportId }: { resourceId: string; reportId: number }) {
  const t = useT();
  const fetcher = useFetcher<ResourceModerationReply>({ key: `dismiss-resource-${reportId}` });
  return (
    <fetcher.Form method="post" action={`/resources/${resourceId}/moderation`} preventScrollReset>
      <input type="hidden" name="reportId" value={reportId} />
      <SubmitButton name="intent" value="dismiss" variant="secondary" pending={fetcher.state !== "idle"}>
        {t("resource.moderate.dismiss")}
      </SubmitButton>
    </fetcher.Form>
  );
}

/** For the resource's moderators: hide or restore it, and the open reports about it. */
export function ResourceModerationPanel({
  resourceId,
  hidden,
  reports,
}: {
  resourceId: string;
  hidden: boolean;
  reports: OpenResourceReport[];
}) {
  const t = useT();
  return (
    <section
      aria-labelledby="resource-moderation"
      className="mt-10 rounded-xl border border-amber-200 bg-white p-4"
    >
      <h2 id="resource-moderation" className="text-lg font-semibold text-slate-900">
        {t("resource.moderate.title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("resource.moderate.lead")}</p>
      <div className="mt-3">
        <HideForm resourceId={resourceId} hidden={hidden} />
      </div>
      <h3 className="mt-5 text-sm font-semibold text-slate-900">
        {t("resource.moderate.reports", { count: reports.length })}
      </h3>
      {reports.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">{t("resource.moderate.noReports")}</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {reports.map((report) => (
            <li key={report.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <span className="text-slate-700">
                {t("resource.moderate.reportBy", { reporter: report.reporterName, reason: report.reason })}
              </span>
              <DismissButton resourceId={resourceId} reportId={report.id} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
