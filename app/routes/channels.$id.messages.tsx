import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs } from "@remix-run/node";
import { channelAccess } from "~/models/channel-access.server";
import { deleteMessage, editMessage, markRead, sendMessage } from "~/models/channel-messages.server";
import { isUuid } from "~/models/topic-records.server";
import type { MessageError, MessageResult, MessageView } from "~/realtime/protocol";
import { sendLimiter } from "~/realtime/rate-limit";
import { messageErrorStatus } from "~/utils/message-error-status";
import { requireUser } from "~/utils/session.server";
import {
  deleteFormSchema,
  editFormSchema,
  readFormSchema,
  sendFormSchema,
} from "~/validation/channel-message";

/**
 * POST /channels/:id/messages with `intent` send | edit | delete | read: the same requests as the
 * socket events, for a page without a live connection. Action only; every answer is json() (under
 * single fetch only a Response keeps its status): 400 with the field's message and every typed value
 * kept, 403, 404 for a channel or message the viewer cannot see, 429 when sending too fast.
 */

export type ChannelMessagesReply =
  | { ok: true; message?: MessageView; duplicate?: boolean; result?: SubmissionResult<string[]> }
  | { ok: false; error: MessageError; result?: SubmissionResult<string[]> };

const headers = { "cache-control": "private, no-store" };

export function loader() {
  return new Response(null, { status: 405, headers: { Allow: "POST" } });
}

export async function action(args: ActionFunctionArgs) {
  const user = await requireUser(args);
  const channelId = args.params.id ?? "";
  if (!isUuid(channelId)) return failure({ code: "not_found", message: "channelMessage.error.notFound" });
  const formData = await args.request.formData().catch(() => new FormData());
  const { services } = args.context;

  switch (formData.get("intent")) {
    case "send": {
      const submission = parseWithZod(formData, { schema: sendFormSchema });
      if (submission.status !== "success") return invalid(submission.reply(), submission.error);
      if (sendLimiter().take(user.id) > 0) {
        return answer(submission.reply(), {
          ok: false,
          error: { code: "limit", message: "channelMessage.error.limit" },
        });
      }
      const result = await sendMessage(services, user, { ...submission.value, channelId });
      return answer(result.ok ? submission.reply({ resetForm: true }) : replyTo(submission, result), result);
    }
    case "edit": {
      const submission = parseWithZod(formData, { schema: editFormSchema });
      if (submission.status !== "success") return invalid(submission.reply(), submission.error);
      const result = await editMessage(services, user, { ...submission.value, channelId });
      return answer(result.ok ? submission.reply({ resetForm: true }) : replyTo(submission, result), result);
    }
    case "delete": {
      const submission = parseWithZod(formData, { schema: deleteFormSchema });
      if (submission.status !== "success") return invalid(submission.reply(), submission.error);
      return answer(undefined, await deleteMessage(services, user, { ...submission.value, channelId }));
    }
    case "read": {
      const submission = parseWithZod(formData, { schema: readFormSchema });
      if (submission.status !== "success") return invalid(submission.reply(), submission.error);
      const channel = await channelAccess(services.db, user, channelId);
      if (!channel) return failure({ code: "not_found", message: "channelMessage.error.notFound" });
      await markRead(services, user, channel, submission.value.seq);
      return json<ChannelMessagesReply>({ ok: true }, { headers });
    }
    default:
      return failure({ code: "bad_request", message: "channelMessage.error.intentUnknown", field: "intent" });
  }
}

function failure(error: MessageError, result?: SubmissionResult<string[]>) {
  return json<ChannelMessagesReply>(
    { ok: false, error, result },
    { status: messageErrorStatus[error.code], headers },
  );
}

/** A form that failed its schema: its first field message, and the whole conform reply. */
function invalid(
  result: SubmissionResult<string[]>,
  errors: Record<string, string[] | null> | null | undefined,
) {
  const [field, messages] = Object.entries(errors ?? {}).find(([, list]) => list?.length) ?? ["", null];
  const message = (messages?.[0] ?? "channelMessage.error.badRequest") as MessageError["message"];
  return failure({ code: "bad_request", message, ...(field && { field }) }, result);
}

function replyTo(
  submission: {
    reply(options?: {
      fieldErrors?: Record<string, string[]>;
      formErrors?: string[];
    }): SubmissionResult<string[]>;
  },
  result: Extract<MessageResult, { ok: false }>,
) {
  const { field, message } = result.error;
  return field
    ? submission.reply({ fieldErrors: { [field]: [message] } })
    : submission.reply({ formErrors: [message] });
}

function answer(result: SubmissionResult<string[]> | undefined, outcome: MessageResult) {
  if (!outcome.ok) return failure(outcome.error, result);
  return json<ChannelMessagesReply>({ ...outcome, result }, { headers });
}
