import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs } from "@remix-run/node";
import type { MessageKey } from "~/i18n/dictionary";
import { askAbout } from "~/models/inquiry-ask.server";
import type { InquiryError } from "~/models/inquiry-parties.server";
import { resourceAccess } from "~/models/resource-access.server";
import { invariantResponse } from "~/utils/invariant";
import { can } from "~/utils/permissions.server";
import { getOptionalUser } from "~/utils/session.server";
import { askSchema } from "~/validation/inquiry";

/**
 * Asking a resource's provider, from the form on the resource's page. Action only: the form posts here
 * from a fetcher, and the reply is a json() Response (under single fetch a resource route's status
 * survives only in one). Success, and a second submit of the same question, open the inquiry's page.
 */

export type InquiriesReply = { result: SubmissionResult<string[]> };

const statusOf: Record<InquiryError, number> = {
  closed: 409,
  problemNotOwn: 400,
  orgNotRepresented: 400,
  notAllowed: 403,
  decided: 409,
};

export async function action(args: ActionFunctionArgs) {
  const id = args.params.id ?? "";
  const { user } = await getOptionalUser(args);
  // A visitor logs in and comes back to the resource's page, not to this URL, which has nothing to show.
  if (!user)
    throw redirect(`/login?${new URLSearchParams({ redirectTo: `/resources/${encodeURIComponent(id)}` })}`);
  invariantResponse(can(user, "resource.inquire"), 403, "inquiry.error.forbidden");
  const { services } = args.context;
  const resource = await resourceAccess(services.db, user, id);
  invariantResponse(resource, 404, "resource.notFound");
  invariantResponse(!resource.represents, 403, "inquiry.error.own");
  const formData = await args.request.formData().catch(() => new FormData());
  const submission = parseWithZod(formData, { schema: askSchema });
  if (submission.status !== "success") {
    return json<InquiriesReply>({ result: submission.reply() }, { status: 400 });
  }
  const outcome = await askAbout(services, resource, user, submission.value);
  if (!outcome.ok) {
    const message: MessageKey =
      outcome.error === "closed" ? "inquiry.error.unavailable" : `inquiry.error.${outcome.error}`;
    const field = { problemNotOwn: "problemId", orgNotRepresented: "orgId" } as Partial<
      Record<InquiryError, string>
    >;
    const name = field[outcome.error];
    const result = name
      ? submission.reply({ fieldErrors: { [name]: [message] } })
      : submission.reply({ formErrors: [message] });
    return json<InquiriesReply>({ result }, { status: statusOf[outcome.error] });
  }
  return redirect(`/inquiries/${outcome.id}`, { status: 303 });
}
