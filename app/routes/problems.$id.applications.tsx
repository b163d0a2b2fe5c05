import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs } from "@remix-run/node";
import type { MessageKey } from "~/i18n/dictionary";
import {
  applyToProblem,
  decideApplication,
  withdrawApplication,
  type ApplicationError,
} from "~/models/problem-applications.server";
import { invariantResponse } from "~/utils/invariant";
import { requireProblem } from "~/utils/problem-guard.server";
import { applicationSchema, decisionSchema } from "~/validation/problem-work";

/**
 * 揭榜 on a problem's page: apply and withdraw (the applicant), shortlist, decline and accept (the
 * poster or a moderator). Action only: the forms live on the page and post here from fetchers. Replies
 * are json() Responses: under single fetch a resource route's status survives only in a Response.
 */

export type ApplicationsReply = { result: SubmissionResult<string[]> };

const statusOf: Record<ApplicationError, number> = {
  duplicate: 409,
  applyOwn: 403,
  applyClosed: 409,
  orgNotRepresented: 400,
  applicationMissing: 404,
  applicationState: 409,
  notOpen: 409,
};

const refusal = (error: ApplicationError): MessageKey => `problemWork.error.${error}`;

export async function action(args: ActionFunctionArgs) {
  const formData = await args.request.formData().catch(() => new FormData());
  const intent = formData.get("intent");
  const { services } = args.context;
  if (intent === "apply") {
    const { user, problem } = await requireProblem(args, "problem.apply");
    invariantResponse(problem.authorId !== user.id, 403, "problemWork.error.applyOwn");
    const submission = parseWithZod(formData, { schema: applicationSchema });
    if (submission.status !== "success") {
      return json<ApplicationsReply>({ result: submission.reply() }, { status: 400 });
    }
    const outcome = await applyToProblem(services, problem, user, submission.value);
    if (!outcome.ok) {
      const message = refusal(outcome.error);
      const result =
        outcome.error === "orgNotRepresented"
          ? submission.reply({ fieldErrors: { orgId: [message] } })
          : submission.reply({ formErrors: [message] });
      return json<ApplicationsReply>({ result }, { status: statusOf[outcome.error] });
    }
    return redirect(`/problems/${problem.id}`);
  }
  if (intent === "withdraw") {
    const { user, problem } = await requireProblem(args, "problem.apply");
    const outcome = await withdrawApplication(services, problem, user.id);
    invariantResponse(outcome.ok, 409, "problemWork.error.applicationState");
    return redirect(`/problems/${problem.id}`);
  }
  invariantResponse(
    intent === "shortlist" || intent === "decline" || intent === "accept",
    400,
    "problemWork.error.intentUnknown",
  );
  const { user, problem } = await requireProblem(args, "problem.manage", { manage: true });
  const submission = parseWithZod(formData, { schema: decisionSchema });
  if (submission.status !== "success") {
    return json<ApplicationsReply>({ result: submission.reply() }, { status: 400 });
  }
  const outcome = await decideApplication(services, problem, user, submission.value);
  if (!outcome.ok) {
    return json<ApplicationsReply>(
      { result: submission.reply({ formErrors: [refusal(outcome.error)] }) },
      { status: statusOf[outcome.error] },
    );
  }
  return redirect(`/problems/${problem.id}`);
}
