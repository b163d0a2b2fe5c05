import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { FormErrors } from "~/components/form/form-errors";
import { SubmitButton } from "~/components/form/submit-button";
import { TextareaField } from "~/components/form/textarea-field";
import { useT } from "~/i18n/use-t";
import type { QueueReply } from "~/models/report-queue-action.server";
import { decisionSchema, DECISION_REASON_MAX, type QueueSubjectType } from "~/validation/report-queue";

type Subject = { type: QueueSubjectType; id: string };

/** Whether this subject's form with `intent` is being submitted. */
function usePending(subject: Subject, intent: string) {
  const navigation = useNavigation();
  return (
    navigation.state === "submitting" &&
    navigation.formData?.get("intent") === intent &&
    navigation.formData.get("subjectId") === subject.id
  );
}

function SubjectFields({ subject, intent }: { subject: Subject; intent: string }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="subjectType" value={subject.type} />
      <input type="hidden" name="subjectId" value={subject.id} />
    </>
  );
}

/**
 * Hide with a reason, or restore a hidden subject (a reason is optional then). A plain form: without
 * JavaScript the page comes back with the messages and what was typed.
 */
export function HideOrRestoreForm({
  subject,
  hidden,
  reply,
}: {
  subject: Subject;
  hidden: boolean;
  reply?: QueueReply;
}) {
  const t = useT();
  const intent = hidden ? "restore" : "hide";
  const [form, fields] = useForm({
    id: `decide-${subject.type}-${subject.id}`,
    lastResult: reply?.subject === `${subject.type}:${subject.id}` ? reply.result : undefined,
    constraint: getZodConstraint(decisionSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: decisionSchema }),
  });
  return (
    <Form method="post" preventScrollReset {...getFormProps(form)} className="min-w-64 flex-1 space-y-3">
      {/* The hidden fields' errors come only from a tampered form; they are said with the form's own. */}
      <FormErrors
        id={form.errorId}
        errors={[...(form.errors ?? []), ...(fields.intent.errors ?? []), ...(fields.subjectId.errors ?? [])]}
      />
      <SubjectFields subject={subject} intent={intent} />
      <TextareaField
        label={t(hidden ? "reportQueue.form.restoreReason" : "reportQueue.form.reason")}
        hint={t("reportQueue.form.reasonHint", { max: DECISION_REASON_MAX })}
        textareaProps={{ ...getTextareaProps(fields.reason), rows: 2, maxLength: DECISION_REASON_MAX }}
        meta={fields.reason}
      />
      <SubmitButton variant={hidden ? "secondary" : "danger"} pending={usePending(subject, intent)}>
        {t(hidden ? "reportQueue.form.restore" : "reportQueue.form.hide")}
      </SubmitButton>
    </Form>
  );
}

/** Closes every open report about the subject without hiding it (nothing to type, nothing to get wrong). */
export function DismissForm({ subject }: { subject: Subject }) {
  const t = useT();
  return (
    <Form method="post" preventScrollReset>
      <SubjectFields subject={subject} intent="dismiss" />
      <SubmitButton variant="secondary" pending={usePending(subject, "dismiss")}>
        {t("reportQueue.form.dismiss")}
      </SubmitButton>
    </Form>
  );
}
