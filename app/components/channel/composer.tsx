import { useRef, useState, type KeyboardEvent } from "react";
import { focusRing } from "~/components/layout/nav-items";
import { useT } from "~/i18n/use-t";
import type { MessageView } from "~/realtime/protocol";
import { BODY_MAX } from "~/validation/channel-message";
import { newClientKey } from "./client-key";
import { errorText } from "./error-text";
import { sendMessage, type RequestError } from "./message-requests";
import { useMentions } from "./use-mentions";

/** The counter appears this close to the limit. */
const COUNTER_FROM = BODY_MAX - 1_000;

export type ReplyTarget = { id: string; authorName: string; excerpt: string };

type Props = {
  channel: { id: string; name: string };
  /** The key of a send without JavaScript (the form posts it); with JavaScript each draft makes its own. */
  formKey: string;
  /** A send without JavaScript that the server refused: the text comes back with the reason. */
  refused: { body: string; error: RequestError } | null;
  replyTo: ReplyTarget | null;
  onCancelReply(): void;
  onSent(message: MessageView): void;
  /** Each keystroke that changes the draft (typing indicators listen). */
  onInput?(): void;
};

/**
 * Writing a message. With JavaScript it goes over the socket with a key made once per draft and waits
 * for the acknowledgement: on failure the text stays, the error shows, and sending again reuses the key
 * (a send whose acknowledgement was lost is not made twice). Without JavaScript the form posts to the
 * channel page, which sends and comes back. Enter sends, Shift+Enter starts a new line; `@` offers
 * the channel's members.
 */
export function Composer({ channel, formKey, refused, replyTo, onCancelReply, onSent, onInput }: Props) {
  const t = useT();
  const [text, setText] = useState(refused?.body ?? "");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<RequestError | null>(refused?.error ?? null);
  const clientKey = useRef<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const mentions = useMentions(channel.id, textarea, text, setText);
  const tooLong = text.length > BODY_MAX;
  const listId = `mentions-${channel.id}`;

  const send = async () => {
    if (sending || tooLong || text.trim() === "") return;
    clientKey.current ??= newClientKey();
    setSending(true);
    setError(null);
    const result = await sendMessage({
      channelId: channel.id,
      body: text,
      replyToId: replyTo?.id ?? null,
      clientKey: clientKey.current,
    });
    setSending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    clientKey.current = null;
    setText("");
    onCancelReply();
    onSent(result.message);
    textarea.current?.focus({ preventScroll: true });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (mentions.onKeyDown(event)) return;
    // An IME's Enter confirms the composition (Chinese input), it does not send.
    if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing || event.keyCode === 229)
      return;
    event.preventDefault();
    void send();
  };

  return (
    <form
      method="post"
      action={`/channels/${channel.id}`}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
      className="border-t border-slate-200 bg-white px-4 pb-4 pt-3"
      data-composer
    >
      <input type="hidden" name="intent" value="send" />
      <input type="hidden" name="clientKey" value={formKey} />
      {replyTo && (
        <div className="mb-2 flex items-start gap-2 rounded-md border-l-4 border-teal-600 bg-teal-50 px-3 py-2 text-sm">
          <input type="hidden" name="replyToId" value={replyTo.id} />
          <div className="min-w-0 flex-1">
            <p className="font-semibold text-teal-900">
              {t("channel.composer.replyingTo", { name: replyTo.authorName })}
            </p>
            <p className="truncate text-slate-700">{replyTo.excerpt}</p>
          </div>
          <button
            type="button"
            onClick={onCancelReply}
            aria-label={t("channel.composer.cancelReply")}
            title={t("channel.composer.cancelReply")}
            className={`rounded p-1 text-slate-500 hover:bg-teal-100 hover:text-slate-900 ${focusRing}`}
          >
            <svg
              aria-hidden="true"
              viewBox="0 0 16 16"
              className="size-4"
              stroke="currentColor"
              strokeWidth="1.8"
            >
              <path d="M4 4l8 8M12 4l-8 8" strokeLinecap="round" />
            </svg>
          </button>
        </div>
      )}
      <div className="relative">
        {mentions.open && (
          <ul
            id={listId}
            role="listbox"
            aria-label={t("channel.composer.mentions")}
            className="absolute bottom-full left-0 z-10 mb-1 max-h-64 w-72 max-w-full overflow-y-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg"
          >
            {mentions.items.map((item, index) => (
              <li
                key={item.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === mentions.active}
                // mousedown, not click: the textarea keeps its focus and caret.
                onMouseDown={(event) => {
                  event.preventDefault();
                  mentions.choose(index);
                }}
                className={`cursor-pointer px-3 py-1.5 text-sm ${
                  index === mentions.active ? "bg-teal-700 text-white" : "text-slate-800 hover:bg-slate-100"
                }`}
              >
                @{item.name}
              </li>
            ))}
          </ul>
        )}
        <label htmlFor={`composer-${channel.id}`} className="sr-only">
          {t("channel.composer.label", { name: channel.name })}
        </label>
        <div className="flex items-end gap-2">
          <textarea
            ref={textarea}
            id={`composer-${channel.id}`}
            name="body"
            rows={Math.min(8, Math.max(2, text.split("\n").length))}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              onInput?.();
            }}
            onKeyDown={onKeyDown}
            onKeyUp={(event) => {
              if (event.key.startsWith("Arrow") && !mentions.open) mentions.update();
            }}
            onInput={() => mentions.update()}
            onClick={() => mentions.update()}
            onBlur={() => mentions.close()}
            readOnly={sending}
            placeholder={t("channel.composer.placeholder", { name: channel.name })}
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={mentions.open}
            aria-controls={mentions.open ? listId : undefined}
            aria-activedescendant={mentions.open ? `${listId}-${mentions.active}` : undefined}
            aria-invalid={tooLong || error !== null || undefined}
            aria-describedby={`composer-status-${channel.id}`}
            className="block max-h-[40vh] min-h-[4.5rem] w-full flex-1 resize-none [field-sizing:content] rounded-md border border-slate-300 px-3 py-2 text-[15px] leading-6 shadow-sm placeholder:text-slate-400 focus:border-teal-600 focus:outline-none focus:ring-1 focus:ring-teal-600 aria-[invalid=true]:border-red-500"
          />
          <button
            type="submit"
            aria-busy={sending || undefined}
            aria-disabled={tooLong || undefined}
            className={`inline-flex shrink-0 items-center gap-2 rounded-md bg-teal-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-teal-800 aria-busy:opacity-70 aria-disabled:opacity-50 ${focusRing}`}
          >
            {sending && (
              <span
                aria-hidden="true"
                className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent"
              />
            )}
            {t("channel.composer.send")}
          </button>
        </div>
      </div>
      <div id={`composer-status-${channel.id}`} className="mt-1 flex min-h-5 items-start gap-3 text-sm">
        {tooLong ? (
          <p role="alert" className="flex-1 text-red-700">
            {t("channel.composer.tooLong", { max: BODY_MAX.toLocaleString("en") })}
          </p>
        ) : error ? (
          <p role="alert" className="flex-1 text-red-700" data-send-error={error.code}>
            {errorText(t, error)}
          </p>
        ) : (
          <span className="flex-1" />
        )}
        {text.length >= COUNTER_FROM && (
          <span
            data-counter
            className={`shrink-0 tabular-nums ${tooLong ? "font-semibold text-red-700" : "text-slate-500"}`}
          >
            {t("channel.composer.counter", {
              count: text.length.toLocaleString("en"),
              max: BODY_MAX.toLocaleString("en"),
            })}
          </span>
        )}
      </div>
    </form>
  );
}
