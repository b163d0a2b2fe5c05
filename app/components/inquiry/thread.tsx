import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { FormErrors } from "~/components/form/form-errors";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import { TextareaField } from "~/components/form/textarea-field";
import { MarkdownEditor } from "~/components/markdown/markdown-editor";
import { MarkdownView } from "~/components/markdown/markdown-view";
import { formatMoment } from "~/components/org/format";
import { useLocale, useT } from "~/i18n/use-t";
import { inquiryDecisionSchema, inquiryMessageSchema } from "~/validation/inquiry";

type Message = { id: number; authorName: string; provider: boolean; html: string; createdAt: Date | string };

/** The thread after the question, oldest first; each message says which side wrote it. */
export function InquiryMessages({ messages }: { messages: Message[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="inquiry-messages" className="mt-8">
      <h2 id="inquiry-messages" className="text-lg font-semibold text-slate-900">
        {t("inquiry.thread.messages")}
      </h2>
      {messages.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("inquiry.thread.empty")}</p>
      ) : (
        <ol className="mt-3 space-y-4" data-inquiry-messages>
          {messages.map((message) => (
            <li
              key={message.id}
              className={`rounded-xl border p-4 ${message.provider ? "border-teal-200 bg-teal-50/40" : "border-slate-200 bg-white"}`}
            >
              <p className="text-xs text-slate-500">
                <span className="font-medium text-slate-800">{message.authorName}</span> (
                {t(message.provider ? "inquiry.thread.byProvider" : "inquiry.thread.byAsker")}) ·{" "}
                {formatMoment(locale, new Date(message.createdAt))}
              </p>
              <MarkdownView html={message.html} className="mt-2" />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** A reply from either side; a rejected one comes back with its text. */
export function InquiryReplyForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const t = useT();
  const pending = useIsPending({ intent: "message" });
  const [form, fields] = useForm({
    id: "inquiry-reply",
    lastResult,
    constraint: getZodConstraint(inquiryMessageSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inquiryMessageSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4">
      <FormErrors id={form.errorId} errors={form.errors} />
      <MarkdownEditor
        label={t("inquiry.thread.reply")}
        textareaProps={getTextareaProps(fields.body)}
        meta={fields.body}
      />
      <SubmitButton name="intent" value="message" pending={pending}>
        {t("inquiry.thread.replySubmit")}
      </SubmitButton>
    </Form>
  );
}

/** The provider accepts or declines, the asker withdraws; an optional note goes with it. */
export function InquiryDecisionForm({
  provider,
  lastResult,
}: {
  provider: boolean;
  lastResult?: SubmissionResult<string[]>;
}) {
  const t = useT();
  const pending = {
    accept: useIsPending({ intent: "accept" }),
    decline: useIsPending({ intent: "decline" }),
    withdraw: useIsPending({ intent: "withdraw" }),
  };
  const [form, fields] = useForm({
    id: "inquiry-decide",
    lastResult,
    constraint: getZodConstraint(inquiryDecisionSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inquiryDecisionSchema }),
  });
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      className="mt-6 space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4"
    >
      <h2 className="text-base font-semibold text-slate-900">
        {t(provider ? "inquiry.thread.decide" : "inquiry.thread.withdraw")}
      </h2>
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextareaField
        label={t("inquiry.thread.note")}
        hint={t("inquiry.thread.noteHint")}
        textareaProps={{ ...getTextareaProps(fields.note), rows: 2 }}
        meta={fields.note}
      />
      <div className="flex flex-wrap gap-3">
        {provider ? (
          <>
            <SubmitButton name="intent" value="accept" pending={pending.accept}>
              {t("inquiry.thread.accept")}
            </SubmitButton>
            <SubmitButton name="intent" value="decline" variant="secondary" pending={pending.decline}>
              {t("inquiry.thread.decline")}
            </SubmitButton>
          </>
        ) : (
          <SubmitButton name="intent" value="withdraw" variant="secondary" pending={pending.withdraw}>
            {t("inquiry.thread.withdraw")}
          </SubmitButton>
        )}
      </div>
    </Form>
  );
}
