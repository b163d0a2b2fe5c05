import { Link } from "@remix-run/react";
import { useState, type KeyboardEvent } from "react";
import { focusRing } from "~/components/layout/nav-items";
import { useLocale, useT } from "~/i18n/use-t";
import type { MessageView } from "~/realtime/protocol";
import { BODY_MAX } from "~/validation/channel-message";
import { errorText } from "./error-text";
import { deleteMessage, editMessage, type RequestError } from "./message-requests";
import { clockTime, fullTime } from "./message-time";
import { ReportForm } from "./report-form";

/**
 * A message's rendered Markdown, compact for chat. The HTML comes from the server's renderer
 * (app/markdown/render.server.ts) through the messages model and nothing else: that renderer escapes
 * raw HTML and filters links and attributes, which is the only reason inserting it is safe.
 */
const bodyClass = [
  "min-w-0 break-words text-[15px] leading-6 text-slate-800",
  "[&>*+*]:mt-2 [&_li+li]:mt-0.5 [&_ul]:list-disc [&_ul]:pl-5 [&_ol]:list-decimal [&_ol]:pl-5",
  "[&_h3]:font-semibold [&_h4]:font-semibold [&_h5]:font-semibold [&_h6]:font-semibold",
  "[&_a]:text-teal-700 [&_a]:underline [&_a]:underline-offset-2 [&_a:hover]:text-teal-900",
  "[&_blockquote]:border-l-4 [&_blockquote]:border-slate-200 [&_blockquote]:pl-3 [&_blockquote]:text-slate-600",
  "[&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.9em]",
  "[&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-slate-900 [&_pre]:p-3 [&_pre]:text-sm",
  "[&_pre]:text-slate-100 [&_pre_code]:bg-transparent [&_pre_code]:p-0 [&_pre_code]:text-inherit",
  "[&_table]:block [&_table]:max-w-full [&_table]:overflow-x-auto [&_table]:text-sm",
  "[&_th]:border [&_th]:border-slate-300 [&_th]:px-2 [&_td]:border [&_td]:border-slate-300 [&_td]:px-2",
  "[&_.mention]:rounded [&_.mention]:bg-teal-50 [&_.mention]:px-0.5 [&_.mention]:font-semibold [&_.mention]:text-teal-800",
].join(" ");

export type MessageRights = {
  viewerId: string;
  /** Reply (and post): the channel is writable for the viewer. */
  post: boolean;
  report: boolean;
  /** Delete anyone's message. */
  moderate: boolean;
};

type Props = {
  message: MessageView;
  channelId: string;
  rights: MessageRights;
  /** Same author as the message before, a moment earlier: the name and time are left out. */
  grouped: boolean;
  highlighted: boolean;
  onReply(message: MessageView): void;
  /** The server's view after an edit or delete (also arrives live; the list replaces by id). */
  onChanged(message: MessageView): void;
  /** The Markdown source of an own message whose live copy came without it. */
  loadSource(message: MessageView): Promise<string | null>;
  onQuote(messageId: string): boolean;
};

