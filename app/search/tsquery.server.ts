import { sql, type AnyColumn, type SQL, type SQLWrapper } from "drizzle-orm";
import { queryWords, segmentForIndex, type IndexOptions, type QueryWord } from "./segment.server";

/** Longer input is cut: nobody types more, and it bounds the segmenter's and planner's work. */
export const MAX_QUERY_CHARS = 200;
export const MAX_QUERY_WORDS = 16;

export type SearchQuery = {
  words: QueryWord[];
  /** The last word matches as a prefix ("robo" → robot), for search-as-you-type. Latin words only. */
  prefixLast: boolean;
};

/**
 * Any user string becomes a query or null (nothing searchable: empty, punctuation, emoji). The text is
 * segmented and stripped of punctuation before PostgreSQL sees it, and every word still goes through
 * `websearch_to_tsquery`, which never raises — so raw tsquery syntax like `!&:*(` cannot cause an error.
 */
export function parseSearchQuery(input: unknown, options: { prefix?: boolean } = {}): SearchQuery | null {
  if (typeof input !== "string") return null;
  const words = queryWords(input.slice(0, MAX_QUERY_CHARS)).slice(0, MAX_QUERY_WORDS);
  if (words.length === 0) return null;
  return { words, prefixLast: Boolean(options.prefix) && words[words.length - 1].kind === "word" };
}

function websearch(text: string): SQL {
  return sql`websearch_to_tsquery('simple', ${text})`;
}

/** The tsquery: every word must match, through the word itself, its phrase or its bigrams. */
export function tsQuery(query: SearchQuery): SQL {
  const parts = query.words.map((word, index) => {
    if (query.prefixLast && index === query.words.length - 1) {
      // quote_literal makes the word one quoted lexeme, so to_tsquery's syntax never sees user characters.
      return sql`(${websearch(word.word)} || to_tsquery('simple', quote_literal(${word.word}) || ':*'))`;
    }
    const options = [websearch(word.word)];
    // websearch_to_tsquery reads a quoted string as a phrase: the pieces must be adjacent words.
    if (word.phrase) options.push(websearch(`"${word.phrase.join(" ")}"`));
    if (word.bigrams) options.push(websearch(word.bigrams.join(" ")));
    return options.length === 1 ? options[0] : sql`(${sql.join(options, sql` || `)})`;
  });
  return sql`(${sql.join(parts, sql` && `)})`;
}

export type SearchFields = { title: string; body?: string | null; tags?: readonly string[] | null };

/** The document vector from app-segmented text: title (A) above body (B) above tags (C). */
export function searchVector(fields: SearchFields, options: IndexOptions = {}): SQL {
  const title = segmentForIndex(fields.title, options);
  const body = segmentForIndex(fields.body ?? "", options);
  const tags = segmentForIndex((fields.tags ?? []).join(" "), options);
  return sql`(setweight(to_tsvector('simple', ${title}), 'A') || setweight(to_tsvector('simple', ${body}), 'B') || setweight(to_tsvector('simple', ${tags}), 'C'))`;
}

export type SearchColumn = AnyColumn | SQLWrapper;

/** `column @@ query`; a null query (nothing searchable) matches nothing. */
export function matches(column: SearchColumn, query: SearchQuery | null): SQL {
  if (!query) return sql`false`;
  return sql`${column} @@ ${tsQuery(query)}`;
}

/** Relevance; with ts_rank's default weights a title hit (A = 1.0) outweighs a body hit (B = 0.4). */
export function rank(column: SearchColumn, query: SearchQuery | null): SQL<number> {
  if (!query) return sql<number>`0::real`;
  return sql<number>`ts_rank(${column}, ${tsQuery(query)})`;
}
