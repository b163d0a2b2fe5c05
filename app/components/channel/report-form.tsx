import { useFetcher } from "@remix-run/react";
import { focusRing } from "~/components/layout/nav-items";
import { dictionaries, type MessageKey } from "~/i18n/dictionary";
import { defaultLocale } from "~/i18n/locales";
import { useT } from "~/i18n/use-t";

/** What the report route answers: conform's reply, whose errors are message keys. */
type ReportReply = { result?: { error?: Record<string, string[] | null> | null }; reported?: true };

/**
 * Reporting a message to the alliance's organizers, beside the message: a reason, posted with a
 * fetcher to the report route (channels.$id.report.tsx).
 */
export function ReportForm({
  channelId,
  messageId,
  onClose,
}: {
  channelId: string;
  messageId: string;
  onClose(): void;
}) {
  const t = useT();
  const fetcher = useFetcher<ReportReply>();
  const reply = fetcher.state === "idle" ? fetcher.data : undefined;
  const errors = Object.values(reply?.result?.error ?? {})
    .flat()
    .filter((key): key is MessageKey => typeof key === "string" && key in dictionaries[defaultLocale]);
  if (reply?.reported) {
    return (
      <p role="status" className="mt-1 text-sm text-teal-800">
        {t("channel.report.done")}{" "}
        <button type="button" onClick={onClose} className={`underline ${focusRing}`}>
          {t("channel.message.close")}
        </button>
      </p>
    );
  }
  return (
    <fetcher.Form
      method="post"
      action={`/channels/${channelId}/report`}
      className="mt-1 rounded-md border border-slate-200 bg-white p-3"
    >
      <input type="hidden" name="messageId" value={messageId} />
      <label htmlFor={`report-${messageId}`} className="block text-sm font-medium text-slate-800">
        {t("channel.report.label")}
      </label>
      <textarea
        id={`report-${messageId}`}
        name="reason"
        rows={2}
        required
        maxLength={500}
        className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-teal-600 focus:outline-none focus:ring-1 focus:ring-teal-600"
      />
      {errors.map((key) => (
        <p key={key} role="alert" className="mt-1 text-sm text-red-700">
          {t(key)}
        </p>
      ))}
      <div className="mt-2 flex gap-2">
        <button
          type="submit"
          aria-busy={fetcher.state !== "idle" || undefined}
          className={`rounded-md bg-teal-700 px-3 py-1 text-xs font-semibold text-white hover:bg-teal-800 ${focusRing}`}
        >
          {t("channel.report.submit")}
        </button>
        <button
          type="button"
          onClick={onClose}
          className={`rounded px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100 ${focusRing}`}
        >
          {t("channel.message.cancel")}
        </button>
      </div>
    </fetcher.Form>
  );
}
