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
import type { InquiriesReply } from "~/routes/resources.$id.inquiries";
import { askSchema } from "~/validation/inquiry";

/**
 * Asking the provider: the question, what for, and optionally which of one's problems and on behalf of
 * which organization. Posts to /resources/:id/inquiries; success opens the inquiry's page.
 */
export function AskForm({
  resourceId,
  problems,
  orgs,
}: {
  resourceId: string;
  problems: { id: string; title: string }[];
  orgs: RepresentedOrg[];
}) {
  const t = useT();
  const locale = useLocale();
  const fetcher = useFetcher<InquiriesReply>();
  const [form, fields] = useForm({
    id: "inquiry-ask",
    lastResult: fetcher.data?.result,
    constraint: getZodConstraint(askSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: askSchema }),
  });
  return (
    <fetcher.Form
      method="post"
      action={`/resources/${resourceId}/inquiries`}
      preventScrollReset
      {...getFormProps(form)}
      className="mt-4 space-y-4 rounded-lg border border-teal-200 bg-teal-50/40 p-4"
    >
      <h3 className="text-base font-semibold text-slate-900">{t("inquiry.form.title")}</h3>
      <FormErrors id={form.errorId} errors={form.errors} />
      <MarkdownEditor
        label={t("inquiry.form.message")}
        hint={t("inquiry.form.messageHint")}
        textareaProps={getTextareaProps(fields.message)}
        meta={fields.message}
      />
      <TextareaField
        label={t("inquiry.form.intendedUse")}
        hint={t("inquiry.form.intendedUseHint")}
        textareaProps={{ ...getTextareaProps(fields.intendedUse), rows: 3 }}
        meta={fields.intendedUse}
      />
      {problems.length > 0 && (
        <SelectField
          label={t("inquiry.form.problem")}
          selectProps={getSelectProps(fields.problemId)}
          emptyOption={t("inquiry.form.problemNone")}
          options={problems.map((problem) => ({ value: problem.id, label: problem.title }))}
          meta={fields.problemId}
        />
      )}
      {orgs.length > 0 && (
        <SelectField
          label={t("inquiry.form.org")}
          selectProps={getSelectProps(fields.orgId)}
          emptyOption={t("inquiry.form.orgNone")}
          options={orgs.map((org) => ({ value: org.id, label: pick(locale, org.nameZh, org.nameEn) }))}
          meta={fields.orgId}
        />
      )}
      <SubmitButton pending={fetcher.state !== "idle"}>{t("inquiry.form.submit")}</SubmitButton>
    </fetcher.Form>
  );
}
