import { insightMembers } from "../../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";

export type MemberCounts = { members: number; organizations: number };

/** Key of a grain in the map `loadMembers` returns: "*" stands for "all". */
export const memberKey = (allianceId: string | null, chainId: string | null) =>
  `${allianceId ?? "*"}|${chainId ?? "*"}`;

/** Members and organizations per grain as of the last refresh: a few dozen rows, read whole. */
export async function loadMembers(db: DbOrTx): Promise<Map<string, MemberCounts>> {
  const rows = await db.select().from(insightMembers);
  return new Map(rows.map(({ allianceId, chainId, ...counts }) => [memberKey(allianceId, chainId), counts]));
}

export const noMembers = (): MemberCounts => ({ members: 0, organizations: 0 });
