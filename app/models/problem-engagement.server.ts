import { and, asc, eq, sql } from "drizzle-orm";
import {
  organizations,
  orgRepresentatives,
  problemEndorsements,
  problemReplies,
  users,
} from "../../db/schema/index";
import { renderMarkdown } from "~/markdown/render.server";
import { problemTopic } from "~/realtime/topics";
import type { Services } from "~/server/context.server";
import type { DbOrTx } from "~/utils/db.server";
import type { Viewer } from "~/utils/permissions.server";
import { transact } from "./activity.server";
import { notify } from "./notifications.server";
import { bumpCount } from "./problem-counters.server";
import { follow, notifyFollowers } from "./problem-follows.server";
import type { ProblemRef } from "./problem-access.server";

/**
 * "We have this too" endorsements and replies on a problem's page. Callers have asked the policy table
 * whether the viewer may act at all; `problemAccess` (problem-access.server.ts) answers the record checks.
 */

type EngagementServices = Pick<Services, "db" | "realtime">;
type Person = { id: string; displayName: string };

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
    await bumpCount(tx, problem.id, "endorsementCount", 1);
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
    await bumpCount(tx, problem.id, "endorsementCount", -1);
    publish({ topic: problemTopic(problem.id), type: "problem.endorsement_withdrawn", actorId: userId });
    return { changed: true };
  });
}

/**
 * Posts a validated reply; the author is told unless they answered their own problem. Replying follows
 * the problem, and its followers hear about it (neither the replier nor the poster twice).
 */
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
    await bumpCount(tx, problem.id, "replyCount", 1);
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
    if (user.id !== problem.authorId) await follow(tx, problem.id, user.id);
    await notifyFollowers(tx, publish, {
      problemId: problem.id,
      except: [user.id, problem.authorId],
      type: "problem.follow_replied",
      data: { actor: user.displayName, problem: problem.title },
    });
    return id;
  });
}

export type EndorserOrganization = { id: string; nameZh: string; nameEn: string };

/**
 * A hidden reply keeps its place: `html` is null for whoever may not read it (everyone but its author
 * and the problem's moderators), and `hiddenReason` says why.
 */
export type ProblemReply = {
  id: string;
  html: string | null;
  authorName: string;
  createdAt: Date;
  own: boolean;
  hiddenReason: string | null;
};

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
  options: { moderate?: boolean } = {},
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
        authorId: problemReplies.authorId,
        authorName: users.displayName,
        createdAt: problemReplies.createdAt,
        hiddenAt: problemReplies.hiddenAt,
        hiddenReason: problemReplies.hiddenReason,
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
    replies: replies.map(({ body, authorId, hiddenAt, hiddenReason, ...reply }) => {
      const own = viewer?.id === authorId;
      const readable = !hiddenAt || own || options.moderate === true;
      return {
        ...reply,
        own,
        html: readable ? renderMarkdown(body) : null,
        hiddenReason: hiddenAt ? (hiddenReason ?? "") : null,
      };
    }),
  };
}
