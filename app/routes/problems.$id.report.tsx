import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { reportContent } from "~/models/problem-moderation.server";
import { requireProblem } from "~/utils/problem-guard.server";
import { reportSchema } from "~/validation/problem-care";

/**
 * Reporting the problem or one of its replies to the organizers. Action only: the forms live on the
 * page. A second report of the same thing changes nothing and says so. Replies are json() Responses:
 * under single fetch a resource route's status survives only in a Response.
 */

export type ReportReply = { result: SubmissionResult<string[]> };

export async function action(args: ActionFunctionArgs) {
  const formData = await args.request.formData().catch(() => new FormData());
  const { user, problem } = await requireProblem(args, "problem.report");
  const submission = parseWithZod(formData, { schema: reportSchema });
  if (submission.status !== "success") {
    return json<ReportReply>({ result: submission.reply() }, { status: 400 });
  }
  const outcome = await reportContent(args.context.services.db, problem, user.id, submission.value);
  if (outcome === "unknown") {
    return json<ReportReply>(
      { result: submission.reply({ formErrors: ["problemCare.report.subjectUnknown"] }) },
      { status: 404 },
    );
  }
  if (outcome === "already") {
    return json<ReportReply>(
      { result: submission.reply({ formErrors: ["problemCare.report.already"] }) },
      { status: 409 },
    );
  }
  return redirect(`/problems/${problem.id}`);
}
