import { and, asc, count, eq, isNull } from "drizzle-orm";
import { allianceChains, alliances, chains, memberships } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";

export type AllianceChainRef = { slug: string; nameZh: string; nameEn: string };

export type AllianceSummary = {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  joinPolicy: "open" | "request" | "invite";
  chains: AllianceChainRef[];
};

/** The columns every alliance listing shows: shared by the directory and the alliance page. */
export const allianceColumns = {
  id: alliances.id,
  slug: alliances.slug,
  nameZh: alliances.nameZh,
  nameEn: alliances.nameEn,
  descriptionZh: alliances.descriptionZh,
  descriptionEn: alliances.descriptionEn,
  joinPolicy: alliances.joinPolicy,
};

/** Active (not archived) alliances, each with the chains it covers: two queries however many alliances there are. */
export async function listAlliances(db: DbOrTx): Promise<AllianceSummary[]> {
  const active = isNull(alliances.archivedAt);
  const [rows, links] = await Promise.all([
    db
      .select(allianceColumns)
      .from(alliances)
      .where(active)
      .orderBy(asc(alliances.position), asc(alliances.slug)),
    db
      .select({
        allianceId: allianceChains.allianceId,
        slug: chains.slug,
        nameZh: chains.nameZh,
        nameEn: chains.nameEn,
      })
      .from(allianceChains)
      .innerJoin(alliances, and(eq(alliances.id, allianceChains.allianceId), active))
      .innerJoin(chains, eq(chains.id, allianceChains.chainId))
      .orderBy(asc(chains.position), asc(chains.slug)),
  ]);
  const byAlliance = new Map<string, AllianceChainRef[]>();
  for (const { allianceId, ...chain } of links) {
    const list = byAlliance.get(allianceId) ?? [];
    list.push(chain);
    byAlliance.set(allianceId, list);
  }
  return rows.map((row) => ({ ...row, chains: byAlliance.get(row.id) ?? [] }));
}

/** Active members per alliance, in one grouped query: for the directory. */
export async function memberCounts(db: DbOrTx): Promise<Map<string, number>> {
  const rows = await db
    .select({ allianceId: memberships.allianceId, count: count() })
    .from(memberships)
    .where(eq(memberships.status, "active"))
    .groupBy(memberships.allianceId);
  return new Map(rows.map((row) => [row.allianceId, row.count]));
}
