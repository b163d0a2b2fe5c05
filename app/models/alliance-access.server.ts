import { and, eq } from "drizzle-orm";
import { alliances, memberships } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import {
  allianceRole,
  type AllianceRole,
  type MembershipState,
  type Viewer,
} from "~/utils/permissions.server";

export type AllianceRef = {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string;
  joinPolicy: "open" | "request" | "invite";
  archivedAt: Date | null;
};

export type AllianceForViewer = { alliance: AllianceRef; membership: MembershipState; role: AllianceRole };

export const allianceRefColumns = {
  id: alliances.id,
  slug: alliances.slug,
  nameZh: alliances.nameZh,
  nameEn: alliances.nameEn,
  joinPolicy: alliances.joinPolicy,
  archivedAt: alliances.archivedAt,
};

/** The alliance a URL names and where the viewer stands in it, in one query; null when there is none. */
export async function findAllianceForViewer(
  db: DbOrTx,
  slug: string,
  viewer: Viewer,
): Promise<AllianceForViewer | null> {
  const [row] = await db
    .select({ ...allianceRefColumns, role: memberships.role, status: memberships.status })
    .from(alliances)
    .leftJoin(
      memberships,
      and(eq(memberships.allianceId, alliances.id), eq(memberships.userId, viewer?.id ?? "")),
    )
    .where(eq(alliances.slug, slug))
    .limit(1);
  if (!row) return null;
  const { role, status, ...alliance } = row;
  const membership = role && status ? { role, status } : null;
  return { alliance, membership, role: allianceRole(viewer, membership) };
}
