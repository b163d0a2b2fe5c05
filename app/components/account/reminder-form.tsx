import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { CheckboxField } from "~/components/form/checkbox-field";
import { FormErrors } from "~/components/form/form-errors";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import { useT } from "~/i18n/use-t";
import { reminderPreferencesSchema, type ReminderPreferencesInput } from "~/validation/event-reminders";
import { SettingsSection } from "./settings-section";

type Props = {
  defaults: ReminderPreferencesInput;
  lastResult?: SubmissionResult<string[]>;
};

/** Which reminders come before events the user registered for, and whether also by email. */
export function ReminderForm({ defaults, lastResult }: Props) {
  const t = useT();
  const pending = useIsPending({ formAction: "/settings", intent: "reminders" });
  const [form, fields] = useForm({
    id: "reminders",
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: reminderPreferencesSchema }),
  });
  return (
    <SettingsSection
      id="settings-reminders"
      title={t("eventReminders.settings.heading")}
      lead={t("eventReminders.settings.lead")}
    >
      <Form method="post" action="/settings" {...getFormProps(form)} className="space-y-5">
        <input type="hidden" name="intent" value="reminders" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <CheckboxField
          field={fields.dayBefore}
          label="eventReminders.settings.day"
          hint="eventReminders.settings.dayHint"
        />
        <CheckboxField
          field={fields.hourBefore}
          label="eventReminders.settings.hour"
          hint="eventReminders.settings.hourHint"
        />
        <CheckboxField
          field={fields.email}
          label="eventReminders.settings.email"
          hint="eventReminders.settings.emailHint"
        />
        <SubmitButton pending={pending}>{t("eventReminders.settings.submit")}</SubmitButton>
      </Form>
    </SettingsSection>
  );
}
