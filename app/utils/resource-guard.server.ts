import { redirect, type AppLoadContext } from "@remix-run/node";
import type { MessageKey } from "~/i18n/dictionary";
import { resourceAccess, type ResourceRef } from "~/models/resource-access.server";
import type { SessionUser } from "./auth.server";
import { invariantResponse } from "./invariant";
import { can } from "./permissions.server";
import { getOptionalUser } from "./session.server";

type Args = { request: Request; context: AppLoadContext; params: { id?: string } };

type Options = {
  /** What the viewer must be to the resource beyond seeing it (403 otherwise). */
  need?: "manage" | "moderate";
  /** The platform action asked first, if any (403 when the viewer lacks it). */
  action?: "resource.report";
  forbidden: MessageKey;
  /** Where a visitor returns after logging in; the resource's page by default. */
  back?: (id: string) => string;
};

/**
 * For the routes under a resource's page: a visitor is sent to log in and then back (not to an action's
 * URL, which has nothing to show); a resource the viewer cannot see is 404, as opening it would be; a
 * signed-in viewer without the right gets 403.
 */
export async function requireResource(
  args: Args,
  options: Options,
): Promise<{ user: SessionUser; resource: ResourceRef }> {
  const id = args.params.id ?? "";
  const back = options.back ?? ((resourceId: string) => `/resources/${resourceId}`);
  const { user } = await getOptionalUser(args);
  if (!user) throw redirect(`/login?${new URLSearchParams({ redirectTo: back(encodeURIComponent(id)) })}`);
  if (options.action) invariantResponse(can(user, options.action), 403, options.forbidden);
  const resource = await resourceAccess(args.context.services.db, user, id);
  invariantResponse(resource, 404, "resource.notFound");
  if (options.need) invariantResponse(resource[options.need], 403, options.forbidden);
  return { user, resource };
}
