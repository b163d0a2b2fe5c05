import { and, asc, eq, sql } from "drizzle-orm";
import {
  memberships,
  organizations,
  orgRepresentatives,
  problemEndorsements,
  problemReplies,
  problems,
  users,
} from "../../db/schema/index";
import { renderMarkdown } from "~/markdown/render.server";
import { problemTopic } from "~/realtime/topics";
import type { Services } from "~/server/context.server";
import type { DbOrTx } from "~/utils/db.server";
import { canSeeProblem, type Viewer } from "~/utils/permissions.server";
import { transact } from "./activity.server";
import { notify } from "./notifications.server";
import { isUuid } from "./topic-records.server";

/**
 * "We have this too" endorsements and replies on a problem's page. Callers have asked the policy table
 * whether the viewer may act at all; `problemAccess` answers the record check (`canSeeProblem`).
 */

type EngagementServices = Pick<Services, "db" | "realtime">;
type Person = { id: string; displayName: string };

export type ProblemRef = { id: string; authorId: string; title: string };

/** The problem if it exists and the viewer may see it; null otherwise (malformed ids included). */
export async function problemAccess(db: DbOrTx, viewer: Viewer, id: string): Promise<ProblemRef | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      id: problems.id,
      authorId: problems.authorId,
      title: problems.title,
      visibility: problems.visibility,
      allianceId: problems.allianceId,
      viewerIsMember: viewer
        ? sql<boolean>`exists (select 1 from ${memberships} where ${memberships.allianceId} = ${problems.allianceId}
            and ${memberships.userId} = ${viewer.id} and ${memberships.status} = 'active')`
        : sql<boolean>`false`,
    })
    .from(problems)
    .where(eq(problems.id, id));
  if (!row) return null;
  const memberOf = new Set(row.viewerIsMember && row.allianceId ? [row.allianceId] : []);
  if (!canSeeProblem(viewer, memberOf, row)) return null;
  return { id: row.id, authorId: row.authorId, title: row.title };
}

const problemLink = (problem: ProblemRef) => `/problems/${problem.id}`;

/** Endorses once: a second endorsement changes nothing and tells nobody. */
export async function endorseProblem(
  services: EngagementServices,
  problem: ProblemRef,
  user: Person,
): Promise<{ changed: boolean }> {
  return transact(services, async (tx, publish) => {
    const inserted = await tx
      .insert(problemEndorsements)
      .values({ problemId: problem.id, userId: user.id })
      .onConflictDoNothing()
      .returning({ userId: problemEndorsements.userId });
    if (inserted.length === 0) return { changed: false };
    publish({ topic: problemTopic(problem.id), type: "problem.endorsed", actorId: user.id });
    await notify(tx, publish, {
      userId: problem.authorId,
      type: "problem.endorsed",
      data: { actor: user.displayName, problem: problem.title },
      href: problemLink(problem),
    });
    return { changed: true };
  });
}

export async function withdrawEndorsement(
  services: EngagementServices,
  problem: ProblemRef,
  userId: string,
): Promise<{ changed: boolean }> {
  return transact(services, async (tx, publish) => {
    const deleted = await tx
      .delete(problemEndorsements)
      .where(and(eq(problemEndorsements.problemId, problem.id), eq(problemEndorsements.userId, userId)))
      .returning({ userId: problemEndorsements.userId });
    if (deleted.length === 0) return { changed: false };
    publish({ topic: problemTopic(problem.id), type: "problem.endorsement_withdrawn", actorId: userId });
    return { changed: true };
  });
}

/** Posts a validated reply; the author is told unless they answered their own problem. */
export async function replyToProblem(
  services: EngagementServices,
  problem: ProblemRef,
  user: Person,
  body: string,
): Promise<string> {
  return transact(services, async (tx, publish) => {
    const [{ id }] = await tx
      .insert(problemReplies)
      .values({ problemId: problem.id, authorId: user.id, body })
      .returning({ id: problemReplies.id });
    publish({
      topic: problemTopic(problem.id),
      type: "problem.replied",
      payload: { replyId: id },
      actorId: user.id,
    });
    if (problem.authorId !== user.id) {
      await notify(tx, publish, {
        userId: problem.authorId,
        type: "problem.replied",
        data: { actor: user.displayName, problem: problem.title },
        href: problemLink(problem),
      });
    }
    return id;
  });
}

export type EndorserOrganization = { id: string; nameZh: string; nameEn: string };

export type ProblemReply = { id: string; html: string; authorName: string; createdAt: Date };

export type ProblemEngagement = {
  endorsements: number;
  viewerEndorsed: boolean;
  organizations: EndorserOrganization[];
  replies: ProblemReply[];
};

/** The page's endorsements and replies: two queries however many there are. */
export async function getEngagement(
  db: DbOrTx,
  viewer: Viewer,
  problemId: string,
): Promise<ProblemEngagement> {
  const endorsedBy = sql`(select ${problemEndorsements.userId} from ${problemEndorsements}
    where ${problemEndorsements.problemId} = ${problemId})`;
  const [[summary], replies] = await Promise.all([
    db
      .select({
        endorsements: sql<number>`(select count(*)::int from ${problemEndorsements}
          where ${problemEndorsements.problemId} = ${problemId})`,
        viewerEndorsed: viewer
          ? sql<boolean>`exists (select 1 from ${problemEndorsements}
              where ${problemEndorsements.problemId} = ${problemId} and ${problemEndorsements.userId} = ${viewer.id})`
          : sql<boolean>`false`,
        organizations: sql<EndorserOrganization[]>`coalesce((
          select json_agg(json_build_object('id', ${organizations.id}, 'nameZh', ${organizations.nameZh},
            'nameEn', ${organizations.nameEn}) order by ${organizations.nameEn}, ${organizations.id})
          from ${organizations}
          where ${organizations.id} in (select ${orgRepresentatives.orgId} from ${orgRepresentatives}
            where ${orgRepresentatives.userId} in ${endorsedBy})), '[]'::json)`,
      })
      .from(sql`(select 1) as one`),
    db
      .select({
        id: problemReplies.id,
        body: problemReplies.body,
        authorName: users.displayName,
        createdAt: problemReplies.createdAt,
      })
      .from(problemReplies)
      .innerJoin(users, eq(users.id, problemReplies.authorId))
      .where(eq(problemReplies.problemId, problemId))
      .orderBy(asc(problemReplies.createdAt), asc(problemReplies.id)),
  ]);
  return {
    endorsements: summary.endorsements,
    viewerEndorsed: summary.viewerEndorsed,
    organizations: summary.organizations,
    replies: replies.map(({ body, ...reply }) => ({ ...reply, html: renderMarkdown(body) })),
  };
}
