import { redirect, type AppLoadContext } from "@remix-run/node";
import type { MessageKey } from "~/i18n/dictionary";
import { problemAccess, type ProblemRef } from "~/models/problem-access.server";
import type { SessionUser } from "./auth.server";
import { invariantResponse } from "./invariant";
import { can } from "./permissions.server";
import { getOptionalUser } from "./session.server";

type Args = { request: Request; context: AppLoadContext; params: { id?: string } };

const forbiddenMessage = {
  "problem.apply": "problemWork.error.applyForbidden",
  "problem.manage": "problemWork.error.manageForbidden",
  "problem.follow": "problemCare.follow.forbidden",
  "problem.report": "problemCare.report.forbidden",
} as const satisfies Record<string, MessageKey>;

type Options = {
  /** Also demand the poster or a moderator (403 otherwise). */
  manage?: boolean;
  /** The 403 message, when the action's own does not fit the page. */
  forbidden?: MessageKey;
  /** Where a visitor returns after logging in; the problem's page by default. */
  back?: (id: string) => string;
};

/**
 * For the routes under a problem's page: a visitor is sent to log in and then back to the page (not to
 * an action's URL, which has nothing to show); a signed-in viewer without the platform right gets 403;
 * a problem they cannot see is 404, as opening it would be.
 */
export async function requireProblem(
  args: Args,
  action: keyof typeof forbiddenMessage,
  options: Options = {},
): Promise<{ user: SessionUser; problem: ProblemRef }> {
  const id = args.params.id ?? "";
  const back = options.back ?? ((problemId: string) => `/problems/${problemId}`);
  const { user } = await getOptionalUser(args);
  if (!user) throw redirect(`/login?${new URLSearchParams({ redirectTo: back(encodeURIComponent(id)) })}`);
  const forbidden = options.forbidden ?? forbiddenMessage[action];
  invariantResponse(can(user, action), 403, forbidden);
  const problem = await problemAccess(args.context.services.db, user, id);
  invariantResponse(problem, 404, "problem.notFound");
  if (options.manage) invariantResponse(problem.manage, 403, forbidden);
  return { user, problem };
}
