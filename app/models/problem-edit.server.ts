import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import {
  alliances,
  chainNodes,
  memberships,
  problemEvents,
  problemNodes,
  problemRevisions,
  problems,
  problemTags,
  users,
} from "../../db/schema/index";
import { problemTopic } from "~/realtime/topics";
import { searchVector } from "~/search/tsquery.server";
import type { Services } from "~/server/context.server";
import { qualified, type DbOrTx } from "~/utils/db.server";
import type { ProblemCreateInput, ProblemUrgency, ProblemVisibility } from "~/validation/problem";
import { deadlineOf } from "~/validation/problem";
import { transact } from "./activity.server";
import { enqueueJob } from "./jobs.server";
import { problemMatchJob } from "./resource-match-jobs.server";
import type { ProblemRef } from "./problem-access.server";
import { setProblemNodes } from "./problems.server";
import type { ProblemAlliance } from "./problems.server";

/**
 * Editing a problem (poster or moderator; the caller has checked `ProblemRef.manage`). Every change of
 * the text (title, body, tags) is a new revision, so the history can show what changed; any change at
 * all is an "edited" event on the timeline.
 */

type EditServices = Pick<Services, "db" | "realtime">;

/** A deadline as the day typed in the form, in China Standard Time like `deadlineOf`. */
const deadlineDay = sql<
  string | null
