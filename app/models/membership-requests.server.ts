import { and, asc, count, eq } from "drizzle-orm";
import { memberships, orgRepresentatives, organizations, users } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import { representedOrgColumns, withOrganizations, type RepresentedOrg } from "./representation.server";

export type PendingRequest = {
  userId: string;
  displayName: string;
  email: string;
  message: string;
  requestedAt: string;
  organizations: RepresentedOrg[];
};

const pending = (allianceId: string) =>
  and(eq(memberships.allianceId, allianceId), eq(memberships.status, "pending"));

export async function pendingRequestCount(db: DbOrTx, allianceId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(memberships).where(pending(allianceId));
  return row?.n ?? 0;
}

/** Open requests to join, oldest first (first come, first decided), with the applicants' organizations. */
export async function listPendingRequests(db: DbOrTx, allianceId: string): Promise<PendingRequest[]> {
  const rows = await db
    .select({
      userId: users.id,
      displayName: users.displayName,
      email: users.email,
      message: memberships.message,
      requestedAt: memberships.updatedAt,
      ...representedOrgColumns,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(orgRepresentatives, eq(orgRepresentatives.userId, users.id))
    .leftJoin(organizations, eq(organizations.id, orgRepresentatives.orgId))
    .where(pending(allianceId))
    .orderBy(asc(memberships.updatedAt), asc(users.id), asc(organizations.nameEn));
  return withOrganizations(rows, (row) => ({
    userId: row.userId,
    displayName: row.displayName,
    email: row.email,
    message: row.message,
    requestedAt: row.requestedAt.toISOString(),
  }));
}
