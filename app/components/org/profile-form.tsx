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
import { Field } from "~/components/form/field";
import { FormErrors } from "~/components/form/form-errors";
import { SelectField } from "~/components/form/select-field";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import { useT } from "~/i18n/use-t";
import type { NodeChoiceGroup, OrgEditValues } from "~/models/org-edit.server";
import { DESCRIPTION_MAX, orgCreateSchema, orgKinds, orgProfileSchema } from "~/validation/organization";
import { PositionsPicker } from "./positions-picker";

type ListField = { name: string; initialValue?: unknown; errors?: string[]; errorId: string };
const pickerField = (field: ListField): ListField => ({
  name: field.name,
  initialValue: field.initialValue,
  errors: field.errors,
  errorId: field.errorId,
});

type Props = {
  /** The organization being edited; without it the form registers a new one. */
  orgId?: string;
  defaults: Partial<OrgEditValues>;
  /** The nodes to pick positions from; only editing shows them, a new organization has none yet. */
  groups?: NodeChoiceGroup[];
  lastResult?: SubmissionResult<string[]>;
};

export function OrgProfileForm({ orgId, defaults, groups, lastResult }: Props) {
  const t = useT();
  const pending = useIsPending();
  const schema = orgId ? orgProfileSchema : orgCreateSchema;
  const [form, fields] = useForm({
    id: orgId ? "org-profile" : "org-create",
    lastResult,
    defaultValue: defaults,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const kinds = orgKinds.map((kind) => ({ value: kind, label: t(`org.kind.${kind}`) }));

  return (
    <Form method="post" {...getFormProps(form)} className="mt-8 space-y-8">
      <FormErrors id={form.errorId} errors={form.errors} />
      <section aria-labelledby="org-edit-profile" className="space-y-5">
        <h2 id="org-edit-profile" className="text-lg font-semibold text-slate-900">
          {t("org.edit.profile")}
        </h2>
        <div className="grid gap-5 sm:grid-cols-2">
          <BilingualNameFields
            zh={fields.nameZh}
            en={fields.nameEn}
            labels={{ zh: t("org.field.nameZh"), en: t("org.field.nameEn") }}
          />
          <SelectField
            label={t("org.field.kind")}
            selectProps={getSelectProps(fields.kind)}
            options={kinds}
            meta={fields.kind}
          />
          <Field
            label={t("org.field.city")}
            inputProps={getInputProps(fields.city, { type: "text" })}
            meta={fields.city}
          />
        </div>
        <Field
          label={t("org.field.website")}
          hint={t("org.field.websiteHint")}
          inputProps={{ ...getInputProps(fields.website, { type: "url" }), placeholder: "https://" }}
          meta={fields.website}
        />
        <BilingualTextareaFields
          zh={fields.descriptionZh}
          en={fields.descriptionEn}
          labels={{ zh: t("org.field.descriptionZh"), en: t("org.field.descriptionEn") }}
          hint={t("org.field.descriptionHint", { max: DESCRIPTION_MAX })}
        />
      </section>
      {groups && (
        <section aria-labelledby="org-edit-positions" className="space-y-3">
          <h2 id="org-edit-positions" className="text-lg font-semibold text-slate-900">
            {t("org.edit.positions")}
          </h2>
          <p className="text-sm text-slate-600">{t("org.edit.positionsLead")}</p>
          <PositionsPicker
            groups={groups}
            supplies={pickerField(fields.supplies)}
            needs={pickerField(fields.needs)}
          />
        </section>
      )}
      <div className="flex items-center gap-4">
        <SubmitButton pending={pending}>{t(orgId ? "org.edit.submit" : "org.create.submit")}</SubmitButton>
        <Link
          to={orgId ? `/orgs/${orgId}` : "/orgs"}
          className="text-sm text-teal-700 underline hover:text-teal-900"
        >
          {t(orgId ? "org.edit.back" : "org.create.back")}
        </Link>
      </div>
    </Form>
  );
}
