import { useRevalidator } from "@remix-run/react";
import { useLive } from "~/realtime/use-live";

/**
 * The event page's one watch on the event's topic: any change to seats, places, times or minutes reloads
 * the page's data (each viewer's own place comes from the loader, never from the broadcast). Check-ins
 * are left out: they change only the organizers' registrant list, and a busy door would otherwise reload
 * every open event page once per person.
 */
export function useEventLive(live: { topic: string; after: number } | null): void {
  const revalidator = useRevalidator();
  useLive(live?.topic ?? null, live?.after ?? 0, (activity) => {
    if (activity.type !== "event.checkIn") revalidator.revalidate();
  });
}
