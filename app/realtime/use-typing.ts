import { useCallback, useEffect, useRef, useState } from "react";
import { TYPING_EVERY_MS, TYPING_SHOWN_MS } from "./presence-timing";
import type { TypingEvent } from "./protocol";
import { getLive } from "./socket.client";
import { channelTopic } from "./topics";
import type { Activity } from "./types";

/**
 * For the composer: call the returned function on every keystroke; it tells the channel at most once
 * every 3 s, only while `enabled` (the viewer may post) and connected, and stops for good in a channel
 * the server says is too large to show typing.
 */
export function useTypingNotifier(channelId: string | null, enabled: boolean): () => void {
  const state = useRef({ channelId, at: 0, large: false });
  return useCallback(() => {
    if (!channelId || !enabled) return;
    if (state.current.channelId !== channelId) state.current = { channelId, at: 0, large: false };
    const current = state.current;
    const now = Date.now();
    if (current.large || now - current.at < TYPING_EVERY_MS) return;
    const { socket } = getLive();
    // Never queued for after a reconnect: by then the notice would be stale.
    if (!socket.connected) return;
    current.at = now;
    socket.emit("typing", { channelId }, (result) => {
      if (result.ok && result.large) current.large = true;
    });
  }, [channelId, enabled]);
}

export type Typist = { userId: string; name: string };

/**
 * Who is typing in the channel now (never the viewer: the server does not echo a typist's notices to
 * their own tabs). Each one shows for 5 s after their last notice, or until their message arrives.
 */
export function useTypists(channelId: string | null): Typist[] {
  const [state, setState] = useState<{ channelId: string | null; typists: Typist[] }>({
    channelId,
    typists: [],
  });
  if (state.channelId !== channelId) setState({ channelId, typists: [] });

  useEffect(() => {
    if (!channelId) return;
    const { socket } = getLive();
    const timers = new Map<string, ReturnType<typeof setTimeout>>();
    const stop = (userId: string) => {
      clearTimeout(timers.get(userId));
      timers.delete(userId);
      setState((s) => ({ ...s, typists: s.typists.filter((typist) => typist.userId !== userId) }));
    };
    const onTyping = (event: TypingEvent) => {
      if (event.channelId !== channelId) return;
      clearTimeout(timers.get(event.userId));
      timers.set(
        event.userId,
        setTimeout(() => stop(event.userId), TYPING_SHOWN_MS),
      );
      setState((s) =>
        s.typists.some((typist) => typist.userId === event.userId)
          ? s
          : { ...s, typists: [...s.typists, { userId: event.userId, name: event.name }] },
      );
    };
    // A typist's message ends their typing (the page follows the channel's topic, so it arrives here too).
    const topic = channelTopic(channelId);
    const onActivity = (activity: Activity) => {
      if (activity.topic !== topic || activity.type !== "message.created") return;
      const author = authorOf(activity.payload) ?? activity.actorId;
      if (author && timers.has(author)) stop(author);
    };
    socket.on("typing", onTyping);
    socket.on("activity", onActivity);
    return () => {
      socket.off("typing", onTyping);
      socket.off("activity", onActivity);
      for (const timer of timers.values()) clearTimeout(timer);
    };
  }, [channelId]);

  return state.typists;
}

/** The author of a `message.created` payload ({ message: MessageView }), read defensively. */
function authorOf(payload: Record<string, unknown>): string | null {
  const message = payload.message as { author?: { id?: unknown } } | undefined;
  return typeof message?.author?.id === "string" ? message.author.id : null;
}
