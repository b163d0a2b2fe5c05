import type { LoaderFunctionArgs } from "@remix-run/node";
import { matchResources } from "~/models/resource-matching.server";
import { getOptionalUser } from "~/utils/session.server";
import { parseMatchDraft } from "~/validation/matching";

/**
 * GET /resources/matches?title=…&body=…&tags=…&node=<id>…: shared resources the viewer may list that may
 * help with the problem being written, as JSON for the posting and edit forms. Any text is answered, with
 * matches or none.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await getOptionalUser({ request, context });
  const draft = parseMatchDraft(new URL(request.url).searchParams);
  const matches = await matchResources(context.services.db, user, draft);
  return Response.json({ matches }, { headers: { "cache-control": "private, no-store" } });
}
