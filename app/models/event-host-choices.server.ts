import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { alliances, memberships } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import { allianceRole, canInAlliance, type MembershipState, type Viewer } from "~/utils/permissions.server";

export type AllianceChoice = { id: string; slug: string; nameZh: string; nameEn: string };

const choiceColumns = {
  id: alliances.id,
  slug: alliances.slug,
  nameZh: alliances.nameZh,
  nameEn: alliances.nameEn,
};

/** The alliances the viewer may host events for (`event.create`): every live one for operators. */
export async function listHostChoices(db: DbOrTx, viewer: Viewer): Promise<AllianceChoice[]> {
  if (!viewer) return [];
  const rows = await db
    .select({
      ...choiceColumns,
      membership: sql<MembershipState>`case when ${memberships.userId} is null then null
        else json_build_object('role', ${memberships.role}, 'status', ${memberships.status}) end`,
    })
    .from(alliances)
    .leftJoin(memberships, and(eq(memberships.allianceId, alliances.id), eq(memberships.userId, viewer.id)))
    .where(isNull(alliances.archivedAt))
    .orderBy(asc(alliances.position), asc(alliances.slug));
  return rows
    .filter((row) => canInAlliance(allianceRole(viewer, row.membership), "event.create"))
    .map(({ membership: _membership, ...choice }) => choice);
}

/** Any live alliance may be named a co-host. */
export async function listCohostChoices(db: DbOrTx): Promise<AllianceChoice[]> {
  return db
    .select(choiceColumns)
    .from(alliances)
    .where(isNull(alliances.archivedAt))
    .orderBy(asc(alliances.position), asc(alliances.slug));
}
