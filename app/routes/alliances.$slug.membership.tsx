import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { ErrorList } from "~/components/form/error-list";
import { StatusMessage } from "~/components/form/status-message";
import { useT } from "~/i18n/use-t";
import { cancelRequest, joinAlliance, leaveAlliance } from "~/models/memberships.server";
import { membershipErrors, type Outcome } from "~/models/membership-errors";
import { requireAllianceRight } from "~/utils/alliance-guard.server";
import { requireUser } from "~/utils/session.server";
import { membershipSchema } from "~/validation/membership";

/**
 * The viewer's own membership: join or ask to join, withdraw a request, leave. The panel on every
 * alliance tab posts here with a fetcher; without JavaScript the post renders this route inside the
 * alliance layout, whose panel then shows the new state and this page the outcome.
 */
export async function action(args: ActionFunctionArgs) {
  await requireUser(args);
  const formData = await args.request.formData().catch(() => new FormData());
  const submission = parseWithZod(formData, { schema: membershipSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), error: null }, { status: 400 });
  }
  const { services } = args.context;
  const value = submission.value;
  let outcome: Outcome;
  if (value.intent === "join") {
    const { alliance, user } = await requireAllianceRight(args, "alliance.join");
    outcome = await joinAlliance(services, { alliance, user, message: value.message });
  } else if (value.intent === "cancel") {
    const { alliance, user } = await requireAllianceRight(args, "alliance.cancelRequest");
    outcome = await cancelRequest(services, { alliance, userId: user.id });
  } else {
    const { alliance, user } = await requireAllianceRight(args, "alliance.leave");
    outcome = await leaveAlliance(services, { alliance, userId: user.id });
  }
  if (!outcome.ok) {
    return data(
      { result: submission.reply(), error: outcome.error },
      { status: membershipErrors[outcome.error] },
    );
  }
  return { result: submission.reply({ resetForm: true }), error: null, done: value.intent };
}

export default function MembershipOutcome() {
  const actionData = useActionData<typeof action>();
  const t = useT();
  if (!actionData) return null;
  const problems = actionData.error
    ? [`membership.error.${actionData.error}`]
    : Object.values(actionData.result.error ?? {}).flatMap((messages) => messages ?? []);
  if (problems.length > 0) {
    return (
      <div role="alert" className="text-sm font-medium text-red-700">
        <ErrorList errors={problems} />
      </div>
    );
  }
  return "done" in actionData ? (
    <StatusMessage>{t(`membership.done.${actionData.done}`)}</StatusMessage>
  ) : null;
}
