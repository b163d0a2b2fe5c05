import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs } from "@remix-run/node";
import { reportMessage } from "~/models/channel-moderation.server";
import { requireChannelRight } from "~/utils/channel-admin-guard.server";
import { messageReportSchema } from "~/validation/channel";

/**
 * Reporting a message to the alliance's organizers. Action only: the form sits beside each message
 * and posts here with a fetcher. Reporting the same message twice changes nothing and says so (409).
 * Replies are json() Responses, whose status survives single fetch.
 */

export type ReportReply = { result: SubmissionResult<string[]>; reported?: true };

export async function action(args: ActionFunctionArgs) {
  const formData = await args.request.formData().catch(() => new FormData());
  const { user, channel } = await requireChannelRight(args, "report", (id) => `/channels/${id}`);
  const submission = parseWithZod(formData, { schema: messageReportSchema });
  if (submission.status !== "success") {
    return json<ReportReply>({ result: submission.reply() }, { status: 400 });
  }
  const outcome = await reportMessage(args.context.services.db, channel, user.id, submission.value);
  if (outcome === "unknown") {
    return json<ReportReply>(
      { result: submission.reply({ formErrors: ["channelAdmin.error.messageUnknown"] }) },
      { status: 404 },
    );
  }
  if (outcome === "already") {
    return json<ReportReply>(
      { result: submission.reply({ formErrors: ["channelAdmin.report.already"] }) },
      { status: 409 },
    );
  }
  return json<ReportReply>({ result: submission.reply({ resetForm: true }), reported: true });
}
