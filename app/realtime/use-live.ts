import type { Activity } from "./types";

/**
 * Subscribes the page to a topic's live activities, starting after `after` (the id the page was
 * rendered with). Placeholder until the socket client lands: it delivers nothing.
 */
export function useLive(topic: string | null, after: number, onActivity: (activity: Activity) => void): { connected: boolean } {
  void topic;
  void after;
  void onActivity;
  return { connected: false };
}
