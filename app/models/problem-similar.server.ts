import { and, desc, ne, sql } from "drizzle-orm";
import { problems } from "../../db/schema/index";
import { highlight, type HighlightSegment } from "~/search/highlight.server";
import { parseSearchQuery, tsQuery, type SearchQuery } from "~/search/tsquery.server";
import type { DbOrTx } from "~/utils/db.server";
import type { Viewer } from "~/utils/permissions.server";
import type { ProblemStatus } from "~/validation/problem";
import { listable } from "./problem-board.server";
import { isUuid } from "./topic-records.server";

export const SIMILAR_MAX = 5;

export type SimilarProblem = { id: string; titleHits: HighlightSegment[]; status: ProblemStatus };

/**
 * A title being typed matches a problem that shares any of its words (search's AND would need them all, and
 * a duplicate is rarely worded the same way); ts_rank then puts the problems sharing the most words, and in
 * their titles, first. The last Latin word is a prefix, as it may be half typed.
 */
function anyWord(search: SearchQuery) {
  const last = search.words.length - 1;
  const parts = search.words.map((word, index) =>
    // A prefix of one or two letters would match half the board.
    tsQuery({ words: [word], prefixLast: search.prefixLast && index === last && word.word.length >= 3 }),
  );
  return sql`(${sql.join(parts, sql` || `)})`;
}

/**
 * Up to five problems the viewer may list whose wording overlaps `title`, best first; `exclude` leaves out
 * the problem being edited. One query, or none when the text holds nothing searchable.
 */
export async function similarProblems(
  db: DbOrTx,
  viewer: Viewer,
  title: string,
  exclude: string | null = null,
): Promise<SimilarProblem[]> {
  const search = parseSearchQuery(title, { prefix: true });
  if (!search) return [];
  const query = anyWord(search);
  // Title hits (weight A) count fully, body hits a little, tags barely: a shared title word is the signal.
  const score = sql`ts_rank('{0.05, 0.1, 0.4, 1.0}', ${problems.search}, ${query})`;
  const rows = await db
    .select({ id: problems.id, title: problems.title, status: problems.status })
    .from(problems)
    .where(
      and(
        listable(viewer),
        sql`${problems.search} @@ ${query}`,
        exclude && isUuid(exclude) ? ne(problems.id, exclude) : undefined,
      ),
    )
    .orderBy(desc(score), desc(problems.createdAt), desc(problems.id))
    .limit(SIMILAR_MAX);
  return rows.map((row) => ({ id: row.id, status: row.status, titleHits: highlight(row.title, search) }));
}
