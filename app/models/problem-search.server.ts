import { desc, eq } from "drizzle-orm";
import { alliances, problems, users } from "../../db/schema/index";
import { markdownText } from "~/markdown/plain-text.server";
import { highlight, hitRanges, type HighlightSegment } from "~/search/highlight.server";
import { parseSearchQuery, rank, type SearchQuery } from "~/search/tsquery.server";
import type { DbOrTx } from "~/utils/db.server";
import type { Viewer } from "~/utils/permissions.server";
import type { BoardQuery } from "~/validation/problem";
import { cappedCount, type CappedCount } from "./capped-count.server";
import { boardColumns, boardFilters, type BoardProblem } from "./problem-board.server";

export const SEARCH_PAGE_SIZE = 20;
/** Relevance pages are numbered; past this one a reader refines the query instead. */
export const SEARCH_PAGES_MAX = 50;
const SNIPPET_LENGTH = 160;

export type SearchResult = BoardProblem & { snippet: HighlightSegment[] };
export type SearchPage = { results: SearchResult[]; page: number; hasMore: boolean } & CappedCount;

/**
 * Full-text search over the problems the viewer may list, with the board's filters, most relevant first
 * (title hits weigh more than body and tags: the vector is weighted). Rank ties fall back to newest, then
 * id, so pages are stable. Offset pages rather than a cursor: a rank is a float computed per query, a poor
 * thing to carry in a link, and nobody reads page 50 of a relevance list. Two queries, or none when the
 * text holds nothing searchable.
 */
export async function searchProblems(
  db: DbOrTx,
  viewer: Viewer,
  query: BoardQuery,
  page: number,
): Promise<SearchPage> {
  const search = parseSearchQuery(query.q);
  if (!search) return { results: [], total: 0, more: false, page: 1, hasMore: false };
  const filters = boardFilters(viewer, query, search);
  const [rows, counted] = await Promise.all([
    db
      .select({ ...boardColumns, body: problems.body })
      .from(problems)
      .innerJoin(users, eq(users.id, problems.authorId))
      .leftJoin(alliances, eq(alliances.id, problems.allianceId))
      .where(filters)
      .orderBy(desc(rank(problems.search, search)), desc(problems.createdAt), desc(problems.id))
      .offset((page - 1) * SEARCH_PAGE_SIZE)
      .limit(SEARCH_PAGE_SIZE + 1),
    cappedCount(db, problems, filters),
  ]);
  return {
    results: rows.slice(0, SEARCH_PAGE_SIZE).map(({ body, ...row }) => ({
      ...row,
      titleHits: highlight(row.title, search),
      snippet: bestSnippet(markdownText(body), search),
    })),
    ...counted,
    page,
    hasMore: rows.length > SEARCH_PAGE_SIZE,
  };
}

/** The page number in `?page=`, 1 when missing or not understood. */
export function searchPageOf(params: URLSearchParams): number {
  const page = Number(params.get("page"));
  return Number.isInteger(page) && page >= 1 && page <= SEARCH_PAGES_MAX ? page : 1;
}

/** Keeps a window boundary off the middle of a surrogate pair. */
function codePointBoundary(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff ? index - 1 : index;
}

/**
 * About `length` characters of plain text: the window holding the most hits (the first such window,
 * starting a little before its first hit), or the start of the text when nothing hits. Hits are never
 * cut in half, white space is folded and "…" marks a cut.
 */
export function bestSnippet(
  text: string,
  query: SearchQuery | null,
  length = SNIPPET_LENGTH,
): HighlightSegment[] {
  const ranges = hitRanges(text, query);
  let from = 0;
  let best = 0;
  // Two pointers over the sorted hits: for each first hit, how many hits end inside its window.
  for (let first = 0, last = 0; first < ranges.length; first++) {
    last = Math.max(last, first);
    while (last + 1 < ranges.length && ranges[last + 1][1] <= ranges[first][0] + length) last++;
    if (last - first + 1 > best) {
      best = last - first + 1;
      from = ranges[first][0];
    }
  }
  if (best > 0) from = Math.max(0, from - Math.floor(length / 8));
  let to = Math.min(text.length, from + length);
  from = Math.max(0, Math.min(from, to - length));
  for (const [start, end] of ranges) {
    if (start < from && end > from) from = start;
    if (start < to && end > to) to = end;
  }
  from = codePointBoundary(text, from);
  to = codePointBoundary(text, to);

  const segments: HighlightSegment[] = [];
  let cursor = from;
  const push = (end: number, hit: boolean) => {
    if (end > cursor) segments.push({ text: text.slice(cursor, end).replace(/\s+/g, " "), hit });
    cursor = end;
  };
  for (const [start, end] of ranges) {
    if (end <= from || start >= to) continue;
    push(Math.max(start, from), false);
    push(Math.min(end, to), true);
  }
  push(to, false);
  if (from > 0) segments.unshift({ text: "…", hit: false });
  if (to < text.length) segments.push({ text: "…", hit: false });
  return segments;
}
