import { eq, inArray, sql } from "drizzle-orm";
import { problemApplications, problemEndorsements, problemReplies, problems } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";

/**
 * The board's counters on the problems row (endorsements, replies, applications). Every change moves
 * them in its own transaction; the seed, which writes rows directly, recounts instead.
 */
export type ProblemCounter = "endorsementCount" | "replyCount" | "applicationCount";

export async function bumpCount(
  tx: DbOrTx,
  problemId: string,
  counter: ProblemCounter,
  by: 1 | -1,
): Promise<void> {
  await tx
    .update(problems)
    .set({ [counter]: sql`${problems[counter]} + ${by}` })
    .where(eq(problems.id, problemId));
}

export async function recountProblems(tx: DbOrTx, problemIds: string[]): Promise<void> {
  if (problemIds.length === 0) return;
  await tx
    .update(problems)
    .set({
      endorsementCount: sql`(select count(*)::int from ${problemEndorsements} where ${problemEndorsements.problemId} = ${problems.id})`,
      replyCount: sql`(select count(*)::int from ${problemReplies} where ${problemReplies.problemId} = ${problems.id})`,
      // Withdrawn applications leave the count, as withdrawing moves it down.
      applicationCount: sql`(select count(*)::int from ${problemApplications}
        where ${problemApplications.problemId} = ${problems.id} and ${problemApplications.status} <> 'withdrawn')`,
    })
    .where(inArray(problems.id, problemIds));
}
