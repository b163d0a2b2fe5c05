import { useEffect, useState } from "react";
import { PRESENCE_REFRESH_MS } from "./presence-timing";
import type { ErrorCode, PresenceEvent, PresenceUser } from "./protocol";
import { getLive } from "./socket.client";

export type Presence = {
  /** Null until the server first answers. */
  online: PresenceUser[] | null;
  /** Why the last question was refused, if it was. */
  error: ErrorCode | null;
};

/** How many components of this tab watch each alliance: the tab stops counting when the last one goes. */
const watchers = new Map<string, number>();

const byName = (a: PresenceUser, b: PresenceUser) =>
  a.name.localeCompare(b.name, "zh-CN") || a.userId.localeCompare(b.userId);

function apply(online: PresenceUser[], event: PresenceEvent): PresenceUser[] {
  const others = online.filter((person) => person.userId !== event.userId);
  return event.online ? [...others, { userId: event.userId, name: event.name }].sort(byName) : others;
}

/**
 * Who in the alliance is online, live. Watching also counts this tab as present (for members). The
 * list is asked again every 30 s and after every reconnect: arrivals and departures come live, but
 * people whose server died never say goodbye.
 */
export function usePresence(allianceId: string | null): Presence {
  const [state, setState] = useState<Presence & { allianceId: string | null }>({
    allianceId,
    online: null,
    error: null,
  });
  if (state.allianceId !== allianceId) setState({ allianceId, online: null, error: null });

  useEffect(() => {
    if (!allianceId) return;
    const { socket } = getLive();
    watchers.set(allianceId, (watchers.get(allianceId) ?? 0) + 1);
    let active = true;
    // Events heard while a question is out are applied again on top of its answer, which may predate them.
    let heard: PresenceEvent[] = [];
    let unanswered = 0;

    const ask = () => {
      // Socket.IO would queue it and send it after the reconnect, which asks anyway.
      if (!socket.connected) return;
      const from = heard.length;
      unanswered += 1;
      socket.emit("presence:watch", { allianceId }, (result) => {
        unanswered -= 1;
        const later = heard.slice(from);
        if (unanswered === 0) heard = [];
        if (!active) return;
        if (!result.ok) {
          setState((s) => ({ ...s, error: result.error.code }));
          return;
        }
        setState((s) => ({ ...s, error: null, online: later.reduce(apply, result.online) }));
      });
    };
    const onPresence = (event: PresenceEvent) => {
      if (event.allianceId !== allianceId) return;
      if (unanswered > 0) heard.push(event);
      setState((s) => (s.online ? { ...s, online: apply(s.online, event) } : s));
    };

    socket.on("presence", onPresence);
    socket.on("connect", ask);
    ask();
    const timer = setInterval(ask, PRESENCE_REFRESH_MS);
    return () => {
      active = false;
      clearInterval(timer);
      socket.off("presence", onPresence);
      socket.off("connect", ask);
      const left = (watchers.get(allianceId) ?? 1) - 1;
      if (left > 0) {
        watchers.set(allianceId, left);
      } else {
        watchers.delete(allianceId);
        if (socket.connected) socket.emit("presence:unwatch", { allianceId });
      }
    };
  }, [allianceId]);

  return { online: state.online, error: state.error };
}
