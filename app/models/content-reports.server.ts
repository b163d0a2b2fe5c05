import { and, eq, type SQL } from "drizzle-orm";
import { contentReports } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";

/**
 * The one report queue every kind of content shares (ADR 0010): filing a report, resolving a
 * subject's open reports when it is hidden, dismissing one. Each kind checks first that the subject
 * is its own and the viewer may act on it; these only touch the queue.
 */

type SubjectType = (typeof contentReports.$inferInsert)["subjectType"];
type Subject = { type: SubjectType; id: string };

export type ReportResult = "reported" | "already" | "unknown";

/** One report per person and subject (a unique index): a second one changes nothing and says so. */
export async function fileReport(
  db: DbOrTx,
  input: { subject: Subject; allianceId: string | null; reporterId: string; reason: string },
): Promise<Exclude<ReportResult, "unknown">> {
  const rows = await db
    .insert(contentReports)
    .values({
      subjectType: input.subject.type,
      subjectId: input.subject.id,
      allianceId: input.allianceId,
      reporterId: input.reporterId,
      reason: input.reason,
    })
    .onConflictDoNothing()
    .returning({ id: contentReports.id });
  return rows.length > 0 ? "reported" : "already";
}

/** Hiding a subject decides every open report about it. */
export async function resolveReportsByHiding(
  db: DbOrTx,
  subject: Subject,
  actorId: string,
  at: Date,
): Promise<void> {
  await db
    .update(contentReports)
    .set({ status: "hidden", resolvedById: actorId, resolvedAt: at })
    .where(
      and(
        eq(contentReports.subjectType, subject.type),
        eq(contentReports.subjectId, subject.id),
        eq(contentReports.status, "open"),
      ),
    );
}

/** Closes an open report without hiding anything; `about` keeps it to the caller's own subjects. */
export async function dismissOpenReport(db: DbOrTx, reportId: number, actorId: string, about: SQL) {
  const [report] = await db
    .update(contentReports)
    .set({ status: "dismissed", resolvedById: actorId, resolvedAt: new Date() })
    .where(and(eq(contentReports.id, reportId), eq(contentReports.status, "open"), about))
    .returning({
      subjectType: contentReports.subjectType,
      subjectId: contentReports.subjectId,
      reporterId: contentReports.reporterId,
    });
  return report ?? null;
}
