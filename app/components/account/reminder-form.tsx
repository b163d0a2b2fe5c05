import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { ErrorList } from "~/components/form/error-list";
import { FormErrors } from "~/components/form/form-errors";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import { hintClass } from "~/components/form/styles";
import type { MessageKey } from "~/i18n/dictionary";
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
        <Checkbox
          field={fields.dayBefore}
          label="eventReminders.settings.day"
          hint="eventReminders.settings.dayHint"
        />
        <Checkbox
          field={fields.hourBefore}
          label="eventReminders.settings.hour"
          hint="eventReminders.settings.hourHint"
        />
        <Checkbox
          field={fields.email}
          label="eventReminders.settings.email"
          hint="eventReminders.settings.emailHint"
        />
        <SubmitButton pending={pending}>{t("eventReminders.settings.submit")}</SubmitButton>
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
