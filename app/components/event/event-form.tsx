import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { asList } from "~/components/form/as-list";
import { Tick } from "~/components/form/checkbox-group";
import { ErrorList } from "~/components/form/error-list";
import { Field } from "~/components/form/field";
import { FormErrors } from "~/components/form/form-errors";
import { SelectField } from "~/components/form/select-field";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import { TextareaField } from "~/components/form/textarea-field";
import { MarkdownEditor } from "~/components/markdown/markdown-editor";
import { AgendaInputs, type AgendaRow } from "./event-agenda-inputs";
import { OverlapWarning } from "./event-overlap-warning";
import { RepeatFields } from "./event-repeat-fields";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { PersonOverlap } from "~/models/event-overlap.server";
import type { AllianceChoice } from "~/models/event-host-choices.server";
import {
  AGENDA_MAX,
  COHOSTS_MAX,
  DEFAULT_TIME_ZONE,
  editableStatuses,
  eventSchema,
  eventTypes,
  eventVisibilities,
  PROBLEMS_MAX,
  TITLE_MAX,
} from "~/validation/event";

const ZONES = [
  "Asia/Shanghai",
  "Asia/Hong_Kong",
  "Asia/Tokyo",
  "Asia/Singapore",
  "Europe/Berlin",
  "Europe/London",
  "America/New_York",
  "America/Los_Angeles",
  "UTC",
];

/** What the form's inputs hold, as text, before the schema reads it. */
type EventFormValues = Record<string, string | string[] | AgendaRow[] | undefined>;

export type EventFormFields = ReturnType<typeof useForm<EventFormValues>>[1];

type Props = {
  mode: "create" | "edit";
  hosts: AllianceChoice[];
  cohosts: AllianceChoice[];
  lastResult?: SubmissionResult<string[]>;
  defaultValue: Partial<EventFormValues>;
  /** The event a venue-room clash was found with, linked under the room. */
  clash?: { id: string; title: string } | null;
  /** Organizers or speakers busy elsewhere at these times: shown, and saved only once accepted. */
  overlaps?: PersonOverlap[];
  cancelTo: string;
};