>`to_char(${problems.deadline} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;

export type ProblemDraft = {
  title: string;
  body: string;
  allianceId: string | null;
  visibility: ProblemVisibility;
  urgency: ProblemUrgency;
  reward: string | null;
  deadline: Date | null;
  /** The deadline as its day, the form's value. */
  deadlineDay: string | null;
  nodeIds: string[];
  tags: string[];
};

const thisProblem = qualified(problems.id);

/** The problem as the edit form shows it; one query. */
export async function getProblemDraft(db: DbOrTx, problemId: string): Promise<ProblemDraft | null> {
  const [row] = await db
    .select({
      title: problems.title,
      body: problems.body,
      allianceId: problems.allianceId,
      visibility: problems.visibility,
      urgency: problems.urgency,
      reward: problems.reward,
      deadline: problems.deadline,
      deadlineDay,
      nodeIds: sql<string[]>`array(select ${problemNodes.nodeId}::text from ${problemNodes}
        where ${problemNodes.problemId} = ${thisProblem} order by ${problemNodes.nodeId})`,
      tags: sql<string[]>`array(select ${problemTags.tag} from ${problemTags}
        where ${problemTags.problemId} = ${thisProblem} order by ${problemTags.tag})`,
    })
    .from(problems)
    .where(eq(problems.id, problemId));
  return row ?? null;
}

/**
 * The alliances an edit may move the problem to: those its poster is an active member of (as when
 * posting), and the one it is in now, which it may keep even if the poster has left it since.
 */
export async function listEditableAlliances(
  db: DbOrTx,
  problem: Pick<ProblemRef, "authorId" | "allianceId">,
): Promise<ProblemAlliance[]> {
  const postable = and(
    isNull(alliances.archivedAt),
    sql`exists (select 1 from ${memberships} where ${memberships.allianceId} = ${alliances.id}
      and ${memberships.userId} = ${problem.authorId} and ${memberships.status} = 'active')`,
  );
  return db
    .select({ id: alliances.id, slug: alliances.slug, nameZh: alliances.nameZh, nameEn: alliances.nameEn })
    .from(alliances)
    .where(problem.allianceId ? or(postable, eq(alliances.id, problem.allianceId)) : postable)
    .orderBy(asc(alliances.position), asc(alliances.slug));
}

export type EditProblemResult =
  | { status: "edited"; revision: boolean }
  | { status: "unchanged" }
  | { status: "invalid"; fieldErrors: Partial<Record<"nodeIds" | "allianceId", string[]>> };

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join("\u0000") === [...b].sort().join("\u0000");

/** Saves the validated form; saving what is already there writes nothing at all. */
export async function editProblem(
  services: EditServices,
  problem: ProblemRef,
  editorId: string,
  input: ProblemCreateInput,
): Promise<EditProblemResult> {
  return transact(services, async (tx, publish) => {
    // The row lock serializes edits of one problem, so versions follow one another.
    await tx.execute(sql`select 1 from ${problems} where ${problems.id} = ${problem.id} for update`);
    const current = await getProblemDraft(tx, problem.id);
    if (!current) return { status: "invalid", fieldErrors: {} };
    const nodeIds = [...new Set(input.nodeIds)];
    const allianceId = input.allianceId ?? null;
    const [found, allowed] = await Promise.all([
      nodeIds.length > 0
        ? tx.select({ id: chainNodes.id }).from(chainNodes).where(inArray(chainNodes.id, nodeIds))
        : Promise.resolve([]),
      allianceId && allianceId !== current.allianceId
        ? listEditableAlliances(tx, { authorId: problem.authorId, allianceId: current.allianceId })
        : Promise.resolve(null),
    ]);
    const fieldErrors: Extract<EditProblemResult, { status: "invalid" }>["fieldErrors"] = {};
    if (found.length !== nodeIds.length) fieldErrors.nodeIds = ["problem.error.nodesUnknown"];
    if (allowed && !allowed.some((a) => a.id === allianceId))
      fieldErrors.allianceId = ["problem.error.allianceNotMember"];
    if (Object.keys(fieldErrors).length > 0) return { status: "invalid", fieldErrors };

    // An unchanged day keeps the exact deadline stored (seeded ones are not at the end of a day).
    const deadline =
      input.deadline === undefined
        ? null
        : input.deadline === current.deadlineDay
          ? current.deadline
          : deadlineOf(input.deadline);
    const reward = input.reward || null;
    const textChanged =
      input.title !== current.title || input.body !== current.body || !sameSet(input.tags, current.tags);
    const changed =
      textChanged ||
      allianceId !== current.allianceId ||
      input.visibility !== current.visibility ||
      input.urgency !== current.urgency ||
      reward !== current.reward ||
      (deadline?.getTime() ?? null) !== (current.deadline?.getTime() ?? null) ||
      !sameSet(nodeIds, current.nodeIds);
    if (!changed) return { status: "unchanged" };

    const now = new Date();
    await tx
      .update(problems)
      .set({
        title: input.title,
        body: input.body,
        allianceId,
        visibility: input.visibility,
        urgency: input.urgency,
        reward,
        deadline,
        ...(textChanged && {
          search: searchVector({ title: input.title, body: input.body, tags: input.tags }),
        }),
        updatedAt: now,
      })
      .where(eq(problems.id, problem.id));
    if (!sameSet(nodeIds, current.nodeIds)) await setProblemNodes(tx, problem.id, nodeIds);
    if (!sameSet(input.tags, current.tags)) {
      await tx.delete(problemTags).where(eq(problemTags.problemId, problem.id));
      if (input.tags.length > 0)
        await tx.insert(problemTags).values(input.tags.map((tag) => ({ problemId: problem.id, tag })));
    }
    if (textChanged) {
      await tx.insert(problemRevisions).values({
        problemId: problem.id,
        editorId,
        title: input.title,
        body: input.body,
        tags: [...input.tags].sort(),
        createdAt: now,
      });
    }
    await tx
      .insert(problemEvents)
      .values({ problemId: problem.id, actorId: editorId, kind: "edited", createdAt: now });
    publish({ topic: problemTopic(problem.id), type: "problem.edited", actorId: editorId });
    await enqueueJob(tx, problemMatchJob(problem.id, now));
    return { status: "edited", revision: textChanged };
  });
}

export type ProblemRevision = {
  version: number;
  editorName: string | null;
  createdAt: Date;
  title: string;
  body: string;
  tags: string[];
};

/** Every saved version, oldest first, numbered from 1; one query. */
export async function listRevisions(db: DbOrTx, problemId: string): Promise<ProblemRevision[]> {
  const rows = await db
    .select({
      editorName: users.displayName,
      createdAt: problemRevisions.createdAt,
      title: problemRevisions.title,
      body: problemRevisions.body,
      tags: problemRevisions.tags,
    })
    .from(problemRevisions)
    .leftJoin(users, eq(users.id, problemRevisions.editorId))
    .where(eq(problemRevisions.problemId, problemId))
    .orderBy(asc(problemRevisions.id));
  return rows.map((row, index) => ({ ...row, version: index + 1 }));
}
