import { and, eq } from "drizzle-orm";
import { alliances, memberships } from "../../db/schema/index";
import type { AllianceAccess, MembershipState } from "~/utils/permissions.server";
import type { DbOrTx } from "~/utils/db.server";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * What the policy needs to know about the alliance a live topic names, and the viewer's membership in
 * it; undefined when there is no such alliance.
 */
export async function allianceAccess(
  db: DbOrTx,
  allianceId: string,
  userId: string | null,
): Promise<(AllianceAccess & { membership: MembershipState }) | undefined> {
  // Ids come from clients: anything but a UUID names no alliance (and would make PostgreSQL raise).
  if (!isUuid(allianceId)) return undefined;
  const [row] = await db
    .select({ archivedAt: alliances.archivedAt, role: memberships.role, status: memberships.status })
    .from(alliances)
    .leftJoin(
      memberships,
      and(eq(memberships.allianceId, alliances.id), eq(memberships.userId, userId ?? "")),
    )
    .where(eq(alliances.id, allianceId))
    .limit(1);
  if (!row) return undefined;
  return {
    archivedAt: row.archivedAt,
    membership: row.role && row.status ? { role: row.role, status: row.status } : null,
  };
}
