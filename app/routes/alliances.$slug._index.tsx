import { useRouteLoaderData } from "@remix-run/react";
import { AllianceLeaders } from "~/components/alliance/alliance-leaders";
import type { loader as allianceLoader } from "./alliances.$slug";

/** The overview tab: the alliance's leaders (the header above already shows the rest). */
export default function AllianceOverviewTab() {
  const data = useRouteLoaderData<typeof allianceLoader>("routes/alliances.$slug");
  if (!data) return null;
  return <AllianceLeaders leaders={data.alliance.leaders} />;
}
