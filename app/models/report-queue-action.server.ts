import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect } from "@remix-run/node";
import type { Services } from "~/server/context.server";
import { invariantResponse } from "~/utils/invariant";
import type { Viewer } from "~/utils/permissions.server";
import { decisionSchema } from "~/validation/report-queue";
import { decideReport } from "./report-queue-decide.server";
import type { QueueScope } from "./report-queue.server";

/**
 * The decision forms' answer, shared by the alliance's and the platform's queue pages: 400 with the
 * field messages (and what was typed) for that subject's card; 404 for a subject outside the viewer's
 * queue (a malformed id included); 403 when the subject's own rule refuses; otherwise back to the
 * same list, saying what was done — or that it had already been decided.
 */

/** `subject` ("type:id") names the card whose form the result belongs to. */
export type QueueReply = { subject: string; result: SubmissionResult<string[]> };

export async function answerDecision(
  services: Pick<Services, "db" | "realtime">,
  request: Request,
  viewer: NonNullable<Viewer>,
  scope: QueueScope,
  formData: FormData,
) {
  const submission = parseWithZod(formData, { schema: decisionSchema });
  const subject = `${String(formData.get("subjectType") ?? "")}:${String(formData.get("subjectId") ?? "")}`;
  if (submission.status !== "success") {
    return data<QueueReply>({ subject, result: submission.reply() }, { status: 400 });
  }
  const outcome = await decideReport(services, viewer, scope, submission.value);
  invariantResponse(outcome !== "notFound", 404, "reportQueue.error.notFound");
  invariantResponse(outcome !== "forbidden", 403, "reportQueue.error.forbidden");
  const back = new URL(request.url);
  back.searchParams.set("done", outcome);
  return redirect(`${back.pathname}${back.search}`, 303);
}
