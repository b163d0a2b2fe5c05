import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { RequestCard } from "~/components/alliance/request-card";
import { useT } from "~/i18n/use-t";
import { listPendingRequests } from "~/models/membership-requests.server";
import { membershipErrors } from "~/models/membership-errors";
import { decideRequest } from "~/models/memberships.server";
import { requireAllianceRight } from "~/utils/alliance-guard.server";
import { decisionSchema } from "~/validation/membership";

export async function loader(args: LoaderFunctionArgs) {
  const { alliance } = await requireAllianceRight(args, "alliance.requests.decide");
  return { requests: await listPendingRequests(args.context.services.db, alliance.id) };
}

export async function action(args: ActionFunctionArgs) {
  const { alliance, user, role } = await requireAllianceRight(args, "alliance.requests.decide");
  const formData = await args.request.formData().catch(() => new FormData());
  const submission = parseWithZod(formData, { schema: decisionSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), error: null }, { status: 400 });
  }
  const { intent, userId, reason } = submission.value;
  const outcome = await decideRequest(args.context.services, {
    alliance,
    actor: { id: user.id, role },
    userId,
    approve: intent === "approve",
    reason,
  });
  if (!outcome.ok) {
    return data(
      { result: submission.reply(), error: outcome.error },
      { status: membershipErrors[outcome.error] },
    );
  }
  return { result: submission.reply({ resetForm: true }), error: null };
}

export default function RequestsTab() {
  const { requests } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="requests-heading">
      <h2 id="requests-heading" className="text-lg font-semibold text-slate-900">
        {t("membership.requests.title")}
      </h2>
      {requests.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{t("membership.requests.none")}</p>
      ) : (
        <ul className="mt-4 space-y-3">
          {requests.map((request) => (
            <RequestCard key={request.userId} request={request} />
          ))}
        </ul>
      )}
    </section>
  );
}
