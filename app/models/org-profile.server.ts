import { and, asc, eq, isNull } from "drizzle-orm";
import {
  alliances,
  chainNodes,
  chains,
  memberships,
  organizations,
  orgPositions,
  orgRepresentatives,
  users,
} from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import type { OrgKind } from "~/validation/organization";
import { isUuid } from "./topic-records.server";

type Named = { nameZh: string; nameEn: string };
export type PositionNode = Named & { slug: string };
export type ChainPositions = Named & { slug: string; supplies: PositionNode[]; needs: PositionNode[] };
export type ProfileRepresentative = { userId: string; displayName: string; role: "admin" | "representative" };

export type OrgProfile = Named & {
  id: string;
  kind: OrgKind;
  descriptionZh: string;
  descriptionEn: string;
  website: string | null;
  city: string | null;
  verified: boolean;
  /** By chain in the chains' order, each chain's nodes upstream first. */
  positions: ChainPositions[];
  representatives: ProfileRepresentative[];
  alliances: (Named & { slug: string })[];
};

/**
 * An organization's public profile in four queries. People who asked to stay out of directories are
 * left out of its representatives unless `showUnlisted` (its admins and platform admins manage them).
 */
export async function getOrgProfile(
  db: DbOrTx,
  orgId: string,
  options: { showUnlisted: boolean; viewerId: string | null },
): Promise<OrgProfile | null> {
  if (!isUuid(orgId)) return null;
  const [[org], positionRows, representativeRows, allianceRows] = await Promise.all([
    db
      .select({
        id: organizations.id,
        nameZh: organizations.nameZh,
        nameEn: organizations.nameEn,
        kind: organizations.kind,
        descriptionZh: organizations.descriptionZh,
        descriptionEn: organizations.descriptionEn,
        website: organizations.website,
        city: organizations.city,
        verified: organizations.verified,
      })
      .from(organizations)
      .where(eq(organizations.id, orgId)),
    db
      .select({
        kind: orgPositions.kind,
        chainSlug: chains.slug,
        chainNameZh: chains.nameZh,
        chainNameEn: chains.nameEn,
        slug: chainNodes.slug,
        nameZh: chainNodes.nameZh,
        nameEn: chainNodes.nameEn,
      })
      .from(orgPositions)
      .innerJoin(chainNodes, eq(chainNodes.id, orgPositions.nodeId))
      .innerJoin(chains, eq(chains.id, chainNodes.chainId))
      .where(eq(orgPositions.orgId, orgId))
      .orderBy(asc(chains.position), asc(chains.slug), asc(chainNodes.position), asc(chainNodes.slug)),
    db
      .select({
        userId: users.id,
        displayName: users.displayName,
        role: orgRepresentatives.role,
        listed: users.listedInDirectory,
      })
      .from(orgRepresentatives)
      .innerJoin(users, eq(users.id, orgRepresentatives.userId))
      .where(eq(orgRepresentatives.orgId, orgId))
      .orderBy(asc(orgRepresentatives.role), asc(users.displayName)),
    db
      .selectDistinct({
        slug: alliances.slug,
        nameZh: alliances.nameZh,
        nameEn: alliances.nameEn,
        position: alliances.position,
      })
      .from(orgRepresentatives)
      .innerJoin(
        memberships,
        and(eq(memberships.userId, orgRepresentatives.userId), eq(memberships.status, "active")),
      )
      .innerJoin(alliances, and(eq(alliances.id, memberships.allianceId), isNull(alliances.archivedAt)))
      .where(eq(orgRepresentatives.orgId, orgId))
      .orderBy(asc(alliances.position), asc(alliances.slug)),
  ]);
  if (!org) return null;

  const byChain = new Map<string, ChainPositions>();
  for (const row of positionRows) {
    const chain = byChain.get(row.chainSlug) ?? {
      slug: row.chainSlug,
      nameZh: row.chainNameZh,
      nameEn: row.chainNameEn,
      supplies: [],
      needs: [],
    };
    chain[row.kind].push({ slug: row.slug, nameZh: row.nameZh, nameEn: row.nameEn });
    byChain.set(row.chainSlug, chain);
  }
  const representatives = representativeRows
    .filter((rep) => rep.listed || options.showUnlisted || rep.userId === options.viewerId)
    .map(({ listed: _listed, ...rep }) => rep);
  return {
    ...org,
    positions: [...byChain.values()],
    representatives,
    alliances: allianceRows.map(({ position: _position, ...alliance }) => alliance),
  };
}
