import { redirect, type AppLoadContext } from "@remix-run/node";
import { validateSessionCookie, type SessionCheck, type SessionUser } from "./auth.server";

type Args = { request: Request; context: AppLoadContext };

export type OptionalUser = { user: SessionUser | null; sessionId?: string };

/**
 * The signed-in user, if any. The session is validated once per request however many loaders ask:
 * a second check would race the first to extend it, and cost a query. A refreshed or cleared cookie
 * is sent with the response whatever it is (app/server/session-cookie.server.ts), so callers need not.
 */
export async function getOptionalUser({ request, context }: Args): Promise<OptionalUser> {
  const result = await (context.session.check ??= check({ request, context }));
  return result.user ? { user: result.user, sessionId: result.sessionId } : { user: null };
}

async function check({ request, context }: Args): Promise<SessionCheck> {
  const result = await validateSessionCookie(context.services, request.headers.get("cookie"));
  context.session.pendingCookie = result.setCookie;
  // Names the user in this request's log line.
  if (result.user) context.requestLog.userId = result.user.id;
  return result;
}

/** The signed-in user, or a redirect to the log-in page that comes back here afterwards. */
export async function requireUser(args: Args): Promise<SessionUser & { sessionId: string }> {
  const { user, sessionId } = await getOptionalUser(args);
  if (!user || !sessionId) throw loginRedirect(args.request);
  return { ...user, sessionId };
}

/** A redirect to the log-in page that comes back to this request's page afterwards. */
export function loginRedirect(request: Request): Response {
  const url = new URL(request.url);
  return redirect(`/login?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`);
}
