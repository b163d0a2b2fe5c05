import { useCallback, useEffect, useRef, type RefObject } from "react";
import { markRead } from "./message-requests";

/** Marks are sent at most this often while the reader scrolls through new messages. */
const DELAY = 400;

/** The newest message at least partly on screen in `scroller`, or 0. */
function lastVisibleSeq(scroller: HTMLElement | null): number {
  if (!scroller) return 0;
  const view = scroller.getBoundingClientRect();
  const items = scroller.querySelectorAll<HTMLElement>("[data-seq]");
  for (let i = items.length - 1; i >= 0; i--) {
    const box = items[i].getBoundingClientRect();
    if (box.top < view.bottom - 4 && box.bottom > view.top) return Number(items[i].dataset.seq);
  }
  return 0;
}

/**
 * Moves the viewer's read position to the newest message they have seen: only while the tab is
 * visible and focused, never backwards. Returns `check`, for the list to call when its messages or
 * scroll position change; focus and visibility changes call it too.
 */
export function useMarkRead(channelId: string, readSeq: number, scroller: RefObject<HTMLElement>) {
  const wanted = useRef(readSeq);
  const confirmed = useRef(readSeq);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = useCallback(async () => {
    timer.current = null;
    const seq = wanted.current;
    if (seq <= confirmed.current) return;
    if (await markRead(channelId, seq)) confirmed.current = Math.max(confirmed.current, seq);
    // A refused or lost mark is tried again by the next check.
    else wanted.current = confirmed.current;
  }, [channelId]);

  const check = useCallback(() => {
    if (document.visibilityState !== "visible" || !document.hasFocus()) return;
    const seq = lastVisibleSeq(scroller.current);
    if (seq <= wanted.current) return;
    wanted.current = seq;
    timer.current ??= setTimeout(() => void flush(), DELAY);
  }, [flush, scroller]);

  useEffect(() => {
    window.addEventListener("focus", check);
    document.addEventListener("visibilitychange", check);
    return () => {
      window.removeEventListener("focus", check);
      document.removeEventListener("visibilitychange", check);
      // Leaving the page sends what is due now rather than dropping it.
      if (timer.current) {
        clearTimeout(timer.current);
        void flush();
      }
    };
  }, [check, flush]);

  return check;
}
