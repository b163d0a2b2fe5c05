import { eq } from "drizzle-orm";
import { alliances } from "../../db/schema/index";
import type { AllianceAccess } from "~/utils/permissions.server";
import type { DbOrTx } from "~/utils/db.server";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the policy needs to know about the alliance a live topic names; undefined when there is none. */
export async function allianceAccess(db: DbOrTx, allianceId: string): Promise<AllianceAccess | undefined> {
  // Ids come from clients: anything but a UUID names no alliance (and would make PostgreSQL raise).
  if (!UUID.test(allianceId)) return undefined;
  const [row] = await db
    .select({ archivedAt: alliances.archivedAt })
    .from(alliances)
    .where(eq(alliances.id, allianceId))
    .limit(1);
  return row;
}
