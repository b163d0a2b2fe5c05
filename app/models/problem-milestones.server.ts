import { and, eq, sql } from "drizzle-orm";
import { problemMilestones, problems } from "../../db/schema/index";
import { problemTopic } from "~/realtime/topics";
import type { Services } from "~/server/context.server";
import type { MilestoneInput } from "~/validation/problem-work";
import { transact } from "./activity.server";
import type { ProblemRef } from "./problem-access.server";

/**
 * The poster's plan for the accepted solution. Milestones are edited while the problem is in progress
 * only: once solved or closed they are the record of what happened.
 */

type WorkServices = Pick<Services, "db" | "realtime">;

export type MilestoneOutcome = { ok: true } | { ok: false; error: "milestonesLocked" | "milestoneMissing" };

export async function changeMilestones(
  services: WorkServices,
  problem: ProblemRef,
  actorId: string,
  input: MilestoneInput,
): Promise<MilestoneOutcome> {
  return transact(services, async (tx, publish) => {
    // Shared lock: the status cannot change under the edit.
    const [current] = await tx
      .select({ status: problems.status })
      .from(problems)
      .where(eq(problems.id, problem.id))
      .for("share");
    if (current?.status !== "in_progress") return { ok: false, error: "milestonesLocked" };
    let milestoneId: string | undefined;
    if (input.intent === "add") {
      const [row] = await tx
        .insert(problemMilestones)
        .values({
          problemId: problem.id,
          title: input.title,
          dueOn: input.dueOn ?? null,
          position: sql`(select coalesce(max(${problemMilestones.position}), 0) + 1 from ${problemMilestones}
            where ${problemMilestones.problemId} = ${problem.id})`,
        })
        .returning({ id: problemMilestones.id });
      milestoneId = row.id;
    } else {
      const mine = and(
        eq(problemMilestones.id, input.milestoneId),
        eq(problemMilestones.problemId, problem.id),
      );
      const rows =
        input.intent === "delete"
          ? await tx.delete(problemMilestones).where(mine).returning({ id: problemMilestones.id })
          : await tx
              .update(problemMilestones)
              .set({ doneAt: input.intent === "done" ? new Date() : null })
              .where(mine)
              .returning({ id: problemMilestones.id });
      if (rows.length === 0) return { ok: false, error: "milestoneMissing" };
      milestoneId = rows[0].id;
    }
    publish({
      topic: problemTopic(problem.id),
      type: "problem.milestone",
      payload: { milestoneId, change: input.intent },
      actorId,
    });
    return { ok: true };
  });
}
