import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { Field } from "~/components/form/field";
import { FormErrors } from "~/components/form/form-errors";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import { useT } from "~/i18n/use-t";
import { INVITATION_DAYS } from "~/models/invitation-limits";
import { INVITE_DAYS_MAX, inviteEmailSchema, inviteLinkSchema } from "~/validation/organization";

type Props = { lastResult?: SubmissionResult<string[]> };

const boxClass = "rounded-lg border border-slate-200 bg-white p-4";

export function InviteByEmailForm({ lastResult }: Props) {
  const t = useT();
  const pending = useIsPending({ intent: "inviteEmail" });
  const [form, fields] = useForm({
    id: "org-invite-email",
    lastResult,
    defaultValue: { days: String(INVITATION_DAYS) },
    constraint: getZodConstraint(inviteEmailSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteEmailSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className={`${boxClass} space-y-4`}>
      <h3 className="font-semibold text-slate-900">{t("org.invite.emailTitle")}</h3>
      <input type="hidden" name="intent" value="inviteEmail" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field
        label={t("org.field.email")}
        inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "off" }}
        meta={fields.email}
      />
      <Field
        label={t("org.field.days")}
        hint={t("org.field.daysHint", { max: INVITE_DAYS_MAX })}
        inputProps={getInputProps(fields.days, { type: "number" })}
        meta={fields.days}
      />
      <SubmitButton pending={pending}>{t("org.invite.emailSubmit")}</SubmitButton>
    </Form>
  );
}

export function InviteLinkForm({ lastResult }: Props) {
  const t = useT();
  const pending = useIsPending({ intent: "inviteLink" });
  const [form, fields] = useForm({
    id: "org-invite-link",
    lastResult,
    defaultValue: { days: String(INVITATION_DAYS) },
    constraint: getZodConstraint(inviteLinkSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteLinkSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className={`${boxClass} space-y-4`}>
      <h3 className="font-semibold text-slate-900">{t("org.invite.linkTitle")}</h3>
      <p className="text-sm text-slate-600">{t("org.invite.linkLead")}</p>
      <input type="hidden" name="intent" value="inviteLink" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field
        label={t("org.field.days")}
        hint={t("org.field.daysHint", { max: INVITE_DAYS_MAX })}
        inputProps={getInputProps(fields.days, { type: "number" })}
        meta={fields.days}
      />
      <SubmitButton pending={pending}>{t("org.invite.linkSubmit")}</SubmitButton>
    </Form>
  );
}
