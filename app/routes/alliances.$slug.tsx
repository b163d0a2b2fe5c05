import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet, useLoaderData, useRevalidator } from "@remix-run/react";
import { AllianceHeader } from "~/components/alliance/alliance-header";
import { AllianceTabs } from "~/components/alliance/alliance-tabs";
import { MembershipPanel } from "~/components/alliance/membership-panel";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { metaLocale, metaTranslator } from "~/i18n/meta";
import { pick } from "~/i18n/pick";
import { latestActivityId } from "~/models/activity.server";
import { getAllianceOverview } from "~/models/alliance-overview.server";
import { pendingRequestCount } from "~/models/membership-requests.server";
import { allianceTopic, userTopic } from "~/realtime/topics";
import { useLive } from "~/realtime/use-live";
import { loadAlliance } from "~/utils/alliance-guard.server";
import { invariantResponse } from "~/utils/invariant";
import { canInAlliance } from "~/utils/permissions.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  if (!data) return [{ title: `${t("error.title.404")} · ${t("common.appName")}` }];
  const locale = metaLocale(matches);
  const { alliance } = data;
  return [
    { title: `${pick(locale, alliance.nameZh, alliance.nameEn)} · ${t("common.appName")}` },
    { name: "description", content: pick(locale, alliance.descriptionZh, alliance.descriptionEn) },
  ];
};

export async function loader(args: LoaderFunctionArgs) {
  const { db } = args.context.services;
  const { alliance: ref, membership, role, user } = await loadAlliance(args);
  const rights = {
    join: canInAlliance(role, "alliance.join"),
    cancelRequest: canInAlliance(role, "alliance.cancelRequest"),
    leave: canInAlliance(role, "alliance.leave"),
    members: canInAlliance(role, "alliance.members.list"),
    channels: canInAlliance(role, "channel.read"),
    decide: canInAlliance(role, "alliance.requests.decide"),
    invite: canInAlliance(role, "alliance.invite"),
    audit: canInAlliance(role, "alliance.audit.view"),
    insights: canInAlliance(role, "alliance.insights.view"),
    reports: canInAlliance(role, "alliance.reports.review"),
    edit: canInAlliance(role, "alliance.edit"),
    watch: canInAlliance(role, "alliance.watch") && ref.archivedAt === null,
  };
  // Signed-in viewers follow the alliance (new members, and for organizers new requests) and their
  // own topic, where decisions about them arrive.
  const [alliance, pendingCount, userAfter, allianceAfter] = await Promise.all([
    getAllianceOverview(db, ref.slug),
    rights.decide ? pendingRequestCount(db, ref.id) : 0,
    user ? latestActivityId(db, userTopic(user.id)) : 0,
    rights.watch ? latestActivityId(db, allianceTopic(ref.id)) : 0,
  ]);
  invariantResponse(alliance, 404, "alliance.notFound");
  return {
    alliance,
    viewer: {
      signedIn: user !== null,
      isMember: membership?.status === "active",
      status: membership?.status ?? null,
      memberRole: membership?.status === "active" ? membership.role : null,
    },
    rights,
    pendingCount,
    live: {
      user: user ? { topic: userTopic(user.id), after: userAfter } : null,
      alliance: rights.watch ? { topic: allianceTopic(ref.id), after: allianceAfter } : null,
    },
  };
}

export default function AllianceLayout() {
  const { alliance, viewer, rights, pendingCount, live } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  useLive(live.user?.topic ?? null, live.user?.after ?? 0, (activity) => {
    const data = (activity.payload as { data?: { allianceId?: string } }).data;
    if (data?.allianceId === alliance.id) revalidator.revalidate();
  });
  useLive(live.alliance?.topic ?? null, live.alliance?.after ?? 0, () => revalidator.revalidate());
  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:px-6 lg:px-8">
      <AllianceHeader alliance={alliance} />
      <MembershipPanel alliance={alliance} viewer={viewer} rights={rights} />
      <AllianceTabs rights={rights} pendingCount={pendingCount} />
      <div className="mt-6">
        <Outlet />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
