import type { HeadersFunction } from "@remix-run/node";

/** For routes whose action may answer 429: passes the action's Retry-After on (cookies pass regardless). */
export const passRetryAfter: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};
