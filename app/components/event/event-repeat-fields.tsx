import { getInputProps, getSelectProps } from "@conform-to/react";
import { Field } from "~/components/form/field";
import { SelectField } from "~/components/form/select-field";
import { useT } from "~/i18n/use-t";
import { MAX_OCCURRENCES, repeatKinds } from "~/utils/recurrence";
import type { EventFormFields } from "./event-form";

/** How an event repeats: weekly, fortnightly or monthly, ending after a count or on a date. */
export function RepeatFields({ mode, fields }: { mode: "create" | "edit"; fields: EventFormFields }) {
  const t = useT();
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-200 px-4 py-4">
      <legend className="px-1 text-sm font-semibold text-slate-900">{t("eventSeries.field.repeat")}</legend>
      <p className="text-xs text-slate-500">
        {t(mode === "edit" ? "eventSeries.field.editHint" : "eventSeries.field.repeatHint")}
      </p>
      <div className="grid gap-5 sm:grid-cols-4">
        <SelectField
          className="sm:col-span-2"
          label={t("eventSeries.field.repeat")}
          selectProps={getSelectProps(fields.repeat)}
          options={repeatKinds.map((kind) => ({ value: kind, label: t(`eventSeries.repeat.${kind}`) }))}
          meta={fields.repeat}
        />
        <SelectField
          label={t("eventSeries.field.repeatEnd")}
          selectProps={getSelectProps(fields.repeatEnd)}
          options={(["count", "until"] as const).map((end) => ({
            value: end,
            label: t(`eventSeries.end.${end}`),
          }))}
          meta={fields.repeatEnd}
        />
        <div className="space-y-3">
          <Field
            label={t("eventSeries.field.repeatCount")}
            inputProps={{
              ...getInputProps(fields.repeatCount, { type: "number" }),
              min: 1,
              max: MAX_OCCURRENCES,
            }}
            meta={fields.repeatCount}
          />
          <Field
            label={t("eventSeries.field.repeatUntil")}
            inputProps={getInputProps(fields.repeatUntil, { type: "date" })}
            meta={fields.repeatUntil}
          />
        </div>
      </div>
    </fieldset>
  );
}
