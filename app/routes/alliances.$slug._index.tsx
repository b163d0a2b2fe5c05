import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { AllianceEvents } from "~/components/alliance/alliance-events";
import { AllianceLeaders } from "~/components/alliance/alliance-leaders";
import { recentAllianceEvents } from "~/models/alliance-activity.server";
import { loadAlliance } from "~/utils/alliance-guard.server";
import type { loader as allianceLoader } from "./alliances.$slug";

export async function loader(args: LoaderFunctionArgs) {
  const { alliance } = await loadAlliance(args);
  return { events: await recentAllianceEvents(args.context.services.db, alliance.id) };
}

/** The overview tab: leaders and recent membership news (the header above shows the rest). */
export default function AllianceOverviewTab() {
  const data = useRouteLoaderData<typeof allianceLoader>("routes/alliances.$slug");
  const { events } = useLoaderData<typeof loader>();
  if (!data) return null;
  return (
    <>
      <AllianceLeaders leaders={data.alliance.leaders} />
      <AllianceEvents events={events} />
    </>
  );
}
