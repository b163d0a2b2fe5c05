import { and, desc, eq, gte, ilike, like, lt, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { alliances, auditLog, organizations, users } from "../../db/schema/index";
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
  actorEmail: string | null;
  subjectName: string | null;
  reason: string;
  data: Record<string, unknown>;
  createdAt: string;
  alliance: { slug: string; nameZh: string; nameEn: string } | null;
  org: { id: string; nameZh: string; nameEn: string } | null;
};

/**
 * Which entries to list; every filter given must hold. `action` is an action (`user.suspended`) or a
 * dotted prefix of some (`membership`, `problem.reply`); `actor` and `orgName` match part of a name
 * (or the actor's email), ignoring case; `from` is inclusive and `to` exclusive.
 */
export type AuditFilters = {
  allianceId?: string;
  orgId?: string;
  allianceSlug?: string;
  orgName?: string;
  actor?: string;
  action?: string;
  from?: Date;
  to?: Date;
};

const actor = alias(users, "actor");
const subject = alias(users, "subject");

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function filterConditions(filters: AuditFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.allianceId) conditions.push(eq(auditLog.allianceId, filters.allianceId));
  if (filters.orgId) conditions.push(eq(auditLog.orgId, filters.orgId));
  if (filters.allianceSlug) conditions.push(eq(alliances.slug, filters.allianceSlug));
  if (filters.orgName) {
    const pattern = `%${escapeLike(filters.orgName)}%`;
    conditions.push(or(ilike(organizations.nameZh, pattern), ilike(organizations.nameEn, pattern))!);
  }
  if (filters.actor) {
    const pattern = `%${escapeLike(filters.actor)}%`;
    conditions.push(or(ilike(actor.displayName, pattern), ilike(actor.email, pattern))!);
  }
  if (filters.action) {
    conditions.push(
      or(eq(auditLog.action, filters.action), like(auditLog.action, `${escapeLike(filters.action)}.%`))!,
    );
  }
  if (filters.from) conditions.push(gte(auditLog.createdAt, filters.from));
  if (filters.to) conditions.push(lt(auditLog.createdAt, filters.to));
  return conditions;
}

/**
 * The log, newest first, one page at a time: `before` is the last id of the previous page. A scope's
 * own tab passes its `allianceId` or `orgId`; the operators' viewer any filters. One query whatever the
 * log's length.
 */
export async function listAudit(
  db: DbOrTx,
  filters: AuditFilters,
  page: { before?: number; limit?: number } = {},
): Promise<{ entries: AuditEntry[]; nextBefore: number | null }> {
  const limit = page.limit ?? 50;
  const conditions = filterConditions(filters);
  if (page.before) conditions.push(lt(auditLog.id, page.before));
  const rows = await db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      actorName: actor.displayName,
      actorEmail: actor.email,
      subjectName: subject.displayName,
      reason: auditLog.reason,
      data: auditLog.data,
      createdAt: auditLog.createdAt,
      allianceSlug: alliances.slug,
      allianceNameZh: alliances.nameZh,
      allianceNameEn: alliances.nameEn,
      orgId: organizations.id,
      orgNameZh: organizations.nameZh,
      orgNameEn: organizations.nameEn,
    })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .leftJoin(subject, eq(subject.id, auditLog.subjectUserId))
    .leftJoin(alliances, eq(alliances.id, auditLog.allianceId))
    .leftJoin(organizations, eq(organizations.id, auditLog.orgId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const entries = rows.slice(0, limit).map((r) => ({
    id: r.id,
    action: r.action,
    actorName: r.actorName,
    actorEmail: r.actorEmail,
    subjectName: r.subjectName,
    reason: r.reason,
    data: r.data,
    createdAt: r.createdAt.toISOString(),
    alliance:
      r.allianceSlug === null
        ? null
        : { slug: r.allianceSlug, nameZh: r.allianceNameZh ?? "", nameEn: r.allianceNameEn ?? "" },
    org: r.orgId === null ? null : { id: r.orgId, nameZh: r.orgNameZh ?? "", nameEn: r.orgNameEn ?? "" },
  }));
  return { entries, nextBefore: rows.length > limit ? entries[entries.length - 1].id : null };
}
