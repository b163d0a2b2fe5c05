import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { ErrorList } from "~/components/form/error-list";
import { FormErrors } from "~/components/form/form-errors";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import { hintClass } from "~/components/form/styles";
import type { MessageKey } from "~/i18n/dictionary";
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
        <Checkbox
          field={fields.hideEmail}
          label="auth.settings.privacy.hideEmail"
          hint="auth.settings.privacy.hideEmailHint"
        />
        <Checkbox
          field={fields.listedInDirectory}
          label="auth.settings.privacy.listed"
          hint="auth.settings.privacy.listedHint"
        />
        <SubmitButton pending={pending}>{t("auth.settings.privacy.submit")}</SubmitButton>
      </Form>
    </SettingsSection>
  );
}

type Field = Parameters<typeof getInputProps>[0];

function Checkbox({ field, label, hint }: { field: Field; label: MessageKey; hint: MessageKey }) {
  const t = useT();
  const { key, ...props } = getInputProps(field, { type: "checkbox" });
  const hintId = `${field.id}-hint`;
  return (
    <div className="flex items-start gap-3">
      <input
        key={key}
        {...props}
        aria-describedby={[props["aria-describedby"], hintId].filter(Boolean).join(" ")}
        className="mt-1 size-4 rounded border-slate-300 text-teal-700 focus-visible:outline-2 focus-visible:outline-teal-600"
      />
      <div>
        <label htmlFor={field.id} className="text-sm font-medium text-slate-800">
          {t(label)}
        </label>
        <p id={hintId} className={hintClass}>
          {t(hint)}
        </p>
        <ErrorList id={field.errorId} errors={field.errors} />
      </div>
    </div>
  );
}
