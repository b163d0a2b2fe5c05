import type { AppLoadContext } from "@remix-run/node";
import type { SessionUser } from "./auth.server";
import { invariantResponse } from "./invariant";
import { can, type ActionIn } from "./permissions.server";
import { getOptionalUser, loginRedirect } from "./session.server";

type Args = { request: Request; context: AppLoadContext };

/**
 * The operators' area (/admin): a visitor is sent to log in, a signed-in user without the right gets 403,
 * as for an alliance's organizer pages.
 */
export async function requirePlatformRight(
  args: Args,
  action: ActionIn<"platform">,
): Promise<SessionUser & { sessionId: string }> {
  const { user, sessionId } = await getOptionalUser(args);
  if (!user || !sessionId) throw loginRedirect(args.request);
  invariantResponse(can(user, action), 403, "admin.forbidden");
  return { ...user, sessionId };
}
