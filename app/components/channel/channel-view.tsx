import { useCallback, useEffect, useRef, useState } from "react";
import { useT } from "~/i18n/use-t";
import type { MessageView } from "~/realtime/protocol";
import { Composer, type ReplyTarget } from "./composer";
import type { RequestError } from "./message-requests";
import type { MessageRights } from "./message-item";
import { MessageList } from "./message-list";
import { useChannelMessages, type MessagePage } from "./use-channel-messages";
import { useBrowserLayoutEffect } from "./use-layout-effect";
import { useMarkRead } from "./use-mark-read";
import { useScrollKeeper } from "./use-scroll-keeper";

const EXCERPT_MAX = 140;

type Props = {
  channel: { id: string; name: string; lastReadSeq: number; post: boolean; archived: boolean };
  page: MessagePage;
  firstUnreadSeq: number | null;
  highlightId: string | null;
  live: { topic: string; after: number };
  rights: MessageRights;
  formKey: string;
  /** A send without JavaScript that the server refused: its text and why. */
  refused: { body: string; error: RequestError } | null;
  /** Below the messages, above the composer (who is typing). */
  children?: React.ReactNode;
  onInput?(): void;
};

/** The plain text of a message's HTML for the reply quote; DOMParser loads nothing it parses. */
function excerpt(html: string): string {
  const text = (new DOMParser().parseFromString(html, "text/html").body.textContent ?? "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > EXCERPT_MAX ? `${text.slice(0, EXCERPT_MAX - 1)}…` : text;
}

/**
 * Scrolls only the message list (scrollIntoView would scroll the window too, taking the site header
 * and the channel's own header out of view).
 */
function reveal(scroller: HTMLElement, target: Element, align: "start" | "center", smooth: boolean) {
  const view = scroller.getBoundingClientRect();
  const box = target.getBoundingClientRect();
  const offset = align === "start" ? 16 : (view.height - box.height) / 2;
  const top = scroller.scrollTop + box.top - view.top - Math.max(offset, 0);
  // Gliding is for short distances: across hundreds of messages it only makes the reader wait.
  const near = Math.abs(top - scroller.scrollTop) < 2 * view.height;
  scroller.scrollTo({ top, behavior: smooth && near ? "smooth" : "instant" });
}

/**
 * A channel's messages and composer. Opens at the linked message, else at the "new messages" line,
 * else at the end; keeps the reader's place while history loads above; follows the end while the
 * reader is there; marks messages read as they come into view in a focused tab.
 */
export function ChannelView(props: Props) {
  const { channel, live, rights } = props;
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const capture = useRef<() => void>(() => {});
  const messages = useChannelMessages(channel.id, props.page, live, () => capture.current());
  const keeper = useScrollKeeper(scroller, !messages.hasNewer);
  capture.current = keeper.capture;
  const checkRead = useMarkRead(channel.id, channel.lastReadSeq, scroller);
  const [replyTo, setReplyTo] = useState<ReplyTarget | null>(null);
  const [highlightId, setHighlightId] = useState(props.highlightId);
  const [place, setPlace] = useState({ unreadOffscreen: false, awayFromEnd: false });

  const locate = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    const divider = element.querySelector("[data-unread-divider]");
    const view = element.getBoundingClientRect();
    let unreadOffscreen = false;
    if (divider) {
      const box = divider.getBoundingClientRect();
      unreadOffscreen = box.bottom < view.top || box.top > view.bottom;
    }
    const awayFromEnd =
      messages.hasNewer || element.scrollHeight - element.scrollTop - element.clientHeight > view.height;
    setPlace((p) =>
      p.unreadOffscreen === unreadOffscreen && p.awayFromEnd === awayFromEnd
        ? p
        : { unreadOffscreen, awayFromEnd },
    );
  }, [messages.hasNewer]);

  // Where the page opens: the linked message, the first unread one, or the end.
  useBrowserLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const target = props.highlightId
      ? element.querySelector(`[data-message-id="${props.highlightId}"]`)
      : element.querySelector("[data-unread-divider]");
    if (target) reveal(element, target, props.highlightId ? "center" : "start", false);
    else element.scrollTop = element.scrollHeight;
    // Only on arrival (the view is keyed by its load); later changes keep the reader's place.
  }, [props.highlightId]);

  const frame = useRef(0);
  const onScroll = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      locate();
      checkRead();
    });
  }, [locate, checkRead]);

  useEffect(() => {
    locate();
    checkRead();
  }, [messages.messages, locate, checkRead]);

  const scrollTo = (selector: string, align: "start" | "center") => {
    const target = scroller.current?.querySelector(selector);
    if (scroller.current && target) reveal(scroller.current, target, align, true);
  };
  const onQuote = (messageId: string) => {
    if (!scroller.current?.querySelector(`[data-message-id="${messageId}"]`)) return false;
    setHighlightId(messageId);
    scrollTo(`[data-message-id="${messageId}"]`, "center");
    return true;
  };
  const toLatest = () => {
    keeper.toEnd();
    if (messages.hasNewer) void messages.load("latest");
    else if (scroller.current) {
      scroller.current.scrollTo({ top: scroller.current.scrollHeight, behavior: "smooth" });
    }
  };
  const onSent = (message: MessageView) => {
    keeper.toEnd();
    if (messages.hasNewer) void messages.load("latest");
    else messages.apply(message);
  };
  const onReply = (message: MessageView) => {
    setReplyTo({ id: message.id, authorName: message.author.name, excerpt: excerpt(message.bodyHtml) });
    document.getElementById(`composer-${channel.id}`)?.focus({ preventScroll: true });
  };

  const floating =
    "absolute left-1/2 z-10 -translate-x-1/2 rounded-full px-4 py-1.5 text-sm font-semibold shadow-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600";
  return (
    <>
      <div className="relative flex min-h-0 flex-1 flex-col">
        <MessageList
          scroller={scroller}
          channel={channel}
          messages={messages.messages}
          hasOlder={messages.hasOlder}
          hasNewer={messages.hasNewer}
          loading={messages.loading}
          failed={messages.failed}
          rights={rights}
          firstUnreadSeq={props.firstUnreadSeq}
          highlightId={highlightId}
          onLoad={(direction) => void messages.load(direction)}
          onReply={onReply}
          onChanged={messages.apply}
          loadSource={messages.loadSource}
          onQuote={onQuote}
          onScroll={onScroll}
        />
        {place.unreadOffscreen && (
          <button
            type="button"
            onClick={() => scrollTo("[data-unread-divider]", "start")}
            className={`${floating} top-3 bg-red-600 text-white hover:bg-red-700`}
          >
            {t("channel.jumpToUnread")}
          </button>
        )}
        {place.awayFromEnd && (
          <button
            type="button"
            onClick={toLatest}
            className={`${floating} bottom-3 bg-white text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50`}
          >
            {t("channel.jumpToLatest")}
          </button>
        )}
      </div>
      {props.children}
      {channel.post ? (
        <Composer
          channel={channel}
          formKey={props.formKey}
          refused={props.refused}
          replyTo={replyTo}
          onCancelReply={() => setReplyTo(null)}
          onSent={onSent}
          onInput={props.onInput}
        />
      ) : (
        <p className="border-t border-slate-200 bg-slate-50 px-4 py-4 text-sm text-slate-600">
          {channel.archived ? t("channel.composer.archived") : t("channel.composer.cannotPost")}
        </p>
      )}
    </>
  );
}
