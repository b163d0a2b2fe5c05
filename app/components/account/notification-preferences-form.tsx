import {
  getFormProps,
  getInputProps,
  getSelectProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { CheckboxField } from "~/components/form/checkbox-field";
import { ErrorList } from "~/components/form/error-list";
import { FormErrors } from "~/components/form/form-errors";
import { SelectField } from "~/components/form/select-field";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import type { MessageKey } from "~/i18n/dictionary";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { AllianceChoice } from "~/models/notification-settings.server";
import {
  allianceLevels,
  deliveries,
  deliveryFields,
  notificationPreferencesSchema,
  type DeliveryField,
  type NotificationPreferencesInput,
} from "~/validation/notification-preferences";
import { SettingsSection } from "./settings-section";

type Props = {
  defaults: NotificationPreferencesInput;
  alliances: AllianceChoice[];
  lastResult?: SubmissionResult<string[]>;
};

const groupLabels: Record<DeliveryField, MessageKey> = {
  channelMention: "notificationPrefs.group.channel.mention",
  channelReply: "notificationPrefs.group.channel.reply",
  channelMessage: "notificationPrefs.group.channel.message",
  problem: "notificationPrefs.group.problem",
  membership: "notificationPrefs.group.membership",
  event: "notificationPrefs.group.event",
  eventReminder: "notificationPrefs.group.event.reminder",
  resource: "notificationPrefs.group.resource",
};
const hints: Partial<Record<DeliveryField, MessageKey>> = {
  eventReminder: "notificationPrefs.group.event.reminderHint",
};

/** Per kind: in the app, also by email, or off; per alliance: how much of its channels; the digest. */
export function NotificationPreferencesForm({ defaults, alliances, lastResult }: Props) {
  const t = useT();
  const locale = useLocale();
  const pending = useIsPending();
  const [form, fields] = useForm({
    id: "notification-preferences",
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: notificationPreferencesSchema }),
  });
  const deliveryOptions = deliveries.map((value) => ({
    value,
    label: t(`notificationPrefs.delivery.${value}`),
  }));
  const levelOptions = allianceLevels.map((value) => ({
    value,
    label: t(`notificationPrefs.level.${value}`),
  }));
  const names = new Map(
    alliances.map((alliance) => [alliance.id, pick(locale, alliance.nameZh, alliance.nameEn)]),
  );
  const levels = fields.alliances.getFieldList();

  return (
    <Form method="post" {...getFormProps(form)} className="space-y-6">
      <FormErrors id={form.errorId} errors={form.errors} />
      <SettingsSection
        id="notification-types"
        title={t("notificationPrefs.types.heading")}
        lead={t("notificationPrefs.types.lead")}
      >
        <div className="space-y-4">
          {(Object.keys(deliveryFields) as DeliveryField[]).map((name) => {
            const hint = hints[name];
            return (
              <SelectField
                key={name}
                label={t(groupLabels[name])}
                hint={hint ? t(hint) : undefined}
                selectProps={getSelectProps(fields[name])}
                options={deliveryOptions}
                meta={fields[name]}
              />
            );
          })}
        </div>
      </SettingsSection>
      <SettingsSection
        id="notification-alliances"
        title={t("notificationPrefs.alliances.heading")}
        lead={t("notificationPrefs.alliances.lead")}
      >
        {levels.length === 0 ? (
          <p className="text-sm text-slate-600">{t("notificationPrefs.alliances.empty")}</p>
        ) : (
          <div className="space-y-4">
            {levels.map((item) => {
              const choice = item.getFieldset();
              const { key, ...idProps } = getInputProps(choice.id, { type: "hidden" });
              return (
                <div key={item.key}>
                  <input key={key} {...idProps} />
                  <ErrorList id={choice.id.errorId} errors={choice.id.errors} />
                  <SelectField
                    label={names.get(choice.id.value ?? "") ?? ""}
                    selectProps={getSelectProps(choice.level)}
                    options={levelOptions}
                    meta={choice.level}
                  />
                </div>
              );
            })}
          </div>
        )}
      </SettingsSection>
      <SettingsSection id="notification-digest" title={t("notificationPrefs.digest.heading")}>
        <CheckboxField
          field={fields.digest}
          label="notificationPrefs.digest.label"
          hint="notificationPrefs.digest.hint"
        />
      </SettingsSection>
      <SubmitButton pending={pending}>{t("notificationPrefs.submit")}</SubmitButton>
    </Form>
  );
}
