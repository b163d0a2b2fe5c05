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
import { useMemo } from "react";
import { asList } from "~/components/form/as-list";
import { CheckboxGroup } from "~/components/form/checkbox-group";
import { Field } from "~/components/form/field";
import { FormErrors } from "~/components/form/form-errors";
import { NodeTicks } from "~/components/form/node-ticks";
import { SelectField } from "~/components/form/select-field";
import { SimilarProblems } from "./similar-problems";
import { DraftMatches } from "~/components/matching/draft-matches";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import { MarkdownEditor } from "~/components/markdown/markdown-editor";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { NodeChoiceGroup } from "~/models/org-edit.server";
import type { ProblemAlliance } from "~/models/problems.server";
import {
  problemSchema,
  problemUrgencies,
  problemVisibilities,
  TAG_MAX,
  TAGS_MAX,
  TITLE_MAX,
} from "~/validation/problem";

export type ProblemFormDefaults = {
  title?: string;
  body?: string;
  allianceId?: string;
  visibility: string;
  urgency: string;
  tags?: string;
  reward?: string;
  deadline?: string;
  nodeIds?: string[];
};

type Props = {
  alliances: ProblemAlliance[];
  groups: NodeChoiceGroup[];
  lastResult?: SubmissionResult<string[]>;
  /** Editing: the problem as it is, its form id, and the deadline it may keep though passed. */
  defaultValue?: ProblemFormDefaults;
  id?: string;
  keptDeadline?: string | null;
  submitLabel?: string;
  cancelTo?: string;
  /** The problem being edited, left out of the similar problems shown while the title is typed. */
  problemId?: string;
};

/**
 * Posting or editing a problem. Nodes are plain checkboxes grouped by chain, so the form works without
 * JavaScript.
 */
export function ProblemForm({
  alliances,
  groups,
  lastResult,
  defaultValue = { visibility: "public", urgency: "normal" },
  id = "problem-create",
  keptDeadline = null,
  submitLabel,
  cancelTo = "/problems",
  problemId,
}: Props) {
  const t = useT();
  const locale = useLocale();
  const pending = useIsPending();
  const schema = useMemo(() => problemSchema(keptDeadline), [keptDeadline]);
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const ticked = new Set(asList(fields.nodeIds.initialValue));

  return (
    <Form method="post" {...getFormProps(form)} className="mt-8 space-y-6">
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field
        label={t("problem.field.title")}
        inputProps={{ ...getInputProps(fields.title, { type: "text" }), maxLength: TITLE_MAX }}
        meta={fields.title}
      />
      <SimilarProblems title={fields.title.value ?? ""} exclude={problemId} />
      <MarkdownEditor
        label={t("problem.field.body")}
        textareaProps={getTextareaProps(fields.body)}
        meta={fields.body}
      />
      <div className="grid gap-5 sm:grid-cols-3">
        <SelectField
          label={t("problem.field.alliance")}
          selectProps={getSelectProps(fields.allianceId)}
          emptyOption={t("problem.field.allianceNone")}
          options={alliances.map((a) => ({ value: a.id, label: pick(locale, a.nameZh, a.nameEn) }))}
          meta={fields.allianceId}
        />
        <SelectField
          label={t("problem.field.visibility")}
          selectProps={getSelectProps(fields.visibility)}
          options={problemVisibilities.map((v) => ({ value: v, label: t(`problem.visibility.${v}`) }))}
          meta={fields.visibility}
        />
        <SelectField
          label={t("problem.field.urgency")}
          selectProps={getSelectProps(fields.urgency)}
          options={problemUrgencies.map((u) => ({ value: u, label: t(`problem.urgency.${u}`) }))}
          meta={fields.urgency}
        />
      </div>
      <Field
        label={t("problem.field.tags")}
        hint={t("problem.field.tagsHint", { max: TAGS_MAX, length: TAG_MAX })}
        inputProps={getInputProps(fields.tags, { type: "text" })}
        meta={fields.tags}
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field
          label={t("problem.field.reward")}
          hint={t("problem.field.rewardHint")}
          inputProps={getInputProps(fields.reward, { type: "text" })}
          meta={fields.reward}
        />
        <Field
          label={t("problem.field.deadline")}
          inputProps={getInputProps(fields.deadline, { type: "date" })}
          meta={fields.deadline}
        />
      </div>
      <CheckboxGroup
        className="space-y-3"
        legend={t("problem.field.nodes")}
        errorId={fields.nodeIds.errorId}
        errors={fields.nodeIds.errors}
      >
        <NodeTicks name={fields.nodeIds.name} groups={groups} ticked={ticked} />
      </CheckboxGroup>
      <DraftMatches
        draft={{
          title: fields.title.value ?? "",
          body: fields.body.value ?? "",
          tags: fields.tags.value ?? "",
          nodeIds: asList(fields.nodeIds.value),
        }}
      />
      <div className="flex items-center gap-4">
        <SubmitButton pending={pending}>{submitLabel ?? t("problem.new.submit")}</SubmitButton>
        <Link to={cancelTo} className="text-sm text-teal-700 underline hover:text-teal-900">
          {t("problem.new.cancel")}
        </Link>
      </div>
    </Form>
  );
}
