import type { LoaderFunctionArgs } from "@remix-run/node";
import { listMyChannels } from "~/models/channel-list.server";
import { getOptionalUser } from "~/utils/session.server";

/**
 * GET /channels/sidebar: the viewer's channels with unread counts as JSON, for a channel page whose
 * counts cannot be brought up to date from live events alone (a read in another tab).
 */
export async function loader(args: LoaderFunctionArgs) {
  const { user } = await getOptionalUser(args);
  const headers = { "cache-control": "private, no-store" };
  if (!user) return Response.json({ error: "unauthenticated" }, { status: 401, headers });
  return Response.json(await listMyChannels(args.context.services.db, user.id), { headers });
}
