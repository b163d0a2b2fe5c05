import type { AppLoadContext } from "@remix-run/node";
import { findAllianceForViewer, type AllianceForViewer } from "~/models/alliance-access.server";
import type { SessionUser } from "./auth.server";
import { invariantResponse } from "./invariant";
import { canInAlliance, type ActionIn } from "./permissions.server";
import { getOptionalUser, loginRedirect } from "./session.server";

type Args = { request: Request; context: AppLoadContext; params: { slug?: string } };

/**
 * The alliance a route's `:slug` names, where the viewer stands in it, and — given an action — the
 * policy's answer: a visitor is sent to log in, a signed-in viewer without the right gets 403. An
 * archived alliance is 404 for everyone the policy does not let see it.
 */
export async function loadAlliance(
  args: Args,
  action?: ActionIn<"alliance">,
): Promise<AllianceForViewer & { user: SessionUser | null }> {
  const { user } = await getOptionalUser(args);
  const found = await findAllianceForViewer(args.context.services.db, args.params.slug ?? "", user);
  invariantResponse(
    found && (!found.alliance.archivedAt || canInAlliance(found.role, "alliance.viewArchived")),
    404,
    "alliance.notFound",
  );
  if (action && !canInAlliance(found.role, action)) {
    if (!user) throw loginRedirect(args.request);
    invariantResponse(false, 403, "alliance.forbidden");
  }
  return { ...found, user };
}

/** As loadAlliance with an action, for actions: the user is then known to be signed in. */
export async function requireAllianceRight(
  args: Args,
  action: ActionIn<"alliance">,
): Promise<AllianceForViewer & { user: SessionUser }> {
  const found = await loadAlliance(args, action);
  if (!found.user) throw loginRedirect(args.request);
  return { ...found, user: found.user };
}
