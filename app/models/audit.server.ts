import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { auditLog, users } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";

export type AuditInput = {
  action: string;
  actorId: string | null;
  subjectUserId?: string | null;
  allianceId?: string | null;
  orgId?: string | null;
  reason?: string;
  data?: Record<string, unknown>;
};

/** Records a change; call it inside the transaction that makes the change. */
export async function recordAudit(db: DbOrTx, entry: AuditInput): Promise<void> {
  await db.insert(auditLog).values({
    action: entry.action,
    actorId: entry.actorId,
    subjectUserId: entry.subjectUserId ?? null,
    allianceId: entry.allianceId ?? null,
    orgId: entry.orgId ?? null,
    reason: entry.reason ?? "",
    data: entry.data ?? {},
  });
}

export type AuditEntry = {
  id: number;
  action: string;
  actorName: string | null;
  subjectName: string | null;
  reason: string;
  data: Record<string, unknown>;
  createdAt: string;
};

const actor = alias(users, "actor");
const subject = alias(users, "subject");

/**
 * A scope's log, newest first, one page at a time: `before` is the last id of the previous page.
 * One query whatever the log's length.
 */
export async function listAudit(
  db: DbOrTx,
  scope: { allianceId: string } | { orgId: string },
  page: { before?: number; limit?: number } = {},
): Promise<{ entries: AuditEntry[]; nextBefore: number | null }> {
  const limit = page.limit ?? 50;
  const conditions: SQL[] = [
    "allianceId" in scope ? eq(auditLog.allianceId, scope.allianceId) : eq(auditLog.orgId, scope.orgId),
  ];
  if (page.before) conditions.push(lt(auditLog.id, page.before));
  const rows = await db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      actorName: actor.displayName,
      subjectName: subject.displayName,
      reason: auditLog.reason,
      data: auditLog.data,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .leftJoin(subject, eq(subject.id, auditLog.subjectUserId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const entries = rows.slice(0, limit).map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  return { entries, nextBefore: rows.length > limit ? entries[entries.length - 1].id : null };
}
