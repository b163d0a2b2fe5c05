import { useEffect, useRef, useState } from "react";
import { getLive } from "./socket.client";
import type { Activity } from "./types";

/**
 * Subscribes the page to a topic's live activities, starting after `after` (the id the page was
 * rendered with, from latestActivityId). Each activity reaches `onActivity` once, in order, across
 * reconnects and server restarts. A null topic watches nothing (e.g. for visitors, who cannot connect).
 */
export function useLive(
  topic: string | null,
  after: number,
  onActivity: (activity: Activity) => void,
): { connected: boolean } {
  const handler = useRef(onActivity);
  useEffect(() => {
    handler.current = onActivity;
  });
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    if (!topic) return;
    const { socket, sequencer } = getLive();
    const update = () => setConnected(socket.connected);
    update();
    socket.on("connect", update);
    socket.on("disconnect", update);
    const stop = sequencer.watch(topic, after, (activity) => handler.current(activity), {
      onError: (error) => console.warn(`live updates for ${topic} refused: ${error.code} (${error.message})`),
    });
    return () => {
      stop();
      socket.off("connect", update);
      socket.off("disconnect", update);
    };
  }, [topic, after]);

  return { connected: topic ? connected : false };
}
