import { and, asc, eq, sql } from "drizzle-orm";
import { orgRepresentatives, users } from "../../db/schema/index";
import type { Db, Tx } from "~/utils/db.server";
import { recordAudit } from "./audit.server";

export type OrgRole = "admin" | "representative";
export type ManagedRepresentative = {
  userId: string;
  displayName: string;
  email: string;
  role: OrgRole;
  since: Date;
};

/** Everyone representing the organization, listed or not, for its admins: one query. */
export async function listRepresentatives(db: Db, orgId: string): Promise<ManagedRepresentative[]> {
  return db
    .select({
      userId: users.id,
      displayName: users.displayName,
      email: users.email,
      role: orgRepresentatives.role,
      since: orgRepresentatives.createdAt,
    })
    .from(orgRepresentatives)
    .innerJoin(users, eq(users.id, orgRepresentatives.userId))
    .where(eq(orgRepresentatives.orgId, orgId))
    .orderBy(asc(orgRepresentatives.role), asc(users.displayName));
}

export type RepresentativeChange = "done" | "notRepresentative" | "lastAdmin";

/**
 * The organization's representatives, locked until the transaction ends: two admins demoting each
 * other at once must not leave the organization without one.
 */
async function lockRepresentatives(tx: Tx, orgId: string) {
  return tx
    .select({ userId: orgRepresentatives.userId, role: orgRepresentatives.role })
    .from(orgRepresentatives)
    .where(eq(orgRepresentatives.orgId, orgId))
    .for("update");
}

function lastAdminBlocks(reps: { userId: string; role: OrgRole }[], userId: string, to: OrgRole | null) {
  const target = reps.find((rep) => rep.userId === userId);
  const admins = reps.filter((rep) => rep.role === "admin").length;
  return target?.role === "admin" && to !== "admin" && admins <= 1;
}

export async function changeRepresentativeRole(
  db: Db,
  input: { orgId: string; userId: string; role: OrgRole; actorId: string },
): Promise<RepresentativeChange> {
  return db.transaction(async (tx) => {
    const reps = await lockRepresentatives(tx, input.orgId);
    const target = reps.find((rep) => rep.userId === input.userId);
    if (!target) return "notRepresentative";
    if (lastAdminBlocks(reps, input.userId, input.role)) return "lastAdmin";
    if (target.role === input.role) return "done";
    await tx
      .update(orgRepresentatives)
      .set({ role: input.role })
      .where(and(eq(orgRepresentatives.orgId, input.orgId), eq(orgRepresentatives.userId, input.userId)));
    await recordAudit(tx, {
      action: "org.representative.role",
      actorId: input.actorId,
      subjectUserId: input.userId,
      orgId: input.orgId,
      data: { from: target.role, to: input.role },
    });
    return "done";
  });
}

/** Removes a representative (`actorId` ≠ `userId`) or lets one leave (the same person). */
export async function removeRepresentative(
  db: Db,
  input: { orgId: string; userId: string; actorId: string },
): Promise<RepresentativeChange> {
  return db.transaction(async (tx) => {
    const reps = await lockRepresentatives(tx, input.orgId);
    if (!reps.some((rep) => rep.userId === input.userId)) return "notRepresentative";
    if (lastAdminBlocks(reps, input.userId, null)) return "lastAdmin";
    await tx
      .delete(orgRepresentatives)
      .where(and(eq(orgRepresentatives.orgId, input.orgId), eq(orgRepresentatives.userId, input.userId)));
    const left = input.actorId === input.userId;
    await recordAudit(tx, {
      action: left ? "org.representative.left" : "org.representative.removed",
      actorId: input.actorId,
      subjectUserId: input.userId,
      orgId: input.orgId,
    });
    return "done";
  });
}

/** Whether the person with this email already represents the organization. */
export async function representsByEmail(db: Db, orgId: string, email: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: orgRepresentatives.userId })
    .from(orgRepresentatives)
    .innerJoin(users, eq(users.id, orgRepresentatives.userId))
    .where(and(eq(orgRepresentatives.orgId, orgId), eq(sql`lower(${users.email})`, email.toLowerCase())))
    .limit(1);
  return Boolean(row);
}
