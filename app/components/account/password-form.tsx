import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { Field } from "~/components/form/field";
import { FormErrors } from "~/components/form/form-errors";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import type { TranslateParams } from "~/i18n/translate";
import { useT } from "~/i18n/use-t";
import { passwordChangeSchema } from "~/validation/auth";
import { SettingsSection } from "./settings-section";

type Props = { email: string; lastResult?: SubmissionResult<string[]>; params?: TranslateParams };

export function PasswordForm({ email, lastResult, params }: Props) {
  const t = useT();
  const pending = useIsPending({ formAction: "/settings", intent: "password" });
  const [form, fields] = useForm({
    id: "password",
    lastResult,
    constraint: getZodConstraint(passwordChangeSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: passwordChangeSchema }),
  });

  return (
    <SettingsSection
      id="settings-password"
      title={t("auth.settings.password.heading")}
      lead={t("auth.settings.password.lead")}
    >
      <Form method="post" action="/settings" {...getFormProps(form)} className="space-y-5">
        <input type="hidden" name="intent" value="password" />
        {/* Unnamed, so never submitted: it tells password managers which account the new password is for. */}
        <input type="email" autoComplete="username" value={email} readOnly hidden />
        <FormErrors id={form.errorId} errors={form.errors} params={params} />
        <Field
          label={t("auth.field.currentPassword")}
          inputProps={{
            ...getInputProps(fields.currentPassword, { type: "password" }),
            autoComplete: "current-password",
          }}
          meta={fields.currentPassword}
        />
        <Field
          label={t("auth.field.newPassword")}
          hint={t("auth.field.passwordHint")}
          inputProps={{
            ...getInputProps(fields.newPassword, { type: "password" }),
            autoComplete: "new-password",
          }}
          meta={fields.newPassword}
        />
        <Field
          label={t("auth.field.confirmPassword")}
          inputProps={{
            ...getInputProps(fields.confirmPassword, { type: "password" }),
            autoComplete: "new-password",
          }}
          meta={fields.confirmPassword}
        />
        <SubmitButton pending={pending}>{t("auth.settings.password.submit")}</SubmitButton>
      </Form>
    </SettingsSection>
  );
}
