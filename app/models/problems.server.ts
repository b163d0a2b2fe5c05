import { and, asc, count, desc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import {
  alliances,
  chainNodes,
  chains,
  memberships,
  problemNodes,
  problems,
  problemTags,
  users,
} from "../../db/schema/index";
import { renderMarkdown } from "~/markdown/render.server";
import { highlight, type HighlightSegment } from "~/search/highlight.server";
import { matches, parseSearchQuery, searchVector } from "~/search/tsquery.server";
import type { DbOrTx } from "~/utils/db.server";
import { canSeeProblem, platformRole, type Viewer } from "~/utils/permissions.server";
import type {
  BoardQuery,
  ProblemCreateInput,
  ProblemStatus,
  ProblemUrgency,
  ProblemVisibility,
} from "~/validation/problem";
import { deadlineOf } from "~/validation/problem";
import { isUuid } from "./topic-records.server";

export const BOARD_PAGE_SIZE = 20;

type Named = { nameZh: string; nameEn: string };
export type ProblemNode = Named & { id: string; chainSlug: string; slug: string };
export type ProblemAlliance = Named & { id: string; slug: string };

const nodesOfProblem = sql<ProblemNode[]>`coalesce((
  select json_agg(json_build_object('id', ${chainNodes.id}, 'slug', ${chainNodes.slug}, 'chainSlug', ${chains.slug},
    'nameZh', ${chainNodes.nameZh}, 'nameEn', ${chainNodes.nameEn}) order by ${chains.position}, ${chainNodes.position})
  from ${problemNodes}
  join ${chainNodes} on ${chainNodes.id} = ${problemNodes.nodeId}
  join ${chains} on ${chains.id} = ${chainNodes.chainId}
  where ${problemNodes.problemId} = ${problems.id}), '[]'::json)`;

const tagsOfProblem = sql<string[]>`array(
  select ${problemTags.tag} from ${problemTags} where ${problemTags.problemId} = ${problems.id} order by ${problemTags.tag})`;

const allianceOfProblem = sql<ProblemAlliance | null>`case when ${alliances.id} is null then null else
  json_build_object('id', ${alliances.id}, 'slug', ${alliances.slug}, 'nameZh', ${alliances.nameZh}, 'nameEn', ${alliances.nameEn}) end`;

/**
 * The SQL twin of `canSeeProblem` (permissions.server.ts), for lists: public problems, plus alliance-only
 * ones of the alliances the viewer is an active member of; platform admins see everything.
 */
function visibleTo(viewer: Viewer): SQL | undefined {
  if (platformRole(viewer) === "admin") return undefined;
  const publicOnes = eq(problems.visibility, "public");
  if (!viewer) return publicOnes;
  return or(
    publicOnes,
    inArray(
      problems.allianceId,
      sql`(select ${memberships.allianceId} from ${memberships} where ${memberships.userId} = ${viewer.id} and ${memberships.status} = 'active')`,
    ),
  );
}

export type BoardProblem = {
  id: string;
  title: string;
  titleHits: HighlightSegment[];
  status: ProblemStatus;
  urgency: ProblemUrgency;
  visibility: ProblemVisibility;
  createdAt: Date;
  deadline: Date | null;
  authorName: string;
  alliance: ProblemAlliance | null;
  nodes: ProblemNode[];
  tags: string[];
};

export type Board = { problems: BoardProblem[]; total: number; nextCursor: string | null };

const CURSOR =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * The board: one page of the problems the viewer may see that match the filters, newest first, and how
 * many match in all — two queries whatever the size of the board. The cursor is the last row's
 * (created_at, id), kept to the microsecond as PostgreSQL stores it, so no row is skipped or repeated.
 */
export async function listProblems(db: DbOrTx, viewer: Viewer, query: BoardQuery): Promise<Board> {
  const search = query.q ? parseSearchQuery(query.q) : null;
  const filters = and(
    visibleTo(viewer),
    query.alliance
      ? eq(
          problems.allianceId,
          sql`(select ${alliances.id} from ${alliances} where ${alliances.slug} = ${query.alliance})`,
        )
      : undefined,
    query.chain
      ? sql`exists (select 1 from ${problemNodes} join ${chainNodes} on ${chainNodes.id} = ${problemNodes.nodeId}
          join ${chains} on ${chains.id} = ${chainNodes.chainId}
          where ${problemNodes.problemId} = ${problems.id} and ${chains.slug} = ${query.chain})`
      : undefined,
    query.node
      ? sql`exists (select 1 from ${problemNodes} where ${problemNodes.problemId} = ${problems.id} and ${problemNodes.nodeId} = ${query.node})`
      : undefined,
    query.tag
      ? sql`exists (select 1 from ${problemTags} where ${problemTags.problemId} = ${problems.id} and ${problemTags.tag} = ${query.tag})`
      : undefined,
    query.status ? eq(problems.status, query.status) : undefined,
    query.urgency ? eq(problems.urgency, query.urgency) : undefined,
    // Text that leaves nothing to search for (only punctuation) matches nothing rather than everything.
    query.q ? matches(problems.search, search) : undefined,
  );
  const cursor = query.cursor?.match(CURSOR);
  const after = cursor
    ? sql`(${problems.createdAt}, ${problems.id}) < (${cursor[1]}::timestamptz, ${cursor[2]}::uuid)`
    : undefined;

  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: problems.id,
        title: problems.title,
        status: problems.status,
        urgency: problems.urgency,
        visibility: problems.visibility,
        createdAt: problems.createdAt,
        deadline: problems.deadline,
        cursorAt: sql<string>`to_char(${problems.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
        authorName: users.displayName,
        alliance: allianceOfProblem,
        nodes: nodesOfProblem,
        tags: tagsOfProblem,
      })
      .from(problems)
      .innerJoin(users, eq(users.id, problems.authorId))
      .leftJoin(alliances, eq(alliances.id, problems.allianceId))
      .where(and(filters, after))
      .orderBy(desc(problems.createdAt), desc(problems.id))
      .limit(BOARD_PAGE_SIZE + 1),
    db.select({ total: count() }).from(problems).where(filters),
  ]);
  const page = rows.slice(0, BOARD_PAGE_SIZE);
  const last = page[page.length - 1];
  return {
    problems: page.map(({ cursorAt: _cursorAt, ...row }) => ({
      ...row,
      titleHits: highlight(row.title, search),
    })),
    total,
    nextCursor: rows.length > BOARD_PAGE_SIZE && last ? `${last.cursorAt}_${last.id}` : null,
  };
}

export type ProblemPage = {
  id: string;
  authorId: string;
  title: string;
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
      viewerIsMember: viewer
        ? sql<boolean>`exists (select 1 from ${memberships} where ${memberships.allianceId} = ${problems.allianceId}
            and ${memberships.userId} = ${viewer.id} and ${memberships.status} = 'active')`
        : sql<boolean>`false`,
    })
    .from(problems)
    .innerJoin(users, eq(users.id, problems.authorId))
    .leftJoin(alliances, eq(alliances.id, problems.allianceId))
    .where(eq(problems.id, id));
  if (!row) return null;
  const { body, allianceId, viewerIsMember, ...rest } = row;
  const memberOf = new Set(viewerIsMember && allianceId ? [allianceId] : []);
  if (!canSeeProblem(viewer, memberOf, { visibility: row.visibility, allianceId })) return null;
  return { ...rest, html: renderMarkdown(body) };
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
  if (problem.nodeIds.length > 0)
    await db.insert(problemNodes).values(problem.nodeIds.map((nodeId) => ({ problemId: id, nodeId })));
  if (problem.tags.length > 0)
    await db.insert(problemTags).values(problem.tags.map((tag) => ({ problemId: id, tag })));
  return id;
}

/**
 * Posts a problem from the validated form. The chosen nodes must exist, and a chosen alliance must be
 * one the author is an active member of (so an alliance-only problem reaches people they share it with).
 */
export async function createProblem(
  db: DbOrTx,
  authorId: string,
  input: ProblemCreateInput,
): Promise<CreateProblemResult> {
  return db.transaction(async (tx) => {
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
    return { status: "created", id };
  });
}
