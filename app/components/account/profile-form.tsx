import {
  getFormProps,
  getInputProps,
  getSelectProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { Field } from "~/components/form/field";
import { FormErrors } from "~/components/form/form-errors";
import { SelectField } from "~/components/form/select-field";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import { locales, type Locale } from "~/i18n/locales";
import { useT } from "~/i18n/use-t";
import { profileSchema } from "~/validation/auth";
import { SettingsSection } from "./settings-section";

type Props = {
  defaults: { displayName: string; locale: Locale };
  lastResult?: SubmissionResult<string[]>;
};

export function ProfileForm({ defaults, lastResult }: Props) {
  const t = useT();
  const pending = useIsPending({ formAction: "/settings", intent: "profile" });
  const [form, fields] = useForm({
    id: "profile",
    lastResult,
    defaultValue: defaults,
    constraint: getZodConstraint(profileSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: profileSchema }),
  });
  const languages = locales.map((locale) => ({
    value: locale,
    label: t(locale === "en" ? "common.language.en" : "common.language.zh-CN"),
    lang: locale,
  }));

  return (
    <SettingsSection id="settings-profile" title={t("auth.settings.profile.heading")}>
      <Form method="post" action="/settings" {...getFormProps(form)} className="space-y-5">
        <input type="hidden" name="intent" value="profile" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field
          label={t("auth.field.displayName")}
          hint={t("auth.field.displayNameHint")}
          inputProps={{ ...getInputProps(fields.displayName, { type: "text" }), autoComplete: "name" }}
          meta={fields.displayName}
        />
        <SelectField
          label={t("auth.field.locale")}
          selectProps={getSelectProps(fields.locale)}
          options={languages}
          meta={fields.locale}
        />
        <SubmitButton pending={pending}>{t("auth.settings.profile.submit")}</SubmitButton>
      </Form>
    </SettingsSection>
  );
}
