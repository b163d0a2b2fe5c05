import { and, eq } from "drizzle-orm";
import { organizations, orgRepresentatives } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import type { OrgRepresentation } from "~/utils/permissions.server";
import { isUuid } from "./topic-records.server";

export type OrgAccess = {
  id: string;
  nameZh: string;
  nameEn: string;
  verified: boolean;
  /** The viewer's own place in the organization, for the policy table. */
  representation: OrgRepresentation;
};

/**
 * The organization an URL names and the viewer's representation of it, in one query; null when there
 * is no such organization (ids that are not UUIDs name none, and would make PostgreSQL raise).
 */
export async function getOrgAccess(
  db: DbOrTx,
  orgId: string,
  userId: string | null,
): Promise<OrgAccess | null> {
  if (!isUuid(orgId)) return null;
  const [row] = await db
    .select({
      id: organizations.id,
      nameZh: organizations.nameZh,
      nameEn: organizations.nameEn,
      verified: organizations.verified,
      role: orgRepresentatives.role,
    })
    .from(organizations)
    .leftJoin(
      orgRepresentatives,
      and(eq(orgRepresentatives.orgId, organizations.id), eq(orgRepresentatives.userId, userId ?? "")),
    )
    .where(eq(organizations.id, orgId));
  if (!row) return null;
  const { role, ...org } = row;
  return { ...org, representation: role ? { role } : null };
}
