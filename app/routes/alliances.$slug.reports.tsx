import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ReportQueueView } from "~/components/report-queue/report-queue-view";
import { useT } from "~/i18n/use-t";
import { answerDecision, type QueueReply } from "~/models/report-queue-action.server";
import { listReportQueue } from "~/models/report-queue.server";
import { requireAllianceRight } from "~/utils/alliance-guard.server";
import { parseQueueFilters } from "~/validation/report-queue";

/**
 * The alliance's review queue (its organizers, chairs, platform admins): every report filed in the
 * alliance, grouped by what was reported. Each decision is still the subject's own moderation.
 */

export async function loader(args: LoaderFunctionArgs) {
  const { alliance, user } = await requireAllianceRight(args, "alliance.reports.review");
  const filters = parseQueueFilters(new URL(args.request.url).searchParams);
  const queue = await listReportQueue(args.context.services.db, {
    scope: { kind: "alliance", allianceId: alliance.id },
    filters,
    decider: { userId: user.id, admin: user.platformRole === "admin", allianceId: alliance.id },
  });
  return { queue, filters };
}

export async function action(args: ActionFunctionArgs) {
  const formData = await args.request.formData().catch(() => new FormData());
  const { alliance, user } = await requireAllianceRight(args, "alliance.reports.review");
  return answerDecision(
    args.context.services,
    args.request,
    user,
    { kind: "alliance", allianceId: alliance.id },
    formData,
  );
}

export default function AllianceReports() {
  const { queue, filters } = useLoaderData<typeof loader>();
  const reply = useActionData<QueueReply>();
  const t = useT();
  return (
    <ReportQueueView queue={queue} filters={filters} lead={t("reportQueue.lead.alliance")} reply={reply} />
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
