import { useCallback, useEffect, useRef, type RefObject } from "react";
import { useBrowserLayoutEffect } from "./use-layout-effect";

/** Closer than this to the end counts as "reading the newest": new messages keep it in view. */
const BOTTOM_SLACK = 48;

type Snapshot = { atBottom: boolean; anchorId: string | null; anchorTop: number };

function isAtBottom(scroller: HTMLElement): boolean {
  return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < BOTTOM_SLACK;
}

/**
 * Keeps what the reader looks at in place while messages change around it: `capture` (just before a
 * change) notes the first message on screen and whether the reader was at the end; after the change
 * reaches the DOM, the list either follows the end (when it shows the newest messages) or puts that
 * message back where it was — so history loaded above does not push the view down. `toEnd` makes
 * the next change scroll to the end (the viewer's own message).
 */
export function useScrollKeeper(scroller: RefObject<HTMLElement>, followEnd: boolean) {
  const snapshot = useRef<Snapshot | null>(null);
  const forceEnd = useRef(false);
  const follow = useRef(followEnd);
  follow.current = followEnd;

  // The list or its area changing size (an edit box opening, the composer growing, a reply quote
  // above it) keeps a reader who was at the end there.
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    let atEnd = isAtBottom(element);
    const onScroll = () => {
      atEnd = isAtBottom(element);
    };
    element.addEventListener("scroll", onScroll, { passive: true });
    const observer = new ResizeObserver(() => {
      if (atEnd && follow.current) element.scrollTop = element.scrollHeight;
    });
    observer.observe(element);
    const list = element.querySelector("ol");
    if (list) observer.observe(list);
    return () => {
      element.removeEventListener("scroll", onScroll);
      observer.disconnect();
    };
  }, [scroller]);

  const capture = useCallback(() => {
    const element = scroller.current;
    if (!element || snapshot.current) return;
    const top = element.getBoundingClientRect().top;
    let anchor: HTMLElement | null = null;
    for (const item of element.querySelectorAll<HTMLElement>("[data-message-id]")) {
      if (item.getBoundingClientRect().bottom > top) {
        anchor = item;
        break;
      }
    }
    snapshot.current = {
      atBottom: isAtBottom(element),
      anchorId: anchor?.dataset.messageId ?? null,
      anchorTop: anchor ? anchor.getBoundingClientRect().top - top : 0,
    };
  }, [scroller]);

  // After every render: cheap unless a change was captured.
  useBrowserLayoutEffect(() => {
    const element = scroller.current;
    const snap = snapshot.current;
    snapshot.current = null;
    if (!element) return;
    if (forceEnd.current || (snap?.atBottom && followEnd)) {
      forceEnd.current = false;
      element.scrollTop = element.scrollHeight;
      return;
    }
    if (!snap?.anchorId) return;
    const anchor = element.querySelector<HTMLElement>(`[data-message-id="${snap.anchorId}"]`);
    if (!anchor) return;
    const shift = anchor.getBoundingClientRect().top - element.getBoundingClientRect().top - snap.anchorTop;
    element.scrollTop += shift;
  });

  const toEnd = useCallback(() => {
    forceEnd.current = true;
  }, []);

  return { capture, toEnd };
}
