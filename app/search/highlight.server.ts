import { normalizeChar } from "./segment.server";
import type { SearchQuery } from "./tsquery.server";

/**
 * Hits are found in the app, on the original text, rather than by `ts_headline`: PostgreSQL only sees
 * the segmented text, so its headline would show spaces between Chinese words. The result is plain
 * segments for React to render (`hit` → <mark>), so nothing here produces HTML to escape.
 */
export type HighlightSegment = { text: string; hit: boolean };

const HAN = /\p{Script=Han}/u;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

function isLatinWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char) && !HAN.test(char);
}

type Term = { text: string; latin: boolean; prefix: boolean };

/**
 * For each query word, the ways it can appear, best first: the word, its phrase pieces, its bigrams. Only the
 * first way found in a text is marked, so 机器人 does not also light up the 机器 of 机器视觉.
 */
function termGroups(query: SearchQuery): Term[][][] {
  return query.words.map((word, index) => {
    const latin = word.kind === "word";
    const prefix = query.prefixLast && index === query.words.length - 1;
    const pieces = (list: string[] | undefined) =>
      (list ?? []).map((text) => ({ text, latin, prefix: false }));
    return [[{ text: word.word, latin, prefix }], pieces(word.phrase), pieces(word.bigrams)].filter(
      (group) => group.length > 0,
    );
  });
}

/** The normalized text, and for each of its UTF-16 units the span of original text it came from. */
function normalizeWithOffsets(text: string) {
  let normalized = "";
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const char of text) {
    const n = normalizeChar(char);
    for (let i = 0; i < n.length; i++) {
      starts.push(offset);
      ends.push(offset + char.length);
    }
    normalized += n;
    offset += char.length;
  }
  return { normalized, starts, ends };
}

/** Original-text ranges [start, end) of every hit, merged and sorted. */
export function hitRanges(text: string, query: SearchQuery | null): Array<[number, number]> {
  if (!query || text.length === 0) return [];
  const { normalized, starts, ends } = normalizeWithOffsets(text);
  const find = (term: Term): Array<[number, number]> => {
    const found: Array<[number, number]> = [];
    for (let at = normalized.indexOf(term.text); at !== -1; at = normalized.indexOf(term.text, at + 1)) {
      const after = at + term.text.length;
      if (term.latin) {
        // Latin words match whole ("ros" is not a hit inside "across"), a prefix word only at its start.
        if (isLatinWordChar(normalized[at - 1])) continue;
        if (!term.prefix && isLatinWordChar(normalized[after])) continue;
      }
      found.push([starts[at], ends[after - 1]]);
    }
    return found;
  };
  const ranges: Array<[number, number]> = [];
  for (const groups of termGroups(query)) {
    for (const group of groups) {
      const found = group.flatMap(find);
      ranges.push(...found);
      if (found.length > 0) break;
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

function toSegments(
  text: string,
  ranges: Array<[number, number]>,
  from: number,
  to: number,
): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let cursor = from;
  for (const [start, end] of ranges) {
    if (end <= from || start >= to) continue;
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (s > cursor) segments.push({ text: text.slice(cursor, s), hit: false });
    segments.push({ text: text.slice(s, e), hit: true });
    cursor = e;
  }
  if (cursor < to) segments.push({ text: text.slice(cursor, to), hit: false });
  return segments;
}

/** The whole text, with the query's hits marked (for titles). */
export function highlight(text: string, query: SearchQuery | null): HighlightSegment[] {
  return toSegments(text, hitRanges(text, query), 0, text.length);
}

/** Keeps a window boundary off the middle of a surrogate pair. */
function codePointBoundary(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff ? index - 1 : index;
}

/**
 * About `length` characters of text around the first hit (the start of the text when nothing hits), with
 * "…" where it was cut and runs of white space folded, for result lists.
 */
export function snippet(
  text: string,
  query: SearchQuery | null,
  options: { length?: number } = {},
): HighlightSegment[] {
  const length = options.length ?? 160;
  const ranges = hitRanges(text, query);
  let from = 0;
  if (ranges.length > 0) from = Math.max(0, ranges[0][0] - Math.floor(length / 4));
  let to = Math.min(text.length, from + length);
  from = Math.max(0, Math.min(from, to - length));
  // A window edge never cuts a hit in half.
  for (const [start, end] of ranges) {
    if (start < from && end > from) from = start;
    if (start < to && end > to) to = end;
  }
  from = codePointBoundary(text, from);
  to = codePointBoundary(text, to);
  const segments = toSegments(text, ranges, from, to).map((segment) => ({
    text: segment.text.replace(/\s+/g, " "),
    hit: segment.hit,
  }));
  if (from > 0) segments.unshift({ text: "…", hit: false });
  if (to < text.length) segments.push({ text: "…", hit: false });
  return segments;
}
