import {
  getFormProps,
  getInputProps,
  getSelectProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { BilingualNameFields, BilingualTextareaFields } from "~/components/form/bilingual-fields";
import { ErrorList } from "~/components/form/error-list";
import { Field } from "~/components/form/field";
import { FormErrors } from "~/components/form/form-errors";
import { SelectField } from "~/components/form/select-field";
import { labelClass } from "~/components/form/styles";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { AllianceSettingsValues, ChainChoice } from "~/models/alliance-admin.server";
import {
  ALLIANCE_DESCRIPTION_MAX,
  allianceCreateSchema,
  allianceSettingsSchema,
  joinPolicies,
} from "~/validation/alliance";

type Props = {
  /** Creating asks for the slug and the first chair too; both are fixed afterwards. */
  mode: "create" | "edit";
  defaults: Partial<AllianceSettingsValues>;
  chains: ChainChoice[];
  lastResult?: SubmissionResult<string[]>;
  cancelTo: string;
};

/** Every field either form may have: creating adds `slug` and `chairEmail`. */
type Shape = Partial<AllianceSettingsValues & { slug: string; chairEmail: string }>;

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];

/** The alliance form of /alliances/new and /alliances/<slug>/settings; works without JavaScript. */
export function AllianceForm({ mode, defaults, chains, lastResult, cancelTo }: Props) {
  const t = useT();
  const locale = useLocale();
  const pending = useIsPending({ intent: "save" });
  const schema = mode === "create" ? allianceCreateSchema : allianceSettingsSchema;
  const [form, fields] = useForm<Shape>({
    id: `alliance-${mode}`,
    lastResult,
    defaultValue: defaults,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const ticked = new Set(asList(fields.chains.initialValue));
  const policies = joinPolicies.map((policy) => ({
    value: policy,
    label: t(`allianceAdmin.policy.${policy}`),
  }));

  return (
    <Form method="post" {...getFormProps(form)} className="space-y-6">
      <input type="hidden" name="intent" value="save" />
      <FormErrors id={form.errorId} errors={form.errors} />
      {mode === "create" && (
        <Field
          label={t("allianceAdmin.field.slug")}
          hint={t("allianceAdmin.field.slugHint")}
          inputProps={{
            ...getInputProps(fields.slug, { type: "text" }),
            autoCapitalize: "none",
            spellCheck: false,
          }}
          meta={fields.slug}
        />
      )}
      <div className="grid gap-5 sm:grid-cols-2">
        <BilingualNameFields
          zh={fields.nameZh}
          en={fields.nameEn}
          labels={{ zh: t("allianceAdmin.field.nameZh"), en: t("allianceAdmin.field.nameEn") }}
        />
      </div>
      <BilingualTextareaFields
        zh={fields.descriptionZh}
        en={fields.descriptionEn}
        labels={{ zh: t("allianceAdmin.field.descriptionZh"), en: t("allianceAdmin.field.descriptionEn") }}
        hint={t("allianceAdmin.field.descriptionHint", { max: ALLIANCE_DESCRIPTION_MAX })}
      />
      <SelectField
        label={t("allianceAdmin.field.joinPolicy")}
        selectProps={getSelectProps(fields.joinPolicy)}
        options={policies}
        meta={fields.joinPolicy}
      />
      <fieldset aria-describedby={fields.chains.errors?.length ? fields.chains.errorId : undefined}>
        <legend className={labelClass}>{t("allianceAdmin.field.chains")}</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {chains.map((chain) => (
            <label key={chain.slug} className="flex items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                name={fields.chains.name}
                value={chain.slug}
                defaultChecked={ticked.has(chain.slug)}
                className="size-4 rounded border-slate-300 text-teal-700 focus-visible:outline-2 focus-visible:outline-teal-600"
              />
              {pick(locale, chain.nameZh, chain.nameEn)}
            </label>
          ))}
        </div>
        <ErrorList id={fields.chains.errorId} errors={fields.chains.errors} />
      </fieldset>
      {mode === "create" && (
        <Field
          label={t("allianceAdmin.field.chairEmail")}
          hint={t("allianceAdmin.field.chairEmailHint")}
          inputProps={getInputProps(fields.chairEmail, { type: "email" })}
          meta={fields.chairEmail}
        />
      )}
      <div className="flex items-center gap-4">
        <SubmitButton pending={pending}>
          {t(mode === "create" ? "allianceAdmin.new.submit" : "allianceAdmin.settings.submit")}
        </SubmitButton>
        <Link to={cancelTo} className="text-sm text-teal-700 underline hover:text-teal-900">
          {t("allianceAdmin.cancel")}
        </Link>
      </div>
    </Form>
  );
}
