import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { FormErrors } from "~/components/form/form-errors";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import { TextareaField } from "~/components/form/textarea-field";
import { MarkdownView } from "~/components/markdown/markdown-view";
import { useLocale, useT } from "~/i18n/use-t";
import type { ModerationQueue, QueueMessage } from "~/models/channel-moderation.server";
import type { ModerationReply } from "~/routes/channels.$id_.moderation";
import { messageModerationSchema, MODERATION_REASON_MAX } from "~/validation/channel";

/** The moderation page's two lists: reported messages to decide, hidden ones to restore. */
export function ModerationQueueView({ queue, reply }: { queue: ModerationQueue; reply?: ModerationReply }) {
  const t = useT();
  return (
    <>
      <section aria-labelledby="reported-title" className="space-y-3">
        <h2 id="reported-title" className="text-xl font-semibold text-slate-900">
          {t("channelAdmin.moderation.reported", { count: queue.reported.length })}
        </h2>
        {queue.reported.length === 0 ? (
          <p className="text-sm text-slate-600">{t("channelAdmin.moderation.noReports")}</p>
        ) : (
          <ul className="space-y-4">
            {queue.reported.map((message) => (
              <li key={message.id}>
                <QueuedMessage message={message} reply={reply} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="hidden-title" className="space-y-3">
        <h2 id="hidden-title" className="text-xl font-semibold text-slate-900">
          {t("channelAdmin.moderation.hiddenTitle")}
        </h2>
        {queue.hidden.length === 0 ? (
          <p className="text-sm text-slate-600">{t("channelAdmin.moderation.noHidden")}</p>
        ) : (
          <ul className="space-y-4">
            {queue.hidden.map((message) => (
              <li key={message.id}>
                <QueuedMessage message={message} reply={reply} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function QueuedMessage({ message, reply }: { message: QueueMessage; reply?: ModerationReply }) {
  const t = useT();
  const locale = useLocale();
  const format = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Shanghai",
  });
  return (
    <article
      aria-label={t("channelAdmin.moderation.messageBy", { author: message.authorName })}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      data-message-id={message.id}
    >
      <p className="text-sm text-slate-500">
        <span className="font-medium text-slate-900">{message.authorName}</span> ·{" "}
        <time dateTime={message.createdAt}>{format.format(new Date(message.createdAt))}</time>
      </p>
      <MarkdownView html={message.bodyHtml} className="text-sm" />
      {message.hidden && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("channelAdmin.moderation.hiddenBecause", { reason: message.hiddenReason ?? "" })}
        </p>
      )}
      {message.reports.length > 0 && (
        <ul className="space-y-2 border-t border-slate-100 pt-3">
          {message.reports.map((report) => (
            <li key={report.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <span className="text-slate-700">
                {t("channelAdmin.moderation.reportBy", {
                  reporter: report.reporterName,
                  reason: report.reason,
                })}
              </span>
              <DismissForm reportId={report.id} reply={reply} />
            </li>
          ))}
        </ul>
      )}
      <DecisionForm messageId={message.id} hidden={message.hidden} reply={reply} />
    </article>
  );
}

function DismissForm({ reportId, reply }: { reportId: number; reply?: ModerationReply }) {
  const t = useT();
  const pending = useIsPending({ intent: "dismiss" });
  const errors = reply?.subject === String(reportId) ? reply.result.error?.[""] : undefined;
  return (
    <Form method="post" preventScrollReset>
      <FormErrors errors={errors} />
      <input type="hidden" name="reportId" value={reportId} />
      <SubmitButton name="intent" value="dismiss" variant="secondary" pending={pending}>
        {t("channelAdmin.moderation.dismiss")}
      </SubmitButton>
    </Form>
  );
}

/** Hide with a reason, or restore (a reason is optional then). */
function DecisionForm({
  messageId,
  hidden,
  reply,
}: {
  messageId: string;
  hidden: boolean;
  reply?: ModerationReply;
}) {
  const t = useT();
  const intent = hidden ? "restore" : "hide";
  const pending = useIsPending({ intent });
  const [form, fields] = useForm({
    id: `moderate-${messageId}`,
    lastResult: reply?.subject === messageId ? reply.result : undefined,
    constraint: getZodConstraint(messageModerationSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: messageModerationSchema }),
  });
  return (
    <Form
      method="post"
      preventScrollReset
      {...getFormProps(form)}
      className="space-y-3 border-t border-slate-100 pt-3"
    >
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="messageId" value={messageId} />
      <TextareaField
        label={t(hidden ? "channelAdmin.moderation.restoreReason" : "channelAdmin.moderation.reason")}
        hint={t("channelAdmin.moderation.reasonHint", { max: MODERATION_REASON_MAX })}
        textareaProps={{ ...getTextareaProps(fields.reason), rows: 2, maxLength: MODERATION_REASON_MAX }}
        meta={fields.reason}
      />
      <SubmitButton variant={hidden ? "secondary" : "danger"} pending={pending}>
        {t(hidden ? "channelAdmin.moderation.restore" : "channelAdmin.moderation.hide")}
      </SubmitButton>
    </Form>
  );
}
