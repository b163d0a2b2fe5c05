import { getFormProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { useFetcher } from "@remix-run/react";
import { FormErrors } from "~/components/form/form-errors";
import { SelectField } from "~/components/form/select-field";
import { SubmitButton } from "~/components/form/submit-button";
import { TextareaField } from "~/components/form/textarea-field";
import { MarkdownEditor } from "~/components/markdown/markdown-editor";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { RepresentedOrg } from "~/models/representation.server";
import type { ApplicationsReply } from "~/routes/problems.$id.applications";
import { applicationSchema } from "~/validation/problem-work";

/** 揭榜: approach, timeline, team and, for a representative, the organization applying. */
export function ApplicationForm({ problemId, orgs }: { problemId: string; orgs: RepresentedOrg[] }) {
  const t = useT();
  const locale = useLocale();
  const fetcher = useFetcher<ApplicationsReply>();
  const [form, fields] = useForm({
    id: "problem-apply",
    lastResult: fetcher.data?.result,
    constraint: getZodConstraint(applicationSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: applicationSchema }),
  });
  return (
    <fetcher.Form
      method="post"
      action={`/problems/${problemId}/applications`}
      preventScrollReset
      {...getFormProps(form)}
      className="mt-4 space-y-4 rounded-lg border border-teal-200 bg-teal-50/40 p-4"
    >
      <h3 className="text-base font-semibold text-slate-900">{t("problemWork.form.title")}</h3>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="apply" />
      <MarkdownEditor
        label={t("problemWork.form.approach")}
        hint={t("problemWork.form.approachHint")}
        textareaProps={getTextareaProps(fields.approach)}
        meta={fields.approach}
      />
      <TextareaField
        label={t("problemWork.form.timeline")}
        hint={t("problemWork.form.timelineHint")}
        textareaProps={{ ...getTextareaProps(fields.timeline), rows: 3 }}
        meta={fields.timeline}
      />
      <TextareaField
        label={t("problemWork.form.team")}
        hint={t("problemWork.form.teamHint")}
        textareaProps={{ ...getTextareaProps(fields.team), rows: 3 }}
        meta={fields.team}
      />
      {orgs.length > 0 && (
        <SelectField
          label={t("problemWork.form.org")}
          selectProps={getSelectProps(fields.orgId)}
          emptyOption={t("problemWork.form.orgNone")}
          options={orgs.map((org) => ({ value: org.id, label: pick(locale, org.nameZh, org.nameEn) }))}
          meta={fields.orgId}
        />
      )}
      <SubmitButton pending={fetcher.state !== "idle"}>{t("problemWork.form.submit")}</SubmitButton>
    </fetcher.Form>
  );
}
