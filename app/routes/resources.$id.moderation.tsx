import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { dismissResourceReport, setResourceHidden } from "~/models/resource-moderation.server";
import { requireResource } from "~/utils/resource-guard.server";
import { resourceModerationSchema } from "~/validation/resource";

/**
 * Hiding and restoring a resource with a reason, and dismissing reports about it: organizers of an
 * alliance it is shared with, or platform admins. Action only; replies are json() Responses, whose
 * status survives single fetch.
 */

export type ResourceModerationReply = { result: SubmissionResult<string[]> };

export async function action(args: ActionFunctionArgs) {
  const formData = await args.request.formData().catch(() => new FormData());
  const { user, resource } = await requireResource(args, {
    need: "moderate",
    forbidden: "resource.moderate.forbidden",
  });
  const submission = parseWithZod(formData, { schema: resourceModerationSchema });
  if (submission.status !== "success") {
    return json<ResourceModerationReply>({ result: submission.reply() }, { status: 400 });
  }
  const { services } = args.context;
  const input = submission.value;
  const outcome =
    input.intent === "dismiss"
      ? await dismissResourceReport(services, resource, user.id, input.reportId)
      : await setResourceHidden(services, resource, user.id, {
          hide: input.intent === "hide",
          reason: input.reason,
        });
  if (outcome === "unknown") {
    return json<ResourceModerationReply>(
      { result: submission.reply({ formErrors: ["resource.error.reportUnknown"] }) },
      { status: 404 },
    );
  }
  return redirect(`/resources/${resource.id}`);
}
