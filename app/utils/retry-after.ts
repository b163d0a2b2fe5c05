import type { HeadersFunction } from "@remix-run/node";

/** For routes whose action may answer 429: passes the action's Retry-After on (cookies pass regardless). */
export const passRetryAfter: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

/** How long until `until`: whole seconds for Retry-After, whole minutes for the message. */
export function waitUntil(until: Date): { seconds: number; minutes: number } {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return { seconds, minutes: Math.ceil(seconds / 60) };
}
