import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { CheckboxField } from "~/components/form/checkbox-field";
import { FormErrors } from "~/components/form/form-errors";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import { useT } from "~/i18n/use-t";
import { privacySchema } from "~/validation/auth";
import { SettingsSection } from "./settings-section";

type Props = {
  defaults: { hideEmail: boolean; listedInDirectory: boolean };
  lastResult?: SubmissionResult<string[]>;
};

/** What fellow alliance members see in member directories: the email, and whether one is listed at all. */
export function PrivacyForm({ defaults, lastResult }: Props) {
  const t = useT();
  const pending = useIsPending({ formAction: "/settings", intent: "privacy" });
  const [form, fields] = useForm({
    id: "privacy",
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: privacySchema }),
  });
  return (
    <SettingsSection
      id="settings-privacy"
      title={t("auth.settings.privacy.heading")}
      lead={t("auth.settings.privacy.lead")}
    >
      <Form method="post" action="/settings" {...getFormProps(form)} className="space-y-5">
        <input type="hidden" name="intent" value="privacy" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <CheckboxField
          field={fields.hideEmail}
          label="auth.settings.privacy.hideEmail"
          hint="auth.settings.privacy.hideEmailHint"
        />
        <CheckboxField
          field={fields.listedInDirectory}
          label="auth.settings.privacy.listed"
          hint="auth.settings.privacy.listedHint"
        />
        <SubmitButton pending={pending}>{t("auth.settings.privacy.submit")}</SubmitButton>
      </Form>
    </SettingsSection>
  );
}
