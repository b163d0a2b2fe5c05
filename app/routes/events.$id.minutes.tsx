import { parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import { json, type ActionFunctionArgs } from "@remix-run/node";
import { saveMinutes } from "~/models/event-minutes.server";
import { requireEventManager } from "~/utils/event-guard.server";
import { minutesSchema } from "~/validation/event-after";

export type MinutesReply = { result: SubmissionResult<string[]>; saved: boolean };

/**
 * Saves the minutes and follow-up problems from the event page's form (`event.manage`; 404 for an
 * event the viewer cannot see, login for visitors). Action only: json() keeps the 400 under single fetch.
 */
export async function action(args: ActionFunctionArgs) {
  const { user, event } = await requireEventManager(args);
  const formData = await args.request.formData().catch(() => new FormData());
  const submission = parseWithZod(formData, { schema: minutesSchema });
  if (submission.status !== "success") {
    return json<MinutesReply>({ result: submission.reply(), saved: false }, { status: 400 });
  }
  const outcome = await saveMinutes(args.context.services, user, event, submission.value);
  if (!outcome.ok) {
    return json<MinutesReply>(
      {
        result: submission.reply({ formErrors: outcome.formErrors, fieldErrors: outcome.fieldErrors }),
        saved: false,
      },
      { status: outcome.formErrors ? 409 : 400 },
    );
  }
  return json<MinutesReply>({ result: submission.reply(), saved: true });
}
