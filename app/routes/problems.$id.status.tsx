import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { changeStatus } from "~/models/problem-lifecycle.server";
import { requireProblem } from "~/utils/problem-guard.server";
import { statusSchema } from "~/validation/problem-work";

/** Accept the solution, close, reopen: the poster's or a moderator's status buttons. Action only. */

export type StatusReply = { result: SubmissionResult<string[]> };

export async function action(args: ActionFunctionArgs) {
  const formData = await args.request.formData().catch(() => new FormData());
  const { user, problem } = await requireProblem(args, "problem.manage", { manage: true });
  const submission = parseWithZod(formData, { schema: statusSchema });
  if (submission.status !== "success") {
    return json<StatusReply>({ result: submission.reply() }, { status: 400 });
  }
  const outcome = await changeStatus(args.context.services, problem, user, submission.value);
  if (!outcome.ok) {
    return json<StatusReply>(
      { result: submission.reply({ formErrors: ["problemWork.error.transition"] }) },
      { status: 409 },
    );
  }
  return redirect(`/problems/${problem.id}`);
}