export function MessageItem({
  message,
  channelId,
  rights,
  grouped,
  highlighted,
  onReply,
  onChanged,
  loadSource,
  onQuote,
}: Props) {
  const t = useT();
  const locale = useLocale();
  const [mode, setMode] = useState<"view" | "edit" | "confirmDelete" | "report">("view");
  const [draft, setDraft] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RequestError | null>(null);
  const mine = message.author.id === rights.viewerId;
  const visible = message.state === "visible";
  const mentionsMe = visible && message.mentions.includes(rights.viewerId);
  const canEdit = mine && visible && rights.post;
  const canDelete = message.state !== "deleted" && ((mine && rights.post) || rights.moderate);
  const canReply = visible && rights.post;
  const canReport = visible && !mine && rights.report;

  const startEdit = async () => {
    setError(null);
    const source = message.body ?? (await loadSource(message));
    if (source === null) return setError({ code: "internal", message: "" });
    setDraft(source);
    setMode("edit");
  };
  const saveEdit = async () => {
    if (busy) return;
    if (draft.trim() === "" || draft.length > BODY_MAX) return setError({ code: "bad_request", message: "" });
    setBusy(true);
    const result = await editMessage({ messageId: message.id, body: draft });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    setMode("view");
    onChanged(result.message);
  };
  const confirmDelete = async () => {
    if (busy) return;
    setBusy(true);
    const result = await deleteMessage({ messageId: message.id });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    setMode("view");
    onChanged(result.message);
  };
  const editKeys = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Escape") {
      setMode("view");
      setError(null);
    } else if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void saveEdit();
    }
  };

  const action = `rounded px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 ${focusRing}`;
  return (
    <li
      id={`message-${message.id}`}
      data-message-id={message.id}
      data-seq={message.seq}
      data-state={message.state}
      data-mine={mine || undefined}
      aria-current={highlighted ? "true" : undefined}
      className={`group relative px-4 ${grouped ? "py-0.5" : "pt-2 pb-0.5"} ${
        highlighted
          ? "bg-amber-100/70 ring-2 ring-amber-300 ring-inset"
          : mentionsMe
            ? "border-l-4 border-amber-400 bg-amber-50/70"
            : "hover:bg-slate-50"
      }`}
    >
      {grouped ? (
        <span className="sr-only">
          {message.author.name} {clockTime(locale, message.createdAt)}
        </span>
      ) : (
        <div className="flex items-baseline gap-2">
          <span className="font-semibold text-slate-900">{message.author.name}</span>
          <time
            dateTime={message.createdAt}
            title={fullTime(locale, message.createdAt)}
            className="text-xs text-slate-500"
          >
            {clockTime(locale, message.createdAt)}
          </time>
          {mentionsMe && (
            <span className="rounded bg-amber-200 px-1.5 text-[11px] font-semibold text-amber-900">
              {t("channel.message.mentionsYou")}
            </span>
          )}
        </div>
      )}
      {message.replyTo && visible && (
        <Link
          to={`/channels/${channelId}?message=${message.replyTo.id}`}
          onClick={(event) => {
            if (message.replyTo && onQuote(message.replyTo.id)) event.preventDefault();
          }}
          aria-label={t("channel.message.quoteLabel", { name: message.replyTo.authorName })}
          className={`mt-1 flex max-w-full items-baseline gap-2 rounded border-l-4 border-slate-300 bg-slate-100/80 px-2 py-1 text-sm text-slate-600 hover:border-teal-600 ${focusRing}`}
          data-quote={message.replyTo.id}
        >
          <span className="shrink-0 font-semibold text-slate-700">{message.replyTo.authorName}</span>
          <span className="truncate">
            {message.replyTo.excerpt || (
              <em className="text-slate-500">{t("channel.message.quoteRemoved")}</em>
            )}
          </span>
        </Link>
      )}
      {mode === "edit" ? (
        <div className="mt-1">
          <label htmlFor={`edit-${message.id}`} className="sr-only">
            {t("channel.message.editLabel")}
          </label>
          <textarea
            id={`edit-${message.id}`}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={editKeys}
            rows={Math.min(8, Math.max(2, draft.split("\n").length))}
            // Opened by the user's own click on "edit": the field they asked for takes the focus.
            autoFocus
            className="block w-full resize-y rounded-md border border-slate-300 px-3 py-2 text-[15px] leading-6 shadow-sm focus:border-teal-600 focus:outline-none focus:ring-1 focus:ring-teal-600"
          />
          <div className="mt-1 flex items-center gap-2">
            <button
              type="button"
              onClick={() => void saveEdit()}
              aria-busy={busy || undefined}
              className={`rounded-md bg-teal-700 px-3 py-1 text-xs font-semibold text-white hover:bg-teal-800 ${focusRing}`}
            >
              {t("channel.message.save")}
            </button>
            <button
              type="button"
              onClick={() => {
                setMode("view");
                setError(null);
              }}
              className={action}
            >
              {t("channel.message.cancel")}
            </button>
          </div>
        </div>
      ) : message.state === "deleted" ? (
        <p className="text-sm italic text-slate-500">{t("channel.message.deleted")}</p>
      ) : message.state === "hidden" ? (
        <p className="text-sm italic text-slate-500">
          {message.hiddenReason
            ? t("channel.message.hidden", { reason: message.hiddenReason })
            : t("channel.message.hiddenNoReason")}
        </p>
      ) : (
        <div className={message.replyTo ? "mt-1" : undefined}>
          <div
            className={bodyClass}
            // Safe only because bodyHtml comes from the server's Markdown renderer; see bodyClass.
            dangerouslySetInnerHTML={{ __html: message.bodyHtml }}
          />
          {message.editedAt && (
            <span className="text-xs text-slate-500" title={fullTime(locale, message.editedAt)}>
              {t("channel.message.edited")}
            </span>
          )}
        </div>
      )}
      {mode === "confirmDelete" && (
        <div role="group" className="mt-1 flex flex-wrap items-center gap-2 text-sm">
          <span className="text-slate-700">{t("channel.message.deleteConfirm")}</span>
          <button
            type="button"
            onClick={() => void confirmDelete()}
            aria-busy={busy || undefined}
            className={`rounded-md bg-red-700 px-3 py-1 text-xs font-semibold text-white hover:bg-red-800 ${focusRing}`}
          >
            {t("channel.message.deleteYes")}
          </button>
          <button type="button" onClick={() => setMode("view")} className={action}>
            {t("channel.message.cancel")}
          </button>
        </div>
      )}
      {mode === "report" && (
        <ReportForm channelId={channelId} messageId={message.id} onClose={() => setMode("view")} />
      )}
      {error && (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {errorText(t, error)}
        </p>
      )}
      {mode === "view" && (canReply || canEdit || canDelete || canReport) && (
        <div
          role="group"
          aria-label={t("channel.message.actions", { name: message.author.name })}
          className="absolute -top-3 right-4 flex gap-0.5 rounded-md border border-slate-200 bg-white p-0.5 opacity-0 shadow-sm group-hover:opacity-100 focus-within:opacity-100"
        >
          {canReply && (
            <button type="button" className={action} onClick={() => onReply(message)}>
              {t("channel.message.reply")}
            </button>
          )}
          {canEdit && (
            <button type="button" className={action} onClick={() => void startEdit()}>
              {t("channel.message.edit")}
            </button>
          )}
          {canDelete && (
            <button
              type="button"
              className={`${action} hover:text-red-700`}
              onClick={() => {
                setError(null);
                setMode("confirmDelete");
              }}
            >
              {t("channel.message.delete")}
            </button>
          )}
          {canReport && (
            <button type="button" className={action} onClick={() => setMode("report")}>
              {t("channel.message.report")}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
