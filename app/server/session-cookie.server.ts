import type { Response } from "express";
import { SESSION_COOKIE, type SessionCheck } from "~/utils/auth.server";

/**
 * This request's session, validated at most once (app/utils/session.server.ts fills it in). Lucia
 * extends a session in the database on the first check past its half-life and hands back the new
 * cookie only to that caller; whichever loader or action it was, the cookie has to reach the browser,
 * or the browser drops it at the old date while the row lives on. So the cookie waits here and is
 * added to the response, whatever its kind (document, single-fetch data, redirect), as headers go out.
 */
export type RequestSession = {
  check?: Promise<SessionCheck>;
  /** The Set-Cookie value the check asked for: the session extended, or a dead one cleared. */
  pendingCookie?: string;
};

export function trackSessionCookie(res: Response): RequestSession {
  const session: RequestSession = {};
  beforeHeaders(res, () => {
    // Log-in, sign-up and log-out set the session cookie themselves; the old session's refresh must not follow it.
    if (session.pendingCookie && !setsCookie(res, SESSION_COOKIE))
      res.append("Set-Cookie", session.pendingCookie);
  });
  return session;
}

/**
 * Runs `listener` once, just before the status line and headers are fixed. Every response path ends
 * in writeHead (res.write and res.end call it implicitly). Headers passed to writeHead itself are
 * merged by Node through setHeader afterwards, so such a Set-Cookie would replace ours, never lose to it.
 */
function beforeHeaders(res: Response, listener: () => void) {
  const writeHead = res.writeHead;
  let fired = false;
  res.writeHead = function (this: Response, ...args: Parameters<typeof writeHead>) {
    if (!fired) {
      fired = true;
      listener();
    }
    return writeHead.apply(this, args);
  } as typeof writeHead;
}

function setsCookie(res: Response, name: string): boolean {
  const header = res.getHeader("set-cookie");
  const lines = Array.isArray(header) ? header : typeof header === "string" ? [header] : [];
  return lines.some((line) => line.startsWith(`${name}=`));
}
