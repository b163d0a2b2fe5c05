import {
  getFormProps,
  getInputProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { ErrorList } from "~/components/form/error-list";
import { Field } from "~/components/form/field";
import { FormErrors } from "~/components/form/form-errors";
import { labelClass } from "~/components/form/styles";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import { TextareaField } from "~/components/form/textarea-field";
import { useT } from "~/i18n/use-t";
import {
  CHANNEL_DESCRIPTION_MAX,
  CHANNEL_NAME_MAX,
  channelCreateSchema,
  channelEditSchema,
  channelKinds,
  type ChannelKindChoice,
} from "~/validation/channel";
import { MemberPicker, type PickerPerson } from "./member-picker";

type Defaults = { name?: string; description?: string; kind?: ChannelKindChoice };

type Props =
  | {
      mode: "create";
      /** Active members of the alliance other than the creator, to invite to a private channel. */
      people: PickerPerson[];
      defaults: Defaults;
      lastResult?: SubmissionResult<string[]>;
      cancelTo: string;
    }
  | {
      mode: "edit";
      /** #general's kind is fixed: the form leaves it out. */
      kindFixed: boolean;
      defaults: Defaults;
      lastResult?: SubmissionResult<string[]>;
      cancelTo: string;
    };

/** Shown only while "private" is ticked in the enclosing form. */
const privateOnly = "hidden group-has-[[name=kind][value=private]:checked]:block";

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];

/** The channel form of /alliances/<slug>/channels/new and a channel's settings; works without JavaScript. */
export function ChannelForm(props: Props) {
  const { mode, defaults, lastResult, cancelTo } = props;
  const t = useT();
  const schema = mode === "create" ? channelCreateSchema : channelEditSchema;
  const pending = useIsPending({ intent: mode === "create" ? undefined : "save" });
  const [form, fields] = useForm<
    Partial<{
      intent: "save";
      name: string;
      slug: string;
      description: string;
      kind: ChannelKindChoice;
      members: string[];
    }>
  >({
    id: `channel-${mode}`,
    lastResult,
    defaultValue: defaults,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const initialKind = (fields.kind.initialValue as ChannelKindChoice | undefined) ?? defaults.kind ?? "open";
  const showKind = mode === "create" || !props.kindFixed;

  return (
    // `group`: what shows only for a private channel follows the ticked kind in CSS, so it works
    // without JavaScript too.
    <Form method="post" {...getFormProps(form)} className="group space-y-6">
      {mode === "edit" && <input type="hidden" name="intent" value="save" />}
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field
        label={t("channelAdmin.field.name")}
        hint={t("channelAdmin.field.nameHint", { max: CHANNEL_NAME_MAX })}
        inputProps={getInputProps(fields.name, { type: "text" })}
        meta={fields.name}
      />
      {mode === "create" && (
        <Field
          label={t("channelAdmin.field.slug")}
          hint={t("channelAdmin.field.slugHint")}
          inputProps={{
            ...getInputProps(fields.slug, { type: "text" }),
            autoCapitalize: "none",
            spellCheck: false,
          }}
          meta={fields.slug}
        />
      )}
      <TextareaField
        label={t("channelAdmin.field.description")}
        hint={t("channelAdmin.field.descriptionHint", { max: CHANNEL_DESCRIPTION_MAX })}
        textareaProps={{ ...getTextareaProps(fields.description), rows: 3 }}
        meta={fields.description}
      />
      {showKind && (
        <fieldset aria-describedby={fields.kind.errors?.length ? fields.kind.errorId : undefined}>
          <legend className={labelClass}>{t("channelAdmin.field.kind")}</legend>
          <div className="mt-2 space-y-2">
            {channelKinds.map((value) => (
              <label key={value} className="flex items-start gap-2 text-sm text-slate-800">
                <input
                  type="radio"
                  name={fields.kind.name}
                  value={value}
                  defaultChecked={initialKind === value}
                  className="mt-0.5 size-4 border-slate-300 text-teal-700 focus-visible:outline-2 focus-visible:outline-teal-600"
                />
                <span>
                  <span className="font-medium">{t(`channelAdmin.kind.${value}`)}</span>
                  <span className="block text-xs text-slate-500">{t(`channelAdmin.kind.${value}Hint`)}</span>
                </span>
              </label>
            ))}
          </div>
          <ErrorList id={fields.kind.errorId} errors={fields.kind.errors} />
        </fieldset>
      )}
      {mode === "create" && (
        <div className={privateOnly}>
          <MemberPicker
            name={fields.members.name}
            people={props.people}
            selected={new Set(asList(fields.members.initialValue))}
            legend={t("channelAdmin.field.members")}
            hint={t("channelAdmin.field.membersHint")}
            errors={fields.members.errors}
            errorId={fields.members.errorId}
          />
        </div>
      )}
      {mode === "edit" && showKind && defaults.kind !== "private" && (
        <p className={`${privateOnly} text-sm text-amber-800`}>{t("channelAdmin.settings.becomesPrivate")}</p>
      )}
      <div className="flex items-center gap-4">
        <SubmitButton pending={pending}>
          {t(mode === "create" ? "channelAdmin.new.submit" : "channelAdmin.settings.submit")}
        </SubmitButton>
        <Link to={cancelTo} className="text-sm text-teal-700 underline hover:text-teal-900">
          {t("channelAdmin.cancel")}
        </Link>
      </div>
    </Form>
  );
}
