import { and, eq, inArray, not, sql } from "drizzle-orm";
import { problemFollows } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import type { Publish } from "./activity.server";
import { notifyAll } from "./notifications.server";

/**
 * Who hears about a problem. Following is explicit (a button on the page) and implied by taking part:
 * applying follows the problem, so an applicant learns how it ends. The poster is told about their own
 * problem by the modules that change it, and is never a follower twice over.
 */

export async function follow(db: DbOrTx, problemId: string, userId: string): Promise<{ changed: boolean }> {
  const rows = await db
    .insert(problemFollows)
    .values({ problemId, userId })
    .onConflictDoNothing()
    .returning({ userId: problemFollows.userId });
  return { changed: rows.length > 0 };
}

export async function unfollow(db: DbOrTx, problemId: string, userId: string): Promise<{ changed: boolean }> {
  const rows = await db
    .delete(problemFollows)
    .where(and(eq(problemFollows.problemId, problemId), eq(problemFollows.userId, userId)))
    .returning({ userId: problemFollows.userId });
  return { changed: rows.length > 0 };
}

/** SQL for "does this viewer follow the problem", to sit in the page's one query. */
export function followedBy(problemId: string, userId: string) {
  return sql<boolean>`exists (select 1 from ${problemFollows}
    where ${problemFollows.problemId} = ${problemId} and ${problemFollows.userId} = ${userId})`;
}

export type FollowerNotice = {
  problemId: string;
  /** People told already (the actor, the poster): they get no second notification. */
  except: string[];
  type: string;
  data: Record<string, unknown>;
};

/** Notifies every follower but `except`, inside the caller's transaction; returns how many were told. */
export async function notifyFollowers(tx: DbOrTx, publish: Publish, notice: FollowerNotice): Promise<number> {
  const followers = await tx
    .select({ userId: problemFollows.userId })
    .from(problemFollows)
    .where(
      and(
        eq(problemFollows.problemId, notice.problemId),
        notice.except.length > 0 ? not(inArray(problemFollows.userId, notice.except)) : undefined,
      ),
    );
  await notifyAll(
    tx,
    publish,
    followers.map(({ userId }) => ({
      userId,
      type: notice.type,
      data: notice.data,
      href: `/problems/${notice.problemId}`,
    })),
  );
  return followers.length;
}
