import { and, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import { contentReports, problemEvents, problemReplies, problems } from "../../db/schema/index";
import { problemTopic } from "~/realtime/topics";
import type { Services } from "~/server/context.server";
import type { DbOrTx } from "~/utils/db.server";
import { canInAlliance, type AllianceRole } from "~/utils/permissions.server";
import type { ReportSubject } from "~/validation/problem-care";
import { transact } from "./activity.server";
import { recordAudit } from "./audit.server";
import {
  dismissOpenReport,
  fileReport,
  resolveReportsByHiding,
  type ReportResult,
} from "./content-reports.server";
import { notify } from "./notifications.server";
import type { ProblemRef } from "./problem-access.server";

/**
 * Reports about problems and their replies, and organizers hiding or restoring them with a reason.
 * Hiding resolves the subject's open reports; restoring leaves them resolved (the decision was made).
 * Moderation is written to the alliance's audit log and told to the author.
 */

type ModerationServices = Pick<Services, "db" | "realtime">;
type Subject = { type: ReportSubject; id: string };

/** Organizers of the problem's alliance; for a problem outside any alliance, platform admins. */
export function canModerate(problem: { role: AllianceRole }): boolean {
  return canInAlliance(problem.role, "problem.moderate");
}

/** The subject's author, when it is this problem or one of its replies; null otherwise. */
async function subjectAuthor(db: DbOrTx, problem: ProblemRef, subject: Subject): Promise<string | null> {
  if (subject.type === "problem") return subject.id === problem.id ? problem.authorId : null;
  const [reply] = await db
    .select({ authorId: problemReplies.authorId })
    .from(problemReplies)
    .where(and(eq(problemReplies.id, subject.id), eq(problemReplies.problemId, problem.id)));
  return reply?.authorId ?? null;
}

/** One report per person and subject: a second one changes nothing. */
export async function reportContent(
  db: DbOrTx,
  problem: ProblemRef,
  reporterId: string,
  input: { subjectType: ReportSubject; subjectId: string; reason: string },
): Promise<ReportResult> {
  const subject = { type: input.subjectType, id: input.subjectId };
  if ((await subjectAuthor(db, problem, subject)) === null) return "unknown";
  return fileReport(db, { subject, allianceId: problem.allianceId, reporterId, reason: input.reason });
}

export type ModerationResult = "changed" | "unchanged" | "unknown";

/** Hides (with `reason`) or restores a problem or one of its replies. */
export async function setHidden(
  services: ModerationServices,
  problem: ProblemRef,
  actorId: string,
  input: { subject: Subject; hide: boolean; reason: string },
): Promise<ModerationResult> {
  const { subject, hide, reason } = input;
  return transact(services, async (tx, publish) => {
    const authorId = await subjectAuthor(tx, problem, subject);
    if (authorId === null) return "unknown";
    const now = new Date();
    const values = hide
      ? { hiddenAt: now, hiddenById: actorId, hiddenReason: reason }
      : { hiddenAt: null, hiddenById: null, hiddenReason: null };
    const changed =
      subject.type === "problem"
        ? await tx
            .update(problems)
            .set(values)
            .where(
              and(
                eq(problems.id, problem.id),
                hide ? isNull(problems.hiddenAt) : isNotNull(problems.hiddenAt),
              ),
            )
            .returning({ id: problems.id })
        : await tx
            .update(problemReplies)
            .set(values)
            .where(
              and(
                eq(problemReplies.id, subject.id),
                hide ? isNull(problemReplies.hiddenAt) : isNotNull(problemReplies.hiddenAt),
              ),
            )
            .returning({ id: problemReplies.id });
    if (changed.length === 0) return "unchanged";

    if (hide) await resolveReportsByHiding(tx, subject, actorId, now);
    if (subject.type === "problem") {
      await tx.insert(problemEvents).values({
        problemId: problem.id,
        actorId,
        kind: hide ? "hidden" : "restored",
        note: reason,
        createdAt: now,
      });
    }
    const what = subject.type === "problem" ? "problem" : "problem.reply";
    await recordAudit(tx, {
      action: `${what}.${hide ? "hidden" : "restored"}`,
      actorId,
      subjectUserId: authorId,
      allianceId: problem.allianceId,
      reason,
      data: {
        problemId: problem.id,
        problem: problem.title,
        ...(subject.type === "problem_reply" && { replyId: subject.id }),
      },
    });
    publish({
      topic: problemTopic(problem.id),
      type: hide ? "problem.hidden" : "problem.restored",
      payload: { subjectType: subject.type, subjectId: subject.id },
      actorId,
    });
    if (hide && authorId !== actorId) {
      await notify(tx, publish, {
        userId: authorId,
        type: subject.type === "problem" ? "problem.hidden" : "problem.reply_hidden",
        data: { problem: problem.title, reason },
        href: `/problems/${problem.id}`,
      });
    }
    return "changed";
  });
}

/** Closes an open report about this problem or its replies without hiding anything. */
export const dismissReport = (
  services: ModerationServices,
  problem: ProblemRef,
  actorId: string,
  reportId: number,
) => dismissReports(services, problem, actorId, [reportId]);

/**
 * Closes open reports about this problem or its replies in one transaction, each logged; "unknown" when
 * none of them was still open and about it.
 */
export async function dismissReports(
  services: ModerationServices,
  problem: ProblemRef,
  actorId: string,
  reportIds: readonly number[],
): Promise<ModerationResult> {
  return transact(services, async (tx) => {
    const about = or(
      and(eq(contentReports.subjectType, "problem"), eq(contentReports.subjectId, problem.id)),
      and(
        eq(contentReports.subjectType, "problem_reply"),
        inArray(
          contentReports.subjectId,
          sql`(select ${problemReplies.id} from ${problemReplies} where ${problemReplies.problemId} = ${problem.id})`,
        ),
      ),
    )!;
    let dismissed = 0;
    for (const reportId of reportIds) {
      const report = await dismissOpenReport(tx, reportId, actorId, about);
      if (!report) continue;
      dismissed += 1;
      await recordAudit(tx, {
        action: "report.dismissed",
        actorId,
        allianceId: problem.allianceId,
        data: {
          problemId: problem.id,
          problem: problem.title,
          subjectType: report.subjectType,
          subjectId: report.subjectId,
        },
      });
    }
    return dismissed > 0 ? "changed" : "unknown";
  });
}
