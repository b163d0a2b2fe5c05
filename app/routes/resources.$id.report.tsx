import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { reportResource } from "~/models/resource-moderation.server";
import { requireResource } from "~/utils/resource-guard.server";
import { resourceReportSchema } from "~/validation/resource";

/**
 * Reporting a resource to its moderators. Action only: the form lives on the page. A second report by
 * the same person changes nothing and says so. Replies are json() Responses: under single fetch a
 * resource route's status survives only in a Response.
 */

export type ResourceReportReply = { result: SubmissionResult<string[]> };

export async function action(args: ActionFunctionArgs) {
  const formData = await args.request.formData().catch(() => new FormData());
  const { user, resource } = await requireResource(args, {
    action: "resource.report",
    forbidden: "resource.report.forbidden",
  });
  const submission = parseWithZod(formData, { schema: resourceReportSchema });
  if (submission.status !== "success") {
    return json<ResourceReportReply>({ result: submission.reply() }, { status: 400 });
  }
  const outcome = await reportResource(args.context.services.db, resource, user.id, submission.value.reason);
  if (outcome === "already") {
    return json<ResourceReportReply>(
      { result: submission.reply({ formErrors: ["resource.report.already"] }) },
      { status: 409 },
    );
  }
  return redirect(`/resources/${resource.id}`);
}
