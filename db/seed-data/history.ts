import type { Tx } from "~/utils/db.server";
import { seedHistoryBoard } from "./history-board";
import { seedHistoryCalendar } from "./history-calendar";
import { seedHistoryCatalogue } from "./history-catalogue";
import type { AllianceRow, InsertedChain, OrganizationRow, UserRow } from "./insert";

/**
 * The year before the demo's present: problems posted and solved, events held, resources shared and
 * asked about, so the dashboard's month, quarter and year views show a platform in use. Returns how
 * many history problems this run wrote (none when seeding again), so the caller knows whether the
 * dashboard's figures need rebuilding.
 */
export async function seedHistory(
  tx: Tx,
  context: {
    chains: Map<string, InsertedChain>;
    alliances: Map<string, AllianceRow>;
    orgs: Map<string, OrganizationRow>;
    users: Map<string, UserRow>;
    now: number;
  },
): Promise<number> {
  const { posted, fresh } = await seedHistoryBoard(tx, context);
  await seedHistoryCalendar(tx, context);
  await seedHistoryCatalogue(tx, context, posted);
  return fresh;
}
