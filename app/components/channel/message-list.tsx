import { Fragment, useEffect, useRef, type RefObject } from "react";
import { useLocale, useT } from "~/i18n/use-t";
import type { MessageView } from "~/realtime/protocol";
import { MessageItem, type MessageRights } from "./message-item";
import type { Direction } from "./use-channel-messages";
import { dayKey, dayLabel } from "./message-time";

/** Same author within this long: the message joins the previous one without its own header. */
const GROUP_GAP = 5 * 60_000;

type Props = {
  scroller: RefObject<HTMLDivElement>;
  channel: { id: string; name: string };
  messages: MessageView[];
  hasOlder: boolean;
  hasNewer: boolean;
  loading: Direction | null;
  failed: Direction | null;
  rights: MessageRights;
  /** The "new messages" line goes before this message (the first unread one when the page loaded). */
  firstUnreadSeq: number | null;
  highlightId: string | null;
  onLoad(direction: Direction): void;
  onReply(message: MessageView): void;
  onChanged(message: MessageView): void;
  loadSource(message: MessageView): Promise<string | null>;
  onQuote(messageId: string): boolean;
  onScroll(): void;
};

function grouped(previous: MessageView | undefined, message: MessageView): boolean {
  if (!previous || previous.author.id !== message.author.id || message.replyTo) return false;
  if (dayKey(previous.createdAt) !== dayKey(message.createdAt)) return false;
  return new Date(message.createdAt).getTime() - new Date(previous.createdAt).getTime() < GROUP_GAP;
}

/**
 * Watches a sentinel at one end of the list: while it is near the visible area, that side's messages
 * load. A new observer per change re-checks after each page, so a short page keeps loading until the
 * list fills the screen.
 */
function useEdgeLoader(
  scroller: RefObject<HTMLDivElement>,
  sentinel: RefObject<HTMLElement>,
  active: boolean,
  load: () => void,
  version: unknown,
) {
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    const root = scroller.current;
    const target = sentinel.current;
    if (!active || !root || !target) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) loadRef.current();
      },
      { root, rootMargin: "400px 0px" },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [scroller, sentinel, active, version]);
}

export function MessageList(props: Props) {
  const { scroller, channel, messages, hasOlder, hasNewer, loading, failed, rights } = props;
  const t = useT();
  const locale = useLocale();
  const top = useRef<HTMLDivElement>(null);
  const bottom = useRef<HTMLDivElement>(null);
  const version = `${messages[0]?.id}:${messages.at(-1)?.id}:${loading}`;
  useEdgeLoader(scroller, top, hasOlder && !loading && !failed, () => props.onLoad("older"), version);
  useEdgeLoader(scroller, bottom, hasNewer && !loading && !failed, () => props.onLoad("newer"), version);

  return (
    <div
      ref={scroller}
      onScroll={props.onScroll}
      className="min-h-0 flex-1 overflow-y-auto [overflow-anchor:none]"
      data-message-scroller
    >
      <div ref={top} aria-hidden="true" />
      {hasOlder ? (
        loading === "older" && (
          <p role="status" className="py-3 text-center text-sm text-slate-500">
            {t("channel.loadingOlder")}
          </p>
        )
      ) : (
        <p className="px-4 pb-2 pt-6 text-sm text-slate-500">
          {messages.length > 0 ? t("channel.beginning", { name: channel.name }) : t("channel.empty")}
        </p>
      )}
      {failed && (
        <p role="alert" className="px-4 py-2 text-center text-sm text-red-700">
          {t("channel.loadFailed")}{" "}
          <button type="button" className="font-semibold underline" onClick={() => props.onLoad(failed)}>
            {t("channel.retryLoad")}
          </button>
        </p>
      )}
      <ol aria-label={t("channel.list.label", { name: channel.name })} className="pb-2">
        {messages.map((message, index) => {
          const previous = messages[index - 1];
          const newDay = !previous || dayKey(previous.createdAt) !== dayKey(message.createdAt);
          const divider = message.seq === props.firstUnreadSeq;
          return (
            <Fragment key={message.id}>
              {newDay && (
                <li aria-hidden="true" className="flex items-center gap-3 px-4 pb-1 pt-4">
                  <span className="h-px flex-1 bg-slate-200" />
                  <span className="text-xs font-medium text-slate-500">
                    {dayLabel(locale, message.createdAt)}
                  </span>
                  <span className="h-px flex-1 bg-slate-200" />
                </li>
              )}
              {divider && (
                <li data-unread-divider className="flex items-center gap-3 px-4 py-1">
                  <span className="h-px flex-1 bg-red-300" />
                  <span className="text-xs font-semibold text-red-700">{t("channel.newMessages")}</span>
                  <span className="h-px flex-1 bg-red-300" />
                </li>
              )}
              <MessageItem
                message={message}
                channelId={channel.id}
                rights={rights}
                grouped={!newDay && !divider && grouped(previous, message)}
                highlighted={message.id === props.highlightId}
                onReply={props.onReply}
                onChanged={props.onChanged}
                loadSource={props.loadSource}
                onQuote={props.onQuote}
              />
            </Fragment>
          );
        })}
      </ol>
      {hasNewer && loading === "newer" && (
        <p role="status" className="py-3 text-center text-sm text-slate-500">
          {t("channel.loadingNewer")}
        </p>
      )}
      <div ref={bottom} aria-hidden="true" className="h-px" />
    </div>
  );
}
