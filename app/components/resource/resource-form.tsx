import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { useEffect, useMemo, useState } from "react";
import { asList } from "~/components/form/as-list";
import { CheckboxGroup, Tick } from "~/components/form/checkbox-group";
import { Field } from "~/components/form/field";
import { FieldFrame, hintId } from "~/components/form/field-frame";
import { FormErrors } from "~/components/form/form-errors";
import { NodeTicks } from "~/components/form/node-ticks";
import { SelectField } from "~/components/form/select-field";
import { controlClass, describedBy } from "~/components/form/styles";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import { MarkdownEditor } from "~/components/markdown/markdown-editor";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { NodeChoiceGroup } from "~/models/org-edit.server";
import type { AllianceChoice, OrgChoice } from "~/models/resource-choices.server";
import {
  NODES_MAX,
  resourceKinds,
  resourceModes,
  resourceSchema,
  resourceTerms,
  resourceVisibilities,
  TAG_MAX,
  TAGS_MAX,
  TERMS_NOTE_MAX,
  TITLE_MAX,
} from "~/validation/resource";

export type ResourceFormDefaults = {
  kind?: string;
  title?: string;
  description?: string;
  orgId?: string;
  contactUserId?: string;
  nodeIds?: string[];
  tags?: string;
  visibility: string;
  allianceIds?: string[];
  terms?: string;
  modes?: string[];
  termsNote?: string;
  expiresOn: string;
};

type Props = {
  orgs: OrgChoice[];
  alliances: AllianceChoice[];
  groups: NodeChoiceGroup[];
  /** Today in China time, as the server counts it, so browser and server check the expiry alike. */
  today: string;
  lastResult?: SubmissionResult<string[]>;
  defaultValue: ResourceFormDefaults;
  id?: string;
  /** Editing: the expiry day it has, which it may keep though passed. */
  keptExpiry?: string | null;
  submitLabel: string;
  cancelTo: string;
};

/**
 * Sharing or editing a resource. Nodes, alliances and modes are plain checkboxes, so the form works
 * without JavaScript; with it, the contact list follows the chosen organization.
 */
