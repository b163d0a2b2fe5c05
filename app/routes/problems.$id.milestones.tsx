import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { changeMilestones } from "~/models/problem-milestones.server";
import { requireProblem } from "~/utils/problem-guard.server";
import { milestoneSchema } from "~/validation/problem-work";

/** Add, tick, untick and delete a problem's milestones (the poster or a moderator). Action only. */

export type MilestonesReply = { result: SubmissionResult<string[]> };

export async function action(args: ActionFunctionArgs) {
  const formData = await args.request.formData().catch(() => new FormData());
  const { user, problem } = await requireProblem(args, "problem.manage", { manage: true });
  const submission = parseWithZod(formData, { schema: milestoneSchema });
  if (submission.status !== "success") {
    return json<MilestonesReply>({ result: submission.reply() }, { status: 400 });
  }
  const outcome = await changeMilestones(args.context.services, problem, user.id, submission.value);
  if (!outcome.ok) {
    return json<MilestonesReply>(
      { result: submission.reply({ formErrors: [`problemWork.error.${outcome.error}`] }) },
      { status: outcome.error === "milestoneMissing" ? 404 : 409 },
    );
  }
  return redirect(`/problems/${problem.id}`);
}
