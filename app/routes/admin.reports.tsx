import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterSelect } from "~/components/form/filter-select";
import { SubmitButton } from "~/components/form/submit-button";
import { ReportQueueView } from "~/components/report-queue/report-queue-view";
import { metaTranslator } from "~/i18n/meta";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import { answerDecision, type QueueReply } from "~/models/report-queue-action.server";
import { listReportQueue, queueAlliances } from "~/models/report-queue.server";
import { requirePlatformRight } from "~/utils/admin-guard.server";
import { invariantResponse } from "~/utils/invariant";
import { parseQueueFilters } from "~/validation/report-queue";

/**
 * The platform's review queue: every report, content outside any alliance included, optionally one
 * alliance's (`?alliance=slug`, or `none` for content outside alliances). Admins decide everything.
 */

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("reportQueue.title")} · ${t("admin.title")} · ${t("common.appName")}` }];
};

const OUTSIDE = "none";

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePlatformRight(args, "admin.moderate");
  const { db } = args.context.services;
  const params = new URL(args.request.url).searchParams;
  const filters = parseQueueFilters(params);
  const alliances = await queueAlliances(db);
  const slug = params.get("alliance") ?? "";
  const allianceId = slug === OUTSIDE ? null : slug ? alliances.find((a) => a.slug === slug)?.id : undefined;
  invariantResponse(!slug || allianceId !== undefined, 404, "alliance.notFound");
  const queue = await listReportQueue(db, {
    scope: { kind: "platform", allianceId },
    filters,
    decider: { userId: user.id, admin: true, allianceId: null },
  });
  return { queue, filters, alliance: slug, alliances: alliances.map(({ id: _id, ...rest }) => rest) };
}

export async function action(args: ActionFunctionArgs) {
  const formData = await args.request.formData().catch(() => new FormData());
  const user = await requirePlatformRight(args, "admin.moderate");
  return answerDecision(args.context.services, args.request, user, { kind: "platform" }, formData);
}

export default function AdminReports() {
  const { queue, filters, alliance, alliances } = useLoaderData<typeof loader>();
  const reply = useActionData<QueueReply>();
  const t = useT();
  const locale = useLocale();
  const allianceFilter = (
    <Form method="get" className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="status" value={filters.status} />
      {filters.kind && <input type="hidden" name="kind" value={filters.kind} />}
      <FilterSelect
        id="queue-alliance"
        name="alliance"
        label={t("reportQueue.filter.alliance")}
        value={alliance}
        anyLabel={t("reportQueue.filter.allianceAll")}
        options={[
          ...alliances.map((a) => ({ value: a.slug, label: pick(locale, a.nameZh, a.nameEn) })),
          { value: OUTSIDE, label: t("reportQueue.filter.allianceNone") },
        ]}
      />
      <SubmitButton variant="secondary">{t("reportQueue.filter.apply")}</SubmitButton>
    </Form>
  );
  return (
    <ReportQueueView
      queue={queue}
      filters={filters}
      lead={t("reportQueue.lead.platform")}
      reply={reply}
      filtersExtra={allianceFilter}
    />
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
