import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { useRef } from "react";
import { FormErrors } from "~/components/form/form-errors";
import { SubmitButton } from "~/components/form/submit-button";
import { TextareaField } from "~/components/form/textarea-field";
import type { MessageKey } from "~/i18n/dictionary";
import { useT } from "~/i18n/use-t";
import { suspensionSchema, SUSPENSION_REASON_MAX } from "~/validation/admin";

/** What /admin/users answers a suspension or reinstatement with; `userId` ties it to its row. */
export type SuspensionReply = {
  userId: string;
  intent: "suspend" | "reinstate" | null;
  result: SubmissionResult<string[]>;
  /** Why the account could not be changed (it is oneself, an admin, or gone): shown above the list. */
  refusal?: MessageKey;
  done?: { intent: "suspend" | "reinstate"; name: string };
};

type Props = { user: { id: string; displayName: string }; reply: SuspensionReply | undefined };

function usePending(userId: string, intent: string) {
  const navigation = useNavigation();
  return (
    navigation.state === "submitting" &&
    navigation.formData?.get("intent") === intent &&
    navigation.formData.get("userId") === userId
  );
}

function useSuspensionForm(id: string, intent: "suspend" | "reinstate", { user, reply }: Props) {
  return useForm({
    id: `${intent}-${id}`,
    lastResult: reply?.userId === user.id && reply.intent === intent ? reply.result : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: suspensionSchema }),
  });
}

/**
 * A disclosure is the confirmation step (it works without JavaScript); a refused submission comes back
 * open, with its messages and the reason as typed.
 */
export function SuspendForm(props: Props) {
  const { user } = props;
  const t = useT();
  const details = useRef<HTMLDetailsElement>(null);
  const [form, fields] = useSuspensionForm(user.id, "suspend", props);
  const refused = Boolean(form.errors?.length || fields.reason.errors?.length);
  return (
    <details ref={details} open={refused || undefined} className="group">
      <summary className="cursor-pointer list-none text-sm font-semibold text-red-700 underline hover:text-red-900">
        {t("adminTools.users.suspend")}
        <span className="sr-only">: {user.displayName}</span>
      </summary>
      <Form
        method="post"
        preventScrollReset
        {...getFormProps(form)}
        aria-label={t("adminTools.users.suspendLabel", { name: user.displayName })}
        className="mt-2 space-y-3 rounded-md border border-red-200 bg-red-50 p-3"
      >
        <input type="hidden" name="intent" value="suspend" />
        <input type="hidden" name="userId" value={user.id} />
        <p className="text-sm text-red-900">
          {t("adminTools.users.suspendConfirm", { name: user.displayName })}
        </p>
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextareaField
          label={t("adminTools.users.reason")}
          textareaProps={{ ...getTextareaProps(fields.reason), rows: 2, maxLength: SUSPENSION_REASON_MAX }}
          meta={fields.reason}
        />
        <div className="flex items-center gap-3">
          <SubmitButton variant="danger" pending={usePending(user.id, "suspend")}>
            {t("adminTools.users.suspendSubmit")}
          </SubmitButton>
          <button
            type="button"
            onClick={() => details.current?.removeAttribute("open")}
            className="text-sm text-slate-600 underline"
          >
            {t("adminTools.users.cancel")}
          </button>
        </div>
      </Form>
    </details>
  );
}

export function ReinstateForm(props: Props) {
  const { user } = props;
  const t = useT();
  const [form, fields] = useSuspensionForm(user.id, "reinstate", props);
  return (
    <Form
      method="post"
      preventScrollReset
      {...getFormProps(form)}
      aria-label={t("adminTools.users.reinstateLabel", { name: user.displayName })}
      className="space-y-2"
    >
      <input type="hidden" name="intent" value="reinstate" />
      <input type="hidden" name="userId" value={user.id} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextareaField
        label={t("adminTools.users.reinstateReason")}
        textareaProps={{ ...getTextareaProps(fields.reason), rows: 1, maxLength: SUSPENSION_REASON_MAX }}
        meta={fields.reason}
      />
      <SubmitButton variant="secondary" pending={usePending(user.id, "reinstate")}>
        {t("adminTools.users.reinstate")}
      </SubmitButton>
    </Form>
  );
}
