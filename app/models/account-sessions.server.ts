import type { Services } from "~/server/context.server";
import { countSessions, endOtherSessions, endSession, startSession } from "~/utils/auth.server";

/**
 * Sessions as the account pages see them: ending a session also closes the sockets opened with it,
 * so a logged-out browser stops receiving live updates at once.
 */
type Deps = Pick<Services, "db" | "config" | "realtime">;

/** Starts a session; `replacing` (the browser's previous session, if any) ends so a session id never survives a log-in. */
export async function logIn(deps: Deps, userId: string, replacing?: string): Promise<string> {
  if (replacing) await logOut(deps, replacing);
  return (await startSession(deps, userId)).setCookie;
}

/** Ends the session and its sockets; returns the Set-Cookie value that clears the cookie. */
export async function logOut(deps: Deps, sessionId: string): Promise<string> {
  const setCookie = await endSession(deps, sessionId);
  deps.realtime.disconnectSession(sessionId);
  return setCookie;
}

export async function logOutOtherSessions(deps: Deps, userId: string, keepSessionId: string): Promise<void> {
  await endOtherSessions(deps, userId, keepSessionId);
  deps.realtime.disconnectUser(userId, keepSessionId);
}

/** Active sessions of the user other than the one asking. */
export async function countOtherSessions(deps: Deps, userId: string): Promise<number> {
  return Math.max(0, (await countSessions(deps, userId)) - 1);
}
