import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { canModerate, dismissReport, setHidden } from "~/models/problem-moderation.server";
import { invariantResponse } from "~/utils/invariant";
import { requireProblem } from "~/utils/problem-guard.server";
import { moderationSchema } from "~/validation/problem-care";

/**
 * Hiding and restoring the problem or a reply (with a reason), and dismissing reports: organizers of
 * the problem's alliance, or platform admins for a problem outside alliances. Action only; replies
 * are json() Responses, whose status survives single fetch.
 */

export type ModerationReply = { result: SubmissionResult<string[]> };

export async function action(args: ActionFunctionArgs) {
  const formData = await args.request.formData().catch(() => new FormData());
  const { user, problem } = await requireProblem(args, "problem.manage", {
    forbidden: "problemCare.moderate.forbidden",
  });
  invariantResponse(canModerate(problem), 403, "problemCare.moderate.forbidden");
  const submission = parseWithZod(formData, { schema: moderationSchema });
  if (submission.status !== "success") {
    return json<ModerationReply>({ result: submission.reply() }, { status: 400 });
  }
  const { services } = args.context;
  const input = submission.value;
  const outcome =
    input.intent === "dismiss"
      ? await dismissReport(services, problem, user.id, input.reportId)
      : await setHidden(services, problem, user.id, {
          subject: { type: input.subjectType, id: input.subjectId },
          hide: input.intent === "hide",
          reason: input.reason,
        });
  if (outcome === "unknown") {
    return json<ModerationReply>(
      { result: submission.reply({ formErrors: ["problemCare.moderate.subjectUnknown"] }) },
      { status: 404 },
    );
  }
  return redirect(`/problems/${problem.id}`);
}
