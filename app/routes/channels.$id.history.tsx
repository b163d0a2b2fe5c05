import type { LoaderFunctionArgs } from "@remix-run/node";
import { channelAccess } from "~/models/channel-access.server";
import { listMessages } from "~/models/channel-messages.server";
import { getOptionalUser } from "~/utils/session.server";
import { PAGE_MAX } from "~/validation/channel-message";

const noStore = { "cache-control": "private, no-store" };

/** A seq or a limit from the query: a non-negative safe integer, else undefined (absent) or null (bad). */
function count(value: string | null): number | null | undefined {
  if (value === null) return undefined;
  if (!/^\d{1,16}$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * GET /channels/:id/history?before=<seq> | after=<seq> [&limit=<n>]: a page of the channel's messages as
 * JSON, oldest first, for the channel page scrolling through history (no cursor: the newest). A channel
 * the viewer cannot see, visitors included, is 404.
 */
export async function loader(args: LoaderFunctionArgs) {
  const { user } = await getOptionalUser(args);
  const { db } = args.context.services;
  const channel = user ? await channelAccess(db, user, args.params.id ?? "") : null;
  if (!user || !channel) return Response.json({ error: "not_found" }, { status: 404, headers: noStore });
  const params = new URL(args.request.url).searchParams;
  const before = count(params.get("before"));
  const after = count(params.get("after"));
  const limit = count(params.get("limit"));
  if (before === null || after === null || limit === null || limit === 0 || (limit ?? 0) > PAGE_MAX) {
    return Response.json({ error: "bad_request" }, { status: 400, headers: noStore });
  }
  const page = await listMessages(db, user, channel, { before, after, limit });
  return Response.json(page, { headers: noStore });
}
