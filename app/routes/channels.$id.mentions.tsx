import type { LoaderFunctionArgs } from "@remix-run/node";
import { channelAccess } from "~/models/channel-access.server";
import { mentionCandidates } from "~/models/channel-mention-candidates.server";
import { getOptionalUser } from "~/utils/session.server";

/** Longer than any display name worth matching. */
const QUERY_MAX = 50;

/**
 * GET /channels/:id/mentions?q=<typed>: up to eight members who can read the channel and whose names
 * match, as JSON `{ candidates: [{ id, name }] }`, for the composer's `@` list. 404 for a channel the
 * viewer cannot see.
 */
export async function loader(args: LoaderFunctionArgs) {
  const { user } = await getOptionalUser(args);
  const { db } = args.context.services;
  const headers = { "cache-control": "private, no-store" };
  const channel = user ? await channelAccess(db, user, args.params.id ?? "") : null;
  if (!user || !channel) return Response.json({ error: "not_found" }, { status: 404, headers });
  const typed = (new URL(args.request.url).searchParams.get("q") ?? "").slice(0, QUERY_MAX);
  const candidates = await mentionCandidates(db, user.id, channel, typed);
  return Response.json({ candidates }, { headers });
}
