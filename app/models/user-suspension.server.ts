import { eq } from "drizzle-orm";
import { users } from "../../db/schema/index";
import type { Services } from "~/server/context.server";
import { endOtherSessions } from "~/utils/auth.server";
import type { Tx } from "~/utils/db.server";
import { recordAudit } from "./audit.server";

/**
 * Suspending and reinstating accounts (platform admins only; the route asks the policy). A suspension
 * marks the account, deletes every session of it and records the audit entry in one transaction; once
 * that commits, every socket of the user is closed on every process. Log-in, session validation and the
 * socket handshake each refuse a suspended account too, so a request racing the suspension cannot
 * leave a way in.
 */

type Deps = Pick<Services, "db" | "realtime">;

export type SuspensionError = "self" | "admin" | "not_found";
export type SuspensionResult =
  { ok: true; changed: boolean; displayName: string } | { ok: false; error: SuspensionError };

type Input = { actorId: string; userId: string; reason: string };

async function lockUser(tx: Tx, userId: string) {
  const [row] = await tx
    .select({
      displayName: users.displayName,
      platformRole: users.platformRole,
      suspendedAt: users.suspendedAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  return row ?? null;
}

export async function suspendUser(deps: Deps, input: Input): Promise<SuspensionResult> {
  if (input.actorId === input.userId) return { ok: false, error: "self" };
  const result = await deps.db.transaction(async (tx): Promise<SuspensionResult> => {
    const target = await lockUser(tx, input.userId);
    if (!target) return { ok: false, error: "not_found" };
    // Operators cannot lock each other out; demoting an admin is a deliberate step elsewhere.
    if (target.platformRole === "admin") return { ok: false, error: "admin" };
    if (target.suspendedAt) return { ok: true, changed: false, displayName: target.displayName };
    const now = new Date();
    await tx
      .update(users)
      .set({ suspendedAt: now, suspendedById: input.actorId, suspendedReason: input.reason, updatedAt: now })
      .where(eq(users.id, input.userId));
    await endOtherSessions({ db: tx }, input.userId);
    await recordAudit(tx, {
      action: "user.suspended",
      actorId: input.actorId,
      subjectUserId: input.userId,
      reason: input.reason,
    });
    return { ok: true, changed: true, displayName: target.displayName };
  });
  // Also when it was suspended already: a socket that slipped through a race is closed now.
  if (result.ok) deps.realtime.disconnectUser(input.userId);
  return result;
}

export async function reinstateUser(deps: Deps, input: Input): Promise<SuspensionResult> {
  return deps.db.transaction(async (tx): Promise<SuspensionResult> => {
    const target = await lockUser(tx, input.userId);
    if (!target) return { ok: false, error: "not_found" };
    if (!target.suspendedAt) return { ok: true, changed: false, displayName: target.displayName };
    await tx
      .update(users)
      .set({ suspendedAt: null, suspendedById: null, suspendedReason: null, updatedAt: new Date() })
      .where(eq(users.id, input.userId));
    await recordAudit(tx, {
      action: "user.reinstated",
      actorId: input.actorId,
      subjectUserId: input.userId,
      reason: input.reason,
    });
    return { ok: true, changed: true, displayName: target.displayName };
  });
}
