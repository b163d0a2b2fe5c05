/**
 * When an occurrence takes registrations, as a pure function of its row and the clock: the
 * registration model asks it under the occurrence's lock, the page asks it to say why it cannot.
 */

export type RegistrationWindow = {
  eventStatus: "draft" | "published" | "cancelled";
  occurrenceStatus: "scheduled" | "cancelled";
  startsAt: Date;
  registrationOpensAt: Date | null;
  /** Null closes registration when the occurrence starts. */
  registrationClosesAt: Date | null;
};

export type WindowState = "open" | "notPublished" | "cancelled" | "started" | "notOpen" | "closed";

export function windowState(occurrence: RegistrationWindow, now: Date): WindowState {
  if (occurrence.eventStatus === "cancelled" || occurrence.occurrenceStatus === "cancelled")
    return "cancelled";
  if (occurrence.eventStatus !== "published") return "notPublished";
  if (occurrence.startsAt <= now) return "started";
  if (occurrence.registrationOpensAt && occurrence.registrationOpensAt > now) return "notOpen";
  const closes = occurrence.registrationClosesAt ?? occurrence.startsAt;
  return closes <= now ? "closed" : "open";
}

/** Seats still free; null when the event has no limit. Never negative, even after a capacity cut. */
export function seatsLeft(capacity: number | null, confirmed: number): number | null {
  return capacity === null ? null : Math.max(0, capacity - confirmed);
}
