import { and, asc, count, eq } from "drizzle-orm";
import { memberships, orgRepresentatives, organizations, users } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";

export type PendingRequest = {
  userId: string;
  displayName: string;
  email: string;
  message: string;
  requestedAt: string;
  organizations: { id: string; nameZh: string; nameEn: string }[];
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
      orgId: organizations.id,
      orgNameZh: organizations.nameZh,
      orgNameEn: organizations.nameEn,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(orgRepresentatives, eq(orgRepresentatives.userId, users.id))
    .leftJoin(organizations, eq(organizations.id, orgRepresentatives.orgId))
    .where(pending(allianceId))
    .orderBy(asc(memberships.updatedAt), asc(users.id), asc(organizations.nameEn));
  const byUser = new Map<string, PendingRequest>();
  for (const row of rows) {
    const request = byUser.get(row.userId) ?? {
      userId: row.userId,
      displayName: row.displayName,
      email: row.email,
      message: row.message,
      requestedAt: row.requestedAt.toISOString(),
      organizations: [],
    };
    if (row.orgId && row.orgNameZh !== null && row.orgNameEn !== null) {
      request.organizations.push({ id: row.orgId, nameZh: row.orgNameZh, nameEn: row.orgNameEn });
    }
    byUser.set(row.userId, request);
  }
  return [...byUser.values()];
}
