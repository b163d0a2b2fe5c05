import { redirect, type AppLoadContext } from "@remix-run/node";
import { validateSessionCookie, type SessionUser } from "./auth.server";

type Args = { request: Request; context: AppLoadContext };

export type OptionalUser = {
  user: SessionUser | null;
  sessionId?: string;
  /** Carries a refreshed or cleared session cookie: return these headers with the response. */
  headers: Headers;
};

/** The signed-in user, if any. Also names the user in this request's log line. */
export async function getOptionalUser({ request, context }: Args): Promise<OptionalUser> {
  const result = await validateSessionCookie(context.services, request.headers.get("cookie"));
  const headers = new Headers();
  if (result.setCookie) headers.append("Set-Cookie", result.setCookie);
  if (!result.user) return { user: null, headers };
  context.requestLog.userId = result.user.id;
  return { user: result.user, sessionId: result.sessionId, headers };
}

/** The signed-in user, or a redirect to the log-in page that comes back here afterwards. */
export async function requireUser(args: Args): Promise<SessionUser & { sessionId: string }> {
  const { user, sessionId } = await getOptionalUser(args);
  if (!user || !sessionId) {
    const url = new URL(args.request.url);
    throw redirect(`/login?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`);
  }
  return { ...user, sessionId };
}
