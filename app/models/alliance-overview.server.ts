import { and, asc, countDistinct, eq, inArray, sql } from "drizzle-orm";
import {
  allianceChains,
  alliances,
  chains,
  memberships,
  orgRepresentatives,
  organizations,
  users,
} from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import { allianceColumns, type AllianceChainRef } from "./alliances.server";
import { representedOrgColumns, withOrganizations, type RepresentedOrg } from "./representation.server";

export type AllianceLeader = {
  userId: string;
  displayName: string;
  role: "chair" | "organizer";
  organizations: RepresentedOrg[];
};

export type AllianceOverview = {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  joinPolicy: "open" | "request" | "invite";
  archived: boolean;
  chains: AllianceChainRef[];
  leaders: AllianceLeader[];
  memberCount: number;
  organizationCount: number;
};

/**
 * One alliance's page: the alliance, its chains, its chair and organizers, and how many members and
 * organizations it has — four queries whatever its size (a test counts them with thousands of members).
 */
export async function getAllianceOverview(db: DbOrTx, slug: string): Promise<AllianceOverview | null> {
  const [alliance] = await db
    .select({ ...allianceColumns, archivedAt: alliances.archivedAt })
    .from(alliances)
    .where(eq(alliances.slug, slug));
  if (!alliance) return null;

  const active = and(eq(memberships.allianceId, alliance.id), eq(memberships.status, "active"));
  const [chainRows, leaderRows, [counts]] = await Promise.all([
    db
      .select({ slug: chains.slug, nameZh: chains.nameZh, nameEn: chains.nameEn })
      .from(allianceChains)
      .innerJoin(chains, eq(chains.id, allianceChains.chainId))
      .where(eq(allianceChains.allianceId, alliance.id))
      .orderBy(asc(chains.position), asc(chains.slug)),
    db
      .select({
        userId: users.id,
        displayName: users.displayName,
        role: memberships.role,
        ...representedOrgColumns,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .leftJoin(orgRepresentatives, eq(orgRepresentatives.userId, users.id))
      .leftJoin(organizations, eq(organizations.id, orgRepresentatives.orgId))
      .where(and(active, inArray(memberships.role, ["chair", "organizer"])))
      .orderBy(sql`${memberships.role} = 'chair' desc`, asc(users.displayName), asc(organizations.nameEn)),
    db
      .select({
        members: countDistinct(memberships.userId),
        organizations: countDistinct(orgRepresentatives.orgId),
      })
      .from(memberships)
      .leftJoin(orgRepresentatives, eq(orgRepresentatives.userId, memberships.userId))
      .where(active),
  ]);

  const leaders: AllianceLeader[] = withOrganizations(leaderRows, (row) => ({
    userId: row.userId,
    displayName: row.displayName,
    role: row.role as "chair" | "organizer",
  }));
  const { archivedAt, ...rest } = alliance;
  return {
    ...rest,
    archived: archivedAt !== null,
    chains: chainRows,
    leaders,
    memberCount: counts?.members ?? 0,
    organizationCount: counts?.organizations ?? 0,
  };
}
