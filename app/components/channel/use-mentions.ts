import { useCallback, useEffect, useState, type RefObject } from "react";
import type { MentionCandidate } from "~/models/channel-mention-candidates.server";

/** `@` at the start or after a space or punctuation, then what has been typed of a name. */
const TOKEN = /(?:^|[\s(（「“"'‘,，.。:：;；!！?？])@([^\s@]{0,30})$/u;
const DEBOUNCE = 120;

type Token = { start: number; end: number; query: string };

export type Mentions = {
  open: boolean;
  items: MentionCandidate[];
  active: number;
  /** The composer's keydown goes here first; true when it was an autocomplete key. */
  onKeyDown(event: React.KeyboardEvent<HTMLTextAreaElement>): boolean;
  /** Call after each input and caret move. */
  update(): void;
  choose(index: number): void;
  close(): void;
};

/**
 * `@` + letters in the composer lists the channel's members whose names match (the mentions route
 * answers only with people who can read the channel); arrows move, Enter or Tab inserts `@name `.
 */
export function useMentions(
  channelId: string,
  textarea: RefObject<HTMLTextAreaElement>,
  text: string,
  setText: (text: string) => void,
): Mentions {
  const [token, setToken] = useState<Token | null>(null);
  const [items, setItems] = useState<MentionCandidate[]>([]);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);

  const update = useCallback(() => {
    const element = textarea.current;
    if (!element || element.selectionStart !== element.selectionEnd) return setToken(null);
    const caret = element.selectionStart;
    const match = TOKEN.exec(element.value.slice(0, caret));
    setToken(match ? { start: caret - match[1].length - 1, end: caret, query: match[1] } : null);
  }, [textarea]);

  const query = token?.query ?? null;
  useEffect(() => {
    if (query === null) {
      setItems([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      const url = `/channels/${channelId}/mentions?${new URLSearchParams({ q: query })}`;
      // A newer keystroke aborts this request; its rejection is expected, not an error.
      const answer = await fetch(url, { signal: controller.signal })
        .then((response) =>
          response.ok ? (response.json() as Promise<{ candidates: MentionCandidate[] }>) : null,
        )
        .catch(() => null);
      if (!answer || controller.signal.aborted) return;
      setItems(answer.candidates);
      setActive(0);
    }, DEBOUNCE);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [channelId, query]);

  const open = token !== null && items.length > 0 && dismissed !== token.start;

  const choose = useCallback(
    (index: number) => {
      const item = items[index];
      if (!token || !item) return;
      const inserted = `@${item.name} `;
      const next = text.slice(0, token.start) + inserted + text.slice(token.end);
      const caret = token.start + inserted.length;
      setText(next);
      setToken(null);
      setItems([]);
      requestAnimationFrame(() => {
        textarea.current?.focus({ preventScroll: true });
        textarea.current?.setSelectionRange(caret, caret);
      });
    },
    [items, token, text, setText, textarea],
  );

  const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open || event.nativeEvent.isComposing) return false;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i + step + items.length) % items.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      choose(active);
    } else if (event.key === "Escape") {
      setDismissed(token.start);
    } else {
      return false;
    }
    event.preventDefault();
    return true;
  };

  return {
    open,
    items,
    active,
    onKeyDown,
    update,
    choose,
    close: () => setToken(null),
  };
}
