import { and, eq } from "drizzle-orm";
import { problemApplications, problemEvents, problems } from "../../db/schema/index";
import type { Services } from "~/server/context.server";
import type { StatusChange } from "~/validation/problem-work";
import { transact } from "./activity.server";
import { notify } from "./notifications.server";
import { announceStatus } from "./problem-applications.server";
import type { ProblemRef } from "./problem-access.server";
import { nextStatus } from "./problem-status";

/**
 * The poster's (or a moderator's) status buttons: accept the solution, close, reopen. The transition
 * table (problem-status.ts) decides what is legal, against the status read under a FOR UPDATE lock.
 */

type WorkServices = Pick<Services, "db" | "realtime">;

export type StatusOutcome = { ok: true } | { ok: false; error: "transition" };

export async function changeStatus(
  services: WorkServices,
  problem: ProblemRef,
  actor: { id: string; displayName: string },
  change: { intent: StatusChange; note: string },
): Promise<StatusOutcome> {
  return transact(services, async (tx, publish) => {
    const [current] = await tx
      .select({ status: problems.status, title: problems.title, authorId: problems.authorId })
      .from(problems)
      .where(eq(problems.id, problem.id))
      .for("update");
    const to = current ? nextStatus(current.status, change.intent) : null;
    if (!current || !to) return { ok: false, error: "transition" };
    const now = new Date();
    await tx.update(problems).set({ status: to, updatedAt: now }).where(eq(problems.id, problem.id));
    const [accepted] = await tx
      .select({ id: problemApplications.id, applicantId: problemApplications.applicantId })
      .from(problemApplications)
      .where(and(eq(problemApplications.problemId, problem.id), eq(problemApplications.status, "accepted")));
    // Reopening starts the search again: the accepted applicant returns to the shortlist, so the poster
    // may accept them or someone else.
    if (change.intent === "reopen" && accepted) {
      await tx
        .update(problemApplications)
        .set({ status: "shortlisted", updatedAt: now })
        .where(eq(problemApplications.id, accepted.id));
    }
    await tx.insert(problemEvents).values({
      problemId: problem.id,
      actorId: actor.id,
      kind: "status_changed",
      fromStatus: current.status,
      toStatus: to,
      note: change.note,
      createdAt: now,
    });
    const told: string[] = [];
    if (accepted && accepted.applicantId !== actor.id) {
      await notify(tx, publish, {
        userId: accepted.applicantId,
        type: "problem.status_changed",
        data: { actor: actor.displayName, problem: current.title, status: to },
        href: `/problems/${problem.id}`,
      });
      told.push(accepted.applicantId);
    }
    await announceStatus(tx, publish, {
      problemId: problem.id,
      title: current.title,
      authorId: current.authorId,
      actor,
      to,
      told,
    });
    return { ok: true };
  });
}
