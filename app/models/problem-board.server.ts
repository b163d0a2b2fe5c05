import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import {
  alliances,
  chains,
  memberships,
  problemNodes,
  problems,
  problemTags,
  users,
} from "../../db/schema/index";
import { highlight, type HighlightSegment } from "~/search/highlight.server";
import { matches, parseSearchQuery, type SearchQuery } from "~/search/tsquery.server";
import type { DbOrTx } from "~/utils/db.server";
import { platformRole, type Viewer } from "~/utils/permissions.server";
import type {
  BoardQuery,
  BoardSort,
  ProblemStatus,
  ProblemUrgency,
  ProblemVisibility,
} from "~/validation/problem";
import {
  allianceOfProblem,
  nodesOfProblem,
  tagsOfProblem,
  type ProblemAlliance,
  type ProblemNode,
} from "./problems.server";
import { cappedCount, type CappedCount } from "./capped-count.server";

export const BOARD_PAGE_SIZE = 20;

/**
 * The SQL twin of `canSeeProblem` (permissions.server.ts), for lists: public problems, plus alliance-only
 * ones of the alliances the viewer is an active member of; platform admins see everything.
 */
export function visibleTo(viewer: Viewer): SQL | undefined {
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

/**
 * What every list of problems (board, alliance tab, search, suggestions) keeps: what the viewer may see,
 * minus hidden problems — moderators reach those by their address, never through a list.
 */
export function listable(viewer: Viewer): SQL | undefined {
  return and(visibleTo(viewer), isNull(problems.hiddenAt));
}

/** The board's filters and its search box; `search` is the parsed `query.q`. */
export function boardFilters(viewer: Viewer, query: BoardQuery, search: SearchQuery | null): SQL | undefined {
  return and(
    listable(viewer),
    query.alliance
      ? eq(
          problems.allianceId,
          sql`(select ${alliances.id} from ${alliances} where ${alliances.slug} = ${query.alliance})`,
        )
      : undefined,
    query.chain
      ? // "= any", not "@>": checked on each row of the ordered walk, it stops at a page; a GIN
        // lookup would fetch and sort every problem of the chain first.
        sql`(select ${chains.id} from ${chains} where ${chains.slug} = ${query.chain}) = any(${problems.chainIds})`
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
  endorsementCount: number;
  replyCount: number;
  applicationCount: number;
};

export type Board = { problems: BoardProblem[]; nextCursor: string | null } & CappedCount;

/** The columns of a board row; search adds its own (rank, body) to these. */
export const boardColumns = {
  id: problems.id,
  title: problems.title,
  status: problems.status,
  urgency: problems.urgency,
  visibility: problems.visibility,
  createdAt: problems.createdAt,
  deadline: problems.deadline,
  authorName: users.displayName,
  alliance: allianceOfProblem,
  nodes: nodesOfProblem,
  tags: tagsOfProblem,
  endorsementCount: problems.endorsementCount,
  replyCount: problems.replyCount,
  applicationCount: problems.applicationCount,
};

/** Timestamps travel in cursors to the microsecond, as PostgreSQL stores them, so ties stay apart. */
const micros = (column: SQL | typeof problems.createdAt | typeof problems.deadline) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A timestamp PostgreSQL will accept: the pattern alone would let "2026-02-30" through to a cast error. */
function validTimestamp(text: string | undefined): text is string {
  const match = text ? TIMESTAMP.exec(text) : null;
  if (!match || Number(match[1]) < 1970) return false;
  const date = new Date(`${text!.slice(0, 19)}Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 19) === text!.slice(0, 19);
}

/**
 * Per sort: the rows it keeps, its order (always ending in the primary key, so it is total), the cursor
 * text of a row (the sort key and the id, built by PostgreSQL from the stored values), and the condition
 * "after this cursor" — or undefined when the cursor is garbage or from another sort, which means the
 * first page.
 */
type SortPlan = {
  where?: SQL;
  order: SQL[];
  cursor: SQL<string>;
  after: (parts: string[]) => SQL | undefined;
};

const timeAndId = (at: string | undefined, id: string | undefined) =>
  validTimestamp(at) && id !== undefined && UUID.test(id);

const newestOrder = [desc(problems.createdAt), desc(problems.id)];
const afterCreated = ([at, id]: string[]) =>
  timeAndId(at, id)
    ? sql`(${problems.createdAt}, ${problems.id}) < (${at}::timestamptz, ${id}::uuid)`
    : undefined;
const sortPlans: Record<BoardSort, SortPlan> = {
  newest: {
    order: newestOrder,
    cursor: sql<string>`concat(${micros(problems.createdAt)}, '~', ${problems.id})`,
    after: afterCreated,
  },
  unanswered: {
    // The same predicate as problems_unanswered_idx, so the planner can use it.
    where: sql`${problems.replyCount} = 0 and ${problems.applicationCount} = 0`,
    order: newestOrder,
    cursor: sql<string>`concat(${micros(problems.createdAt)}, '~', ${problems.id})`,
    after: afterCreated,
  },
  endorsed: {
    order: [desc(problems.endorsementCount), ...newestOrder],
    cursor: sql<string>`concat(${problems.endorsementCount}, '~', ${micros(problems.createdAt)}, '~', ${problems.id})`,
    after: ([endorsements, at, id]) =>
      endorsements !== undefined && /^\d{1,9}$/.test(endorsements) && timeAndId(at, id)
        ? sql`(${problems.endorsementCount}, ${problems.createdAt}, ${problems.id}) < (${Number(endorsements)}::integer, ${at}::timestamptz, ${id}::uuid)`
        : undefined,
  },
  deadline: {
    where: sql`${problems.deadline} is not null and ${problems.deadline} > now()`,
    order: [asc(problems.deadline), asc(problems.id)],
    cursor: sql<string>`concat(${micros(problems.deadline)}, '~', ${problems.id})`,
    after: ([at, id]) =>
      timeAndId(at, id)
        ? sql`(${problems.deadline}, ${problems.id}) > (${at}::timestamptz, ${id}::uuid)`
        : undefined,
  },
};

/** A cursor names its sort, so one carried over from another order is recognized and ignored. */
function afterCursor(sort: BoardSort, cursor: string | null): SQL | undefined {
  const parts = cursor?.split("~");
  if (!parts || parts[0] !== sort) return undefined;
  return sortPlans[sort].after(parts.slice(1));
}

/**
 * The board: one page of the problems the viewer may see that match the filters, in the chosen order, and
 * how many match (up to COUNT_CAP) — two queries whatever the size of the board. The cursor carries the last row's
 * sort key and id, so paging never skips or repeats a row, ties included.
 */
export async function listProblems(db: DbOrTx, viewer: Viewer, query: BoardQuery): Promise<Board> {
  const search = query.q ? parseSearchQuery(query.q) : null;
  const plan = sortPlans[query.sort];
  const filters = and(boardFilters(viewer, query, search), plan.where);
  const after = afterCursor(query.sort, query.cursor);

  const [rows, counted] = await Promise.all([
    db
      .select({ ...boardColumns, cursor: plan.cursor })
      .from(problems)
      .innerJoin(users, eq(users.id, problems.authorId))
      .leftJoin(alliances, eq(alliances.id, problems.allianceId))
      .where(and(filters, after))
      .orderBy(...plan.order)
      .limit(BOARD_PAGE_SIZE + 1),
    cappedCount(db, problems, filters),
  ]);
  const page = rows.slice(0, BOARD_PAGE_SIZE);
  const last = page[page.length - 1];
  return {
    problems: page.map(({ cursor: _cursor, ...row }) => ({
      ...row,
      titleHits: highlight(row.title, search),
    })),
    ...counted,
    nextCursor: rows.length > BOARD_PAGE_SIZE && last ? `${query.sort}~${last.cursor}` : null,
  };
}
