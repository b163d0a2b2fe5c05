import { and, count, eq, inArray, sql } from "drizzle-orm";
import { alliances, memberships, users } from "../../db/schema/index";
import type { DbOrTx, Tx } from "~/utils/db.server";
import type { AllianceRef } from "./alliance-access.server";

/**
 * Reading and writing membership rows inside a membership change's transaction; the rules that decide
 * the changes are in memberships.server.ts.
 */

type Row = typeof memberships.$inferSelect;

/** Serializes membership changes of one alliance until the transaction ends. */
export async function lockAlliance(tx: Tx, allianceId: string): Promise<void> {
  await tx.select({ id: alliances.id }).from(alliances).where(eq(alliances.id, allianceId)).for("update");
}

export async function findMembership(db: DbOrTx, allianceId: string, userId: string): Promise<Row | null> {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.allianceId, allianceId), eq(memberships.userId, userId)));
  return row ?? null;
}

export function allianceData(alliance: AllianceRef) {
  return {
    allianceId: alliance.id,
    allianceSlug: alliance.slug,
    allianceNameZh: alliance.nameZh,
    allianceNameEn: alliance.nameEn,
  };
}

/** One row per person and alliance for its whole history: a rejoin moves the same row again. */
export async function upsertMembership(
  tx: Tx,
  allianceId: string,
  userId: string,
  values: Partial<Pick<typeof memberships.$inferInsert, "status" | "role" | "message" | "joinedAt">>,
): Promise<void> {
  await tx
    .insert(memberships)
    .values({ allianceId, userId, ...values })
    .onConflictDoUpdate({
      target: [memberships.allianceId, memberships.userId],
      set: { ...values, updatedAt: sql`now()` },
    });
}

export async function setStatus(
  tx: Tx,
  id: string,
  values: Partial<Pick<typeof memberships.$inferInsert, "status" | "role">>,
): Promise<void> {
  await tx
    .update(memberships)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(memberships.id, id));
}

export async function activeChairs(tx: Tx, allianceId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(memberships)
    .where(
      and(
        eq(memberships.allianceId, allianceId),
        eq(memberships.status, "active"),
        eq(memberships.role, "chair"),
      ),
    );
  return row?.n ?? 0;
}

/** The chair and organizers, who decide requests. */
export async function leaderIds(tx: Tx, allianceId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.allianceId, allianceId),
        eq(memberships.status, "active"),
        inArray(memberships.role, ["chair", "organizer"]),
      ),
    );
  return rows.map((r) => r.id);
}
