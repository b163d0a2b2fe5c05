import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import {
  alliances,
  chainNodes,
  chains,
  memberships,
  problemEvents,
  problemNodes,
  problemRevisions,
  problems,
  problemTags,
  users,
} from "../../db/schema/index";
import { renderMarkdown } from "~/markdown/render.server";
import { allianceBoardTopic, BOARD_TOPIC } from "~/realtime/topics";
import type { Realtime } from "~/realtime/types";
import { searchVector } from "~/search/tsquery.server";
import type { Db, DbOrTx } from "~/utils/db.server";
import type { AllianceRole, Viewer } from "~/utils/permissions.server";
import type {
  ProblemCreateInput,
  ProblemStatus,
  ProblemUrgency,
  ProblemVisibility,
} from "~/validation/problem";
import { deadlineOf } from "~/validation/problem";
import { transact } from "./activity.server";
import { enqueueJob } from "./jobs.server";
import { problemMatchJob } from "./resource-match-jobs.server";
import { judgeAccess, viewerMembership } from "./problem-access.server";
import { isUuid } from "./topic-records.server";

type Named = { nameZh: string; nameEn: string };
export type ProblemNode = Named & { id: string; chainSlug: string; slug: string };
export type ProblemAlliance = Named & { id: string; slug: string };

export const nodesOfProblem = sql<ProblemNode[]>`coalesce((
  select json_agg(json_build_object('id', ${chainNodes.id}, 'slug', ${chainNodes.slug}, 'chainSlug', ${chains.slug},
    'nameZh', ${chainNodes.nameZh}, 'nameEn', ${chainNodes.nameEn}) order by ${chains.position}, ${chainNodes.position})
  from ${problemNodes}
  join ${chainNodes} on ${chainNodes.id} = ${problemNodes.nodeId}
  join ${chains} on ${chains.id} = ${chainNodes.chainId}
  where ${problemNodes.problemId} = ${problems.id}), '[]'::json)`;

export const tagsOfProblem = sql<string[]>`array(
  select ${problemTags.tag} from ${problemTags} where ${problemTags.problemId} = ${problems.id} order by ${problemTags.tag})`;

export const allianceOfProblem = sql<ProblemAlliance | null>`case when ${alliances.id} is null then null else
  json_build_object('id', ${alliances.id}, 'slug', ${alliances.slug}, 'nameZh', ${alliances.nameZh}, 'nameEn', ${alliances.nameEn}) end`;

export type ProblemPage = {
  id: string;
  authorId: string;
  title: string;
  /** The Markdown source, for matching; pages show `html`. */
  body: string;
  html: string;
  status: ProblemStatus;
  urgency: ProblemUrgency;
  visibility: ProblemVisibility;
  reward: string | null;
  deadline: Date | null;
  createdAt: Date;
  updatedAt: Date;
  authorName: string;
  alliance: ProblemAlliance | null;
  nodes: ProblemNode[];
  tags: string[];
  hiddenAt: Date | null;
  hiddenReason: string | null;
  /** The viewer's role in the problem's alliance, and whether they may run the problem. */
  role: AllianceRole;
  manage: boolean;
};

/** One problem with its rendered body, in one query; null when it does not exist or the viewer may not see it. */
export async function getProblem(db: DbOrTx, viewer: Viewer, id: string): Promise<ProblemPage | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      id: problems.id,
      authorId: problems.authorId,
      title: problems.title,
      body: problems.body,
      status: problems.status,
      urgency: problems.urgency,
      visibility: problems.visibility,
      allianceId: problems.allianceId,
      reward: problems.reward,
      deadline: problems.deadline,
      createdAt: problems.createdAt,
      updatedAt: problems.updatedAt,
      authorName: users.displayName,
      alliance: allianceOfProblem,
      nodes: nodesOfProblem,
      tags: tagsOfProblem,
      hiddenAt: problems.hiddenAt,
      hiddenReason: problems.hiddenReason,
      membership: viewerMembership(viewer),
    })
    .from(problems)
    .innerJoin(users, eq(users.id, problems.authorId))
    .leftJoin(alliances, eq(alliances.id, problems.allianceId))
    .where(eq(problems.id, id));
  if (!row) return null;
  const access = judgeAccess(viewer, row);
  if (!access) return null;
  const { allianceId: _allianceId, membership: _membership, ...rest } = row;
  return { ...rest, ...access, html: renderMarkdown(row.body) };
}

/** The alliances a user may post to: those they are an active member of (archived ones excluded). */
export async function listPostableAlliances(db: DbOrTx, userId: string): Promise<ProblemAlliance[]> {
  return db
    .select({ id: alliances.id, slug: alliances.slug, nameZh: alliances.nameZh, nameEn: alliances.nameEn })
    .from(memberships)
    .innerJoin(alliances, eq(alliances.id, memberships.allianceId))
    .where(
      and(eq(memberships.userId, userId), eq(memberships.status, "active"), isNull(alliances.archivedAt)),
    )
    .orderBy(asc(alliances.position), asc(alliances.slug));
}

