import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import {
  allianceChains,
  chainNodes,
  chains,
  memberships,
  organizations,
  orgPositions,
  orgRepresentatives,
  users,
} from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import {
  canInAlliance,
  canManageMember,
  canSeeEmail,
  type AllianceRole,
  type MemberRole,
} from "~/utils/permissions.server";
import { MEMBER_PAGE_SIZE, memberRoles, type MemberDirectoryQuery } from "~/validation/directory";
import type { OrgKind } from "~/validation/organization";
import { likePattern } from "./org-directory.server";

export type DirectoryOrganization = { id: string; nameZh: string; nameEn: string; kind: OrgKind };

export type DirectoryMember = {
  userId: string;
  displayName: string;
  role: MemberRole;
  /** When the membership became active (its creation for rows that predate `joinedAt`). */
  since: Date;
  /** Null when the viewer may not see it (`canSeeEmail`). */
  email: string | null;
  /** False only in the lists of those who manage members; everyone else never gets unlisted people. */
  listed: boolean;
  organizations: DirectoryOrganization[];
  /** What the viewer may do to this member: the roles they may move them to, and whether they may remove them. */
  controls: { roles: MemberRole[]; remove: boolean };
};

export type ChainOption = {
  id: string;
  nameZh: string;
  nameEn: string;
  nodes: { id: string; nameZh: string; nameEn: string }[];
};

export type MemberDirectory = {
  members: DirectoryMember[];
  /** Members matching the search and filters, over every page. */
  total: number;
  page: number;
  pageCount: number;
  /** The node filter's options, the alliance's own chains first. */
  chains: ChainOption[];
};

/**
 * One page of an alliance's active members, in three queries however many members there are: the page
 * (organizations folded in as JSON), the count, and the chains for the node filter.
 *
 * People who asked to be left out of directories are shown only to those who manage members (marked as
 * unlisted), because they must still be able to change their role or remove them; the alliance's member
 * count in the header includes them either way.
 */
export async function listMemberDirectory(
  db: DbOrTx,
  input: { allianceId: string; viewerRole: AllianceRole; query: MemberDirectoryQuery },
): Promise<MemberDirectory> {
  const { allianceId, viewerRole, query } = input;
  const where = and(
    eq(memberships.allianceId, allianceId),
    eq(memberships.status, "active"),
    canInAlliance(viewerRole, "alliance.members.manage") ? undefined : eq(users.listedInDirectory, true),
    query.role ? eq(memberships.role, query.role) : undefined,
    query.q ? textMatch(query.q) : undefined,
    query.kind ? representsWhere(sql`${organizations.kind} = ${query.kind}`) : undefined,
    query.node ? suppliesOrNeeds(query.node) : undefined,
  );
  const offset = (query.page - 1) * MEMBER_PAGE_SIZE;

  const [rows, [counted], chainRows] = await Promise.all([
    db
      .select({
        userId: users.id,
        displayName: users.displayName,
        email: users.email,
        hideEmail: users.hideEmail,
        listed: users.listedInDirectory,
        role: memberships.role,
        since: sql<Date>`coalesce(${memberships.joinedAt}, ${memberships.createdAt})`.mapWith(
          memberships.createdAt,
        ),
        organizations: sql<DirectoryOrganization[]>`coalesce((
          select json_agg(json_build_object(
            'id', ${organizations.id}, 'nameZh', ${organizations.nameZh},
            'nameEn', ${organizations.nameEn}, 'kind', ${organizations.kind}
          ) order by ${organizations.nameZh})
          from ${orgRepresentatives}
          join ${organizations} on ${organizations.id} = ${orgRepresentatives.orgId}
          where ${orgRepresentatives.userId} = ${users.id}
        ), '[]'::json)`,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(where)
      // The enum's order: chair, organizers, then members.
      .orderBy(asc(memberships.role), asc(users.displayName), asc(users.id))
      .limit(MEMBER_PAGE_SIZE)
      .offset(offset),
    db
      .select({ n: count() })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(where),
    db
      .select({
        chainId: chains.id,
        chainNameZh: chains.nameZh,
        chainNameEn: chains.nameEn,
        nodeId: chainNodes.id,
        nodeNameZh: chainNodes.nameZh,
        nodeNameEn: chainNodes.nameEn,
      })
      .from(chainNodes)
      .innerJoin(chains, eq(chains.id, chainNodes.chainId))
      .orderBy(
        desc(
          sql`exists (select 1 from ${allianceChains} where ${allianceChains.allianceId} = ${allianceId} and ${allianceChains.chainId} = ${chains.id})`,
        ),
        asc(chains.position),
        asc(chains.nameZh),
        asc(chainNodes.position),
      ),
  ]);

  const total = counted?.n ?? 0;
  return {
    members: rows.map(({ hideEmail, email, ...row }) => ({
      ...row,
      email: canSeeEmail(viewerRole, hideEmail) ? email : null,
      controls: memberControls(viewerRole, row.role),
    })),
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / MEMBER_PAGE_SIZE)),
    chains: groupChains(chainRows),
  };
}

/** The changes the policy lets `actor` attempt on a member holding `role` (the last-chair rule aside). */
export function memberControls(actor: AllianceRole, role: MemberRole): DirectoryMember["controls"] {
  return {
    roles: memberRoles.filter((to) => to !== role && canManageMember(actor, role, to)),
    remove: canManageMember(actor, role, null),
  };
}

/** The display name, or the Chinese or English name of one of the member's organizations. */
function textMatch(q: string): SQL {
  const pattern = likePattern(q);
  return or(
    ilike(users.displayName, pattern),
    representsWhere(or(ilike(organizations.nameZh, pattern), ilike(organizations.nameEn, pattern))!),
  )!;
}

/** The member represents an organization for which `condition` holds. */
function representsWhere(condition: SQL): SQL {
  return sql`exists (
    select 1 from ${orgRepresentatives}
    join ${organizations} on ${organizations.id} = ${orgRepresentatives.orgId}
    where ${orgRepresentatives.userId} = ${users.id} and ${condition}
  )`;
}

/** One of the member's organizations supplies or needs the node. */
function suppliesOrNeeds(nodeId: string): SQL {
  return sql`exists (
    select 1 from ${orgRepresentatives}
    join ${orgPositions} on ${orgPositions.orgId} = ${orgRepresentatives.orgId}
    where ${orgRepresentatives.userId} = ${users.id} and ${orgPositions.nodeId} = ${nodeId}
  )`;
}

function groupChains(
  rows: {
    chainId: string;
    chainNameZh: string;
    chainNameEn: string;
    nodeId: string;
    nodeNameZh: string;
    nodeNameEn: string;
  }[],
): ChainOption[] {
  const byId = new Map<string, ChainOption>();
  for (const row of rows) {
    let chain = byId.get(row.chainId);
    if (!chain) {
      chain = { id: row.chainId, nameZh: row.chainNameZh, nameEn: row.chainNameEn, nodes: [] };
      byId.set(row.chainId, chain);
    }
    chain.nodes.push({ id: row.nodeId, nameZh: row.nodeNameZh, nameEn: row.nodeNameEn });
  }
  return [...byId.values()];
}
