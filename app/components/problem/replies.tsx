import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormErrors } from "~/components/form/form-errors";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import { MarkdownEditor } from "~/components/markdown/markdown-editor";
import { MarkdownView } from "~/components/markdown/markdown-view";
import { formatMoment } from "~/components/org/format";
import { useLocale, useT } from "~/i18n/use-t";
import { problemReplySchema } from "~/validation/problem";

type Reply = {
  id: string;
  html: string | null;
  authorName: string;
  createdAt: Date | string;
  hiddenReason: string | null;
};

/**
 * The problem's replies, oldest first. A hidden reply keeps its place with the organizers' reason;
 * its text shows only to those who may still read it (the server sends it to no one else).
 */
export function ReplyList<R extends Reply>({
  replies,
  actions,
}: {
  replies: R[];
  /** Report and moderation controls for one reply. */
  actions?: (reply: R) => ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="replies" className="mt-10">
      <h2 id="replies" className="text-lg font-semibold text-slate-900">
        {t("problem.replies.title")}
      </h2>
      {replies.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("problem.replies.empty")}</p>
      ) : (
        <ol className="mt-3 space-y-4">
          {replies.map((reply) => (
            <li key={reply.id} className="rounded-xl border border-slate-200 bg-white p-4">
              <p className="text-xs text-slate-500">
                <span className="font-medium text-slate-800">{reply.authorName}</span> ·{" "}
                {formatMoment(locale, new Date(reply.createdAt))}
              </p>
              {reply.hiddenReason !== null && (
                <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
                  {t(reply.html === null ? "problemCare.hidden.reply" : "problemCare.hidden.replyVisible", {
                    reason: reply.hiddenReason,
                  })}
                </p>
              )}
              {reply.html !== null && <MarkdownView html={reply.html} className="mt-2" />}
              {actions?.(reply)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Replying; a rejected reply comes back with its text. */
export function ReplyForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const t = useT();
  const pending = useIsPending({ intent: "reply" });
  const [form, fields] = useForm({
    id: "problem-reply",
    lastResult,
    constraint: getZodConstraint(problemReplySchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: problemReplySchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4">
      <FormErrors id={form.errorId} errors={form.errors} />
      <MarkdownEditor
        label={t("problem.reply.field")}
        textareaProps={getTextareaProps(fields.body)}
        meta={fields.body}
      />
      <SubmitButton name="intent" value="reply" pending={pending}>
        {t("problem.reply.submit")}
      </SubmitButton>
    </Form>
  );
}
