import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { contentReports, resources } from "../../db/schema/index";
import type { Services } from "~/server/context.server";
import type { DbOrTx } from "~/utils/db.server";
import { transact } from "./activity.server";
import { recordAudit } from "./audit.server";
import {
  dismissOpenReport,
  fileReport,
  resolveReportsByHiding,
  type ReportResult,
} from "./content-reports.server";
import { notifyAll } from "./notifications.server";
import type { ResourceRef } from "./resource-access.server";

/**
 * Reports about resources, and their moderators (organizers of an alliance it is shared with, or
 * platform admins) hiding or restoring them with a reason. Hiding resolves the open reports; it is
 * written to the log of every alliance the resource is shared with (so each one's organizers see what
 * was done to what they list), or the providing organization's when it is shared with none, and told
 * to whoever shared it and its contact person.
 */

type ModerationServices = Pick<Services, "db" | "realtime">;

/**
 * One report per person and resource. The queue a report lands in is the first alliance the resource
 * is shared with; the resource page lists every open report to any of its moderators.
 */
export async function reportResource(
  db: DbOrTx,
  resource: ResourceRef,
  reporterId: string,
  reason: string,
): Promise<Exclude<ReportResult, "unknown">> {
  return fileReport(db, {
    subject: { type: "resource", id: resource.id },
    allianceId: resource.allianceIds[0] ?? null,
    reporterId,
    reason,
  });
}

export type ModerationResult = "changed" | "unchanged" | "unknown";

async function audit(
  db: DbOrTx,
  resource: ResourceRef,
  entry: { action: string; actorId: string; subjectUserId?: string | null; reason?: string; data?: object },
) {
  const scopes =
    resource.allianceIds.length > 0
      ? resource.allianceIds.map((allianceId) => ({ allianceId }))
      : [{ orgId: resource.orgId }];
  for (const scope of scopes) {
    await recordAudit(db, {
      ...entry,
      ...scope,
      data: { resourceId: resource.id, resource: resource.title, ...entry.data },
    });
  }
}

/** Hides (with `reason`) or restores the resource. */
export async function setResourceHidden(
  services: ModerationServices,
  resource: ResourceRef,
  actorId: string,
  input: { hide: boolean; reason: string },
): Promise<ModerationResult> {
  const { hide, reason } = input;
  return transact(services, async (tx, publish) => {
    const now = new Date();
    const [row] = await tx
      .update(resources)
      .set(
        hide
          ? { hiddenAt: now, hiddenById: actorId, hiddenReason: reason }
          : { hiddenAt: null, hiddenById: null, hiddenReason: null },
      )
      .where(
        and(eq(resources.id, resource.id), hide ? isNull(resources.hiddenAt) : isNotNull(resources.hiddenAt)),
      )
      .returning({ createdById: resources.createdById, contactUserId: resources.contactUserId });
    if (!row) return "unchanged";
    if (hide) await resolveReportsByHiding(tx, { type: "resource", id: resource.id }, actorId, now);
    await audit(tx, resource, {
      action: hide ? "resource.hidden" : "resource.restored",
      actorId,
      subjectUserId: row.createdById,
      reason,
    });
    if (hide) {
      const owners = [...new Set([row.createdById, row.contactUserId])].filter(
        (id): id is string => id !== null && id !== actorId,
      );
      await notifyAll(
        tx,
        publish,
        owners.map((userId) => ({
          userId,
          type: "resource.hidden",
          data: { resource: resource.title, reason },
          href: `/resources/${resource.id}`,
        })),
      );
    }
    return "changed";
  });
}

/** Closes an open report about this resource without hiding it. */
export const dismissResourceReport = (
  services: ModerationServices,
  resource: ResourceRef,
  actorId: string,
  reportId: number,
) => dismissResourceReports(services, resource, actorId, [reportId]);

/** Closes open reports about this resource in one transaction, each logged; "unknown" when none was open. */
export async function dismissResourceReports(
  services: ModerationServices,
  resource: ResourceRef,
  actorId: string,
  reportIds: readonly number[],
): Promise<ModerationResult> {
  return transact(services, async (tx) => {
    const about = sql`${contentReports.subjectType} = 'resource' and ${contentReports.subjectId} = ${resource.id}`;
    let dismissed = 0;
    for (const reportId of reportIds) {
      if (!(await dismissOpenReport(tx, reportId, actorId, about))) continue;
      dismissed += 1;
      await audit(tx, resource, { action: "resource.report_dismissed", actorId });
    }
    return dismissed > 0 ? "changed" : "unknown";
  });
}
