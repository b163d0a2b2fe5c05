import type { AppLoadContext } from "@remix-run/node";
import { eventAccess, type EventRef } from "~/models/event-access.server";
import type { SessionUser } from "./auth.server";
import { invariantResponse } from "./invariant";
import { getOptionalUser, loginRedirect } from "./session.server";

type Args = { request: Request; context: AppLoadContext; params: { id?: string } };

/**
 * For editing and cancelling an event (`event.manage` in the host alliance): an event the viewer cannot
 * see is 404 (drafts included), a visitor is sent to log in, anyone else without the right gets 403.
 */
export async function requireEventManager(args: Args): Promise<{ user: SessionUser; event: EventRef }> {
  const { user } = await getOptionalUser(args);
  const event = await eventAccess(args.context.services.db, user, args.params.id ?? "");
  invariantResponse(event, 404, "event.notFound");
  if (!user) throw loginRedirect(args.request);
  invariantResponse(event.manage, 403, "event.forbidden");
  return { user, event };
}