export function ResourceForm({
  orgs,
  alliances,
  groups,
  today,
  lastResult,
  defaultValue,
  id = "resource-create",
  keptExpiry = null,
  submitLabel,
  cancelTo,
}: Props) {
  const t = useT();
  const locale = useLocale();
  const pending = useIsPending();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const schema = useMemo(() => resourceSchema(keptExpiry, today), [keptExpiry, today]);
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const nodes = new Set(asList(fields.nodeIds.initialValue));
  const shared = new Set(asList(fields.allianceIds.initialValue));
  const modes = new Set(asList(fields.modes.initialValue));
  const chosenOrg = orgs.find((o) => o.id === (fields.orgId.value ?? fields.orgId.initialValue));
  // Before hydration every organization's representatives are offered, grouped: without JavaScript the
  // list cannot follow the organization chosen, and the server checks the pair.
  const contactGroups = hydrated && chosenOrg ? [chosenOrg] : orgs;
  const { key: contactKey, ...contactProps } = getSelectProps(fields.contactUserId);

  return (
    <Form method="post" {...getFormProps(form)} className="mt-8 space-y-6">
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="grid gap-5 sm:grid-cols-3">
        <SelectField
          label={t("resource.field.kind")}
          selectProps={getSelectProps(fields.kind)}
          options={resourceKinds.map((k) => ({ value: k, label: t(`resource.kind.${k}`) }))}
          meta={fields.kind}
        />
        <Field
          className="sm:col-span-2"
          label={t("resource.field.title")}
          inputProps={{ ...getInputProps(fields.title, { type: "text" }), maxLength: TITLE_MAX }}
          meta={fields.title}
        />
      </div>
      <MarkdownEditor
        label={t("resource.field.description")}
        textareaProps={getTextareaProps(fields.description)}
        meta={fields.description}
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField
          label={t("resource.field.org")}
          hint={t("resource.field.orgHint")}
          selectProps={getSelectProps(fields.orgId)}
          options={orgs.map((o) => ({ value: o.id, label: pick(locale, o.nameZh, o.nameEn) }))}
          meta={fields.orgId}
        />
        <FieldFrame
          controlId={contactProps.id}
          label={t("resource.field.contact")}
          hint={t("resource.field.contactHint")}
          meta={fields.contactUserId}
        >
          <select
            key={contactKey}
            {...contactProps}
            aria-describedby={describedBy(contactProps["aria-describedby"], hintId(contactProps.id))}
            className={controlClass}
          >
            {contactGroups.length === 1
              ? contactGroups[0].contacts.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))
              : contactGroups.map((o) => (
                  <optgroup key={o.id} label={pick(locale, o.nameZh, o.nameEn)}>
                    {o.contacts.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
          </select>
        </FieldFrame>
      </div>
      <CheckboxGroup
        legend={t("resource.field.nodes")}
        hint={t("resource.field.nodesHint", { max: NODES_MAX })}
        errorId={fields.nodeIds.errorId}
        errors={fields.nodeIds.errors}
      >
        <NodeTicks name={fields.nodeIds.name} groups={groups} ticked={nodes} />
      </CheckboxGroup>
      <Field
        label={t("resource.field.tags")}
        hint={t("resource.field.tagsHint", { max: TAGS_MAX, length: TAG_MAX })}
        inputProps={getInputProps(fields.tags, { type: "text" })}
        meta={fields.tags}
      />
      <SelectField
        label={t("resource.field.visibility")}
        selectProps={getSelectProps(fields.visibility)}
        options={resourceVisibilities.map((v) => ({ value: v, label: t(`resource.visibility.${v}`) }))}
        meta={fields.visibility}
      />
      <CheckboxGroup
        legend={t("resource.field.alliances")}
        hint={t(alliances.length > 0 ? "resource.field.alliancesHint" : "resource.field.alliancesNone")}
        errorId={fields.allianceIds.errorId}
        errors={fields.allianceIds.errors}
      >
        <div className="grid gap-1 sm:grid-cols-2">
          {alliances.map((a) => (
            <Tick
              key={a.id}
              name={fields.allianceIds.name}
              value={a.id}
              checked={shared.has(a.id)}
              label={pick(locale, a.nameZh, a.nameEn)}
            />
          ))}
        </div>
      </CheckboxGroup>
      <div className="grid gap-5 sm:grid-cols-[1fr_2fr]">
        <SelectField
          label={t("resource.field.terms")}
          selectProps={getSelectProps(fields.terms)}
          options={resourceTerms.map((v) => ({ value: v, label: t(`resource.terms.${v}`) }))}
          meta={fields.terms}
        />
        <CheckboxGroup
          legend={t("resource.field.modes")}
          hint={t("resource.field.modesHint")}
          errorId={fields.modes.errorId}
          errors={fields.modes.errors}
        >
          <div className="grid gap-1 sm:grid-cols-2">
            {resourceModes.map((mode) => (
              <Tick
                key={mode}
                name={fields.modes.name}
                value={mode}
                checked={modes.has(mode)}
                label={t(`resource.mode.${mode}`)}
              />
            ))}
          </div>
        </CheckboxGroup>
      </div>
      <Field
        label={t("resource.field.termsNote")}
        hint={t("resource.field.termsNoteHint", { max: TERMS_NOTE_MAX })}
        inputProps={{ ...getInputProps(fields.termsNote, { type: "text" }), maxLength: TERMS_NOTE_MAX }}
        meta={fields.termsNote}
      />
      <Field
        className="sm:w-1/3"
        label={t("resource.field.expiresOn")}
        hint={t("resource.field.expiresOnHint")}
        inputProps={getInputProps(fields.expiresOn, { type: "date" })}
        meta={fields.expiresOn}
      />
      <div className="flex items-center gap-4">
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
        <Link to={cancelTo} className="text-sm text-teal-700 underline hover:text-teal-900">
          {t("resource.new.cancel")}
        </Link>
      </div>
    </Form>
  );
}