/** Every alliance that is not archived, for the board's filter. */
export async function listAllianceFilter(db: DbOrTx): Promise<ProblemAlliance[]> {
  return db
    .select({ id: alliances.id, slug: alliances.slug, nameZh: alliances.nameZh, nameEn: alliances.nameEn })
    .from(alliances)
    .where(isNull(alliances.archivedAt))
    .orderBy(asc(alliances.position), asc(alliances.slug));
}

export type CreateProblemResult =
  | { status: "created"; id: string }
  | { status: "invalid"; fieldErrors: Partial<Record<"nodeIds" | "allianceId", string[]>> };

export type NewProblem = {
  /** Only the demo seed picks ids, to recognize its problems when run again. */
  id?: string;
  authorId: string;
  allianceId?: string | null;
  title: string;
  body: string;
  visibility: ProblemVisibility;
  urgency: ProblemUrgency;
  status?: ProblemStatus;
  reward?: string | null;
  deadline?: Date | null;
  nodeIds: string[];
  tags: string[];
  createdAt?: Date;
};

/** Replaces a problem's nodes, and the chain ids the board filters by with them. */
export async function setProblemNodes(db: DbOrTx, problemId: string, nodeIds: string[]): Promise<void> {
  await db.delete(problemNodes).where(eq(problemNodes.problemId, problemId));
  if (nodeIds.length > 0)
    await db.insert(problemNodes).values(nodeIds.map((nodeId) => ({ problemId, nodeId })));
  await db
    .update(problems)
    .set({
      chainIds:
        nodeIds.length === 0
          ? []
          : sql`array(select distinct ${chainNodes.chainId} from ${chainNodes}
              where ${inArray(chainNodes.id, nodeIds)} order by ${chainNodes.chainId})`,
    })
    .where(eq(problems.id, problemId));
}

/** Writes a problem with its nodes, tags and search vector; callers have checked everything. */
export async function insertProblem(db: DbOrTx, problem: NewProblem): Promise<string> {
  const createdAt = problem.createdAt ?? new Date();
  const [{ id }] = await db
    .insert(problems)
    .values({
      ...(problem.id && { id: problem.id }),
      authorId: problem.authorId,
      allianceId: problem.allianceId ?? null,
      title: problem.title,
      body: problem.body,
      visibility: problem.visibility,
      urgency: problem.urgency,
      status: problem.status ?? "open",
      reward: problem.reward ?? null,
      deadline: problem.deadline ?? null,
      search: searchVector({ title: problem.title, body: problem.body, tags: problem.tags }),
      createdAt,
      updatedAt: createdAt,
    })
    .returning({ id: problems.id });
  await setProblemNodes(db, id, problem.nodeIds);
  if (problem.tags.length > 0)
    await db.insert(problemTags).values(problem.tags.map((tag) => ({ problemId: id, tag })));
  await db.insert(problemRevisions).values({
    problemId: id,
    editorId: problem.authorId,
    title: problem.title,
    body: problem.body,
    tags: [...problem.tags].sort(),
    createdAt,
  });
  await db
    .insert(problemEvents)
    .values({ problemId: id, actorId: problem.authorId, kind: "posted", toStatus: "open", createdAt });
  return id;
}

/**
 * Posts a problem from the validated form. The chosen nodes must exist, and a chosen alliance must be
 * one the author is an active member of (so an alliance-only problem reaches people they share it with).
 */
export async function createProblem(
  services: { db: Db; realtime: Realtime },
  authorId: string,
  input: ProblemCreateInput,
): Promise<CreateProblemResult> {
  return transact(services, async (tx, publish) => {
    const nodeIds = [...new Set(input.nodeIds)];
    const [found, postable] = await Promise.all([
      nodeIds.length > 0
        ? tx.select({ id: chainNodes.id }).from(chainNodes).where(inArray(chainNodes.id, nodeIds))
        : Promise.resolve([]),
      input.allianceId ? listPostableAlliances(tx, authorId) : Promise.resolve([]),
    ]);
    const fieldErrors: Extract<CreateProblemResult, { status: "invalid" }>["fieldErrors"] = {};
    if (found.length !== nodeIds.length) fieldErrors.nodeIds = ["problem.error.nodesUnknown"];
    if (input.allianceId && !postable.some((a) => a.id === input.allianceId))
      fieldErrors.allianceId = ["problem.error.allianceNotMember"];
    if (Object.keys(fieldErrors).length > 0) return { status: "invalid", fieldErrors };
    const id = await insertProblem(tx, {
      authorId,
      allianceId: input.allianceId ?? null,
      title: input.title,
      body: input.body,
      visibility: input.visibility,
      urgency: input.urgency,
      reward: input.reward || null,
      deadline: input.deadline ? deadlineOf(input.deadline) : null,
      nodeIds,
      tags: input.tags,
    });
    // Boards count new posts live. An alliance-only problem is told on its alliance's board topic, which
    // only those who may see it can follow, so nobody else learns it exists.
    publish({
      topic:
        input.visibility === "alliance" && input.allianceId
          ? allianceBoardTopic(input.allianceId)
          : BOARD_TOPIC,
      type: "problem.posted",
      payload: { problemId: id, allianceId: input.allianceId ?? null },
      actorId: authorId,
    });
    await enqueueJob(tx, problemMatchJob(id, new Date()));
    return { status: "created", id };
  });
}
