import type { LoaderFunctionArgs } from "@remix-run/node";
import { similarProblems } from "~/models/problem-similar.server";
import { getOptionalUser } from "~/utils/session.server";
import { SEARCH_MAX } from "~/validation/problem";

/**
 * GET /problems/similar?q=<title>[&exclude=<id>]: up to five problems the viewer may list whose wording
 * overlaps the title being typed, as JSON for the posting and edit forms. Any text is answered, with
 * results or none.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const { user } = await getOptionalUser({ request, context });
  const results = await similarProblems(
    context.services.db,
    user,
    (params.get("q") ?? "").slice(0, SEARCH_MAX),
    params.get("exclude"),
  );
  return Response.json({ results }, { headers: { "cache-control": "private, no-store" } });
}
