import { useCallback, useRef, useState } from "react";
import type { MessageView } from "~/realtime/protocol";
import { useLive } from "~/realtime/use-live";

export type MessagePage = { messages: MessageView[]; hasOlder: boolean; hasNewer: boolean };

export type Direction = "older" | "newer" | "latest";

/** Live messages held beyond the window's end: more than a page means loading newer ones anyway. */
const BEYOND_MAX = 100;
type State = MessagePage & { loading: Direction | null; failed: Direction | null };

/**
 * A live copy keeps the Markdown source the viewer already has for their own message: payloads are
 * shared by every reader and never carry it, and an unchanged rendering means an unchanged source.
 */
function merge(known: MessageView | undefined, incoming: MessageView): MessageView {
  if (known?.body != null && incoming.body === null && incoming.state === "visible")
    return incoming.bodyHtml === known.bodyHtml ? { ...incoming, body: known.body } : incoming;
  return incoming;
}

/** Messages in seq order, each once; `incoming` replaces what it overlaps. */
function combine(current: MessageView[], incoming: MessageView[]): MessageView[] {
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const message of incoming) byId.set(message.id, merge(byId.get(message.id), message));
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

async function fetchPage(channelId: string, query: string): Promise<MessagePage | null> {
  const response = await fetch(`/channels/${channelId}/history?${query}`, {
    headers: { accept: "application/json" },
  }).catch(() => null);
  if (!response?.ok) return null;
  return (await response.json().catch(() => null)) as MessagePage | null;
}

/**
 * The messages a channel page holds: the window it loaded (around the first unread or a linked
 * message), widened backwards and forwards on demand, and kept current by the channel topic —
 * `message.created` joins the end when the window reaches the newest message, `message.updated`
 * replaces by id wherever it is. `beforeChange` runs just before each change reaches the DOM, so the
 * list can remember what the reader was looking at.
 */
export function useChannelMessages(
  channelId: string,
  initial: MessagePage,
  live: { topic: string; after: number },
  beforeChange: () => void,
) {
  const [state, setState] = useState<State>({ ...initial, loading: null, failed: null });
  const stateRef = useRef(state);
  stateRef.current = state;
  const prepare = useRef(beforeChange);
  prepare.current = beforeChange;
  const busy = useRef(false);
  /**
   * Live messages beyond the window's end, kept until the window reaches the end: one that commits
   * while newer messages are being fetched may be missing from their page.
   */
  const beyond = useRef<MessageView[]>([]);

  const apply = useCallback((message: MessageView) => {
    const current = stateRef.current;
    const last = current.messages.at(-1);
    const known = current.messages.some((m) => m.id === message.id);
    if (!known && current.hasNewer && last && message.seq > last.seq) {
      beyond.current = [...beyond.current.filter((m) => m.id !== message.id), message].slice(-BEYOND_MAX);
      return;
    }
    // Older than the window's start: loading older messages brings it.
    if (!known && current.hasOlder && current.messages[0] && message.seq < current.messages[0].seq) return;
    prepare.current();
    setState((s) => ({ ...s, messages: combine(s.messages, [message]) }));
  }, []);

  useLive(live.topic, live.after, (activity) => {
    if (activity.type !== "message.created" && activity.type !== "message.updated") return;
    const message = (activity.payload as { message?: MessageView }).message;
    if (message && message.channelId === channelId) apply(message);
  });

  const load = useCallback(
    async (direction: Direction) => {
      const current = stateRef.current;
      if (busy.current) return;
      const first = current.messages[0];
      const last = current.messages.at(-1);
      let query = "";
      if (direction === "older") {
        if (!current.hasOlder || !first) return;
        query = `before=${first.seq}`;
      } else if (direction === "newer") {
        if (!current.hasNewer || !last) return;
        query = `after=${last.seq}`;
      }
      busy.current = true;
      setState((s) => ({ ...s, loading: direction, failed: null }));
      const page = await fetchPage(channelId, query);
      busy.current = false;
      prepare.current();
      const held = beyond.current;
      setState((s) => {
        if (!page) return { ...s, loading: null, failed: direction };
        const next =
          direction === "latest"
            ? { ...page, hasNewer: false }
            : {
                messages: combine(s.messages, page.messages),
                hasOlder: direction === "older" ? page.hasOlder : s.hasOlder,
                hasNewer: direction === "newer" ? page.hasNewer : s.hasNewer,
              };
        if (next.hasNewer || held.length === 0) return { ...next, loading: null, failed: null };
        const end = next.messages.at(-1)?.seq ?? 0;
        const arrived = held.filter((m) => m.seq > end);
        return { ...next, messages: combine(next.messages, arrived), loading: null, failed: null };
      });
      if (page && (direction === "latest" || (direction === "newer" && !page.hasNewer))) beyond.current = [];
    },
    [channelId],
  );

  /** The Markdown source of one of the viewer's own messages (live copies come without it). */
  const loadSource = useCallback(
    async (message: MessageView) => {
      const page = await fetchPage(channelId, `after=${message.seq - 1}&limit=1`);
      return page?.messages.find((m) => m.id === message.id)?.body ?? null;
    },
    [channelId],
  );

  return { ...state, apply, load, loadSource };
}