/** Scheduling or editing an event. Plain inputs throughout, so it works before (and without) JavaScript. */
export function EventForm({
  mode,
  hosts,
  cohosts,
  lastResult,
  defaultValue,
  clash,
  overlaps = [],
  cancelTo,
}: Props) {
  const t = useT();
  const locale = useLocale();
  const pending = useIsPending();
  const schema = eventSchema(mode);
  const [form, fields] = useForm<EventFormValues>({
    id: `event-${mode}`,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(schema),
    // The server checks everything (zones, clashes, capacity need it anyway); errors return in lastResult.
    shouldValidate: "onSubmit",
  });
  const ticked = new Set(asList(fields.cohostIds.initialValue));
  const agenda = (Array.isArray(fields.agenda.initialValue) ? fields.agenda.initialValue : []) as AgendaRow[];
  const rows = Math.min(AGENDA_MAX, Math.max(agenda.length + 2, 3));
  const name = (choice: AllianceChoice) => pick(locale, choice.nameZh, choice.nameEn);

  return (
    <Form method="post" {...getFormProps(form)} className="mt-8 space-y-6">
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="grid gap-5 sm:grid-cols-3">
        <SelectField
          className="sm:col-span-1"
          label={t("event.field.type")}
          selectProps={getSelectProps(fields.type)}
          options={eventTypes.map((type) => ({ value: type, label: t(`event.type.${type}`) }))}
          meta={fields.type}
        />
        <Field
          className="sm:col-span-2"
          label={t("event.field.title")}
          inputProps={{ ...getInputProps(fields.title, { type: "text" }), maxLength: TITLE_MAX }}
          meta={fields.title}
        />
      </div>
      <MarkdownEditor
        label={t("event.field.description")}
        textareaProps={getTextareaProps(fields.description)}
        meta={fields.description}
      />
      {mode === "create" && (
        <SelectField
          label={t("event.field.host")}
          selectProps={getSelectProps(fields.allianceId)}
          options={hosts.map((host) => ({ value: host.id, label: name(host) }))}
          meta={fields.allianceId}
        />
      )}
      <fieldset aria-describedby={fields.cohostIds.errors?.length ? fields.cohostIds.errorId : undefined}>
        <legend className="text-sm font-medium text-slate-800">
          {t("event.field.cohosts", { max: COHOSTS_MAX })}
        </legend>
        <ErrorList id={fields.cohostIds.errorId} errors={fields.cohostIds.errors} />
        <div className="mt-2 grid gap-1 sm:grid-cols-3">
          {cohosts.map((choice) => (
            <Tick
              key={choice.id}
              name={fields.cohostIds.name}
              value={choice.id}
              checked={ticked.has(choice.id)}
              label={name(choice)}
            />
          ))}
        </div>
      </fieldset>
      <div className="grid gap-5 sm:grid-cols-3">
        <Field
          label={t("event.field.startsAt")}
          inputProps={getInputProps(fields.startsAt, { type: "datetime-local" })}
          meta={fields.startsAt}
        />
        <Field
          label={t("event.field.endsAt")}
          inputProps={getInputProps(fields.endsAt, { type: "datetime-local" })}
          meta={fields.endsAt}
        />
        <Field
          label={t("event.field.timeZone")}
          hint={t("event.field.timeZoneHint")}
          inputProps={{ ...getInputProps(fields.timeZone, { type: "text" }), list: "event-time-zones" }}
          meta={fields.timeZone}
        />
        <datalist id="event-time-zones">
          {ZONES.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </div>
      <RepeatFields mode={mode} fields={fields} />
      <fieldset className="space-y-4 rounded-lg border border-slate-200 px-4 py-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">{t("event.field.place")}</legend>
        <p className="text-xs text-slate-500">{t("event.field.placeHint")}</p>
        <div className="grid gap-5 sm:grid-cols-3">
          <Field
            label={t("event.field.venueName")}
            inputProps={getInputProps(fields.venueName, { type: "text" })}
            meta={fields.venueName}
          />
          <div>
            <Field
              label={t("event.field.venueRoom")}
              inputProps={getInputProps(fields.venueRoom, { type: "text" })}
              meta={fields.venueRoom}
            />
            {clash && (
              <p className="mt-1 text-sm" data-testid="venue-clash">
                <Link to={`/events/${clash.id}`} className="text-teal-700 underline hover:text-teal-900">
                  {t("event.clash.link", { title: clash.title })}
                </Link>
              </p>
            )}
          </div>
          <Field
            label={t("event.field.venueAddress")}
            inputProps={getInputProps(fields.venueAddress, { type: "text" })}
            meta={fields.venueAddress}
          />
        </div>
        <Field
          label={t("event.field.onlineUrl")}
          hint={t("event.field.onlineUrlHint")}
          inputProps={getInputProps(fields.onlineUrl, { type: "url" })}
          meta={fields.onlineUrl}
        />
      </fieldset>
      <div className="grid gap-5 sm:grid-cols-3">
        <div className="space-y-2">
          <Field
            label={t("event.field.capacity")}
            hint={t("event.field.capacityHint")}
            inputProps={getInputProps(fields.capacity, { type: "number" })}
            meta={fields.capacity}
          />
          {mode === "edit" && (
            <label className="flex items-start gap-2 text-xs text-slate-700">
              <input
                {...getInputProps(fields.capacityCut, { type: "checkbox" })}
                className="mt-0.5 size-4 rounded border-slate-300 text-teal-700"
              />
              {t("event.field.capacityCut")}
            </label>
          )}
        </div>
        <Field
          label={t("event.field.registrationOpensAt")}
          hint={t("event.field.registrationHint")}
          inputProps={getInputProps(fields.registrationOpensAt, { type: "datetime-local" })}
          meta={fields.registrationOpensAt}
        />
        <Field
          label={t("event.field.registrationClosesAt")}
          inputProps={getInputProps(fields.registrationClosesAt, { type: "datetime-local" })}
          meta={fields.registrationClosesAt}
        />
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField
          label={t("event.field.visibility")}
          selectProps={getSelectProps(fields.visibility)}
          options={eventVisibilities.map((v) => ({ value: v, label: t(`event.visibility.${v}`) }))}
          meta={fields.visibility}
        />
        <SelectField
          label={t("event.field.status")}
          selectProps={getSelectProps(fields.status)}
          options={editableStatuses.map((s) => ({ value: s, label: t(`event.status.${s}`) }))}
          meta={fields.status}
        />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{t("event.field.agenda")}</legend>
        <p className="text-xs text-slate-500">{t("event.field.agendaHint")}</p>
        <ErrorList id={fields.agenda.errorId} errors={fields.agenda.errors} />
        {Array.from({ length: rows }, (_, index) => (
          <AgendaInputs key={index} index={index} row={agenda[index]} errors={form.allErrors} />
        ))}
      </fieldset>
      <TextareaField
        label={t("event.field.problems")}
        hint={t("event.field.problemsHint", { max: PROBLEMS_MAX })}
        textareaProps={{ ...getTextareaProps(fields.problems), rows: 3 }}
        meta={fields.problems}
      />
      {(overlaps.length > 0 || fields.acceptOverlaps.errors) && (
        <OverlapWarning
          overlaps={overlaps}
          timeZone={String(fields.timeZone.value ?? fields.timeZone.initialValue ?? DEFAULT_TIME_ZONE)}
          checkbox={getInputProps(fields.acceptOverlaps, { type: "checkbox" })}
          errorId={fields.acceptOverlaps.errorId}
          errors={fields.acceptOverlaps.errors}
        />
      )}
      <div className="flex items-center gap-4">
        <SubmitButton pending={pending}>
          {t(mode === "create" ? "event.new.submit" : "event.edit.submit")}
        </SubmitButton>
        <Link to={cancelTo} className="text-sm text-teal-700 underline hover:text-teal-900">
          {t("event.new.cancel")}
        </Link>
      </div>
    </Form>
  );
}
