import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";

/**
 * Chinese has no spaces, so PostgreSQL's parser would index a whole clause as one "word". The app
 * segments text itself and hands PostgreSQL space-separated tokens for the `simple` configuration
 * (docs/decisions/0009-chinese-search.md). Index and query go through the same normalization.
 */

/** Indexed text beyond this is ignored: it keeps a huge body under tsvector's 1 MB limit. */
export const MAX_INDEXED_CHARS = 50_000;
/** Longer "words" are blobs (hashes, base64), not something anyone types. */
const MAX_TOKEN_LENGTH = 64;

let jieba: Jieba | undefined;
/** Loading the dictionary takes a few hundred ms, so it happens on first use, not at import. */
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const HAN = /\p{Script=Han}/u;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/**
 * NFKC per code point (full-width "ＲＯＳ２" → "ros2", U+3000 → space) and lower case. Per code point, so
 * the highlighter can map every normalized character back to the original text.
 */
export function normalizeChar(char: string): string {
  return char.normalize("NFKC").toLowerCase();
}

export function normalizeText(text: string): string {
  let out = "";
  for (const char of text) out += normalizeChar(char);
  return out;
}

export type Run = { kind: "han" | "word"; text: string };

/** Splits normalized text into Han runs and Latin/number words; punctuation, symbols and emoji separate them. */
export function runs(normalized: string): Run[] {
  const result: Run[] = [];
  let current: Run | undefined;
  for (const char of normalized) {
    const kind = HAN.test(char) ? "han" : WORD_CHAR.test(char) ? "word" : undefined;
    if (kind && current?.kind === kind) {
      current.text += char;
    } else {
      if (current) result.push(current);
      current = kind ? { kind, text: char } : undefined;
    }
  }
  if (current) result.push(current);
  return result;
}

/** All two-character substrings of a Han word: "伺服电机" → 伺服, 服电, 电机. */
export function bigrams(word: string): string[] {
  const chars = Array.from(word);
  const result: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) result.push(chars[i] + chars[i + 1]);
  return result;
}

export type IndexOptions = {
  /**
   * Also index every two-character piece of each Han word of three or more characters, so a two-character
   * query finds it inside a compound jieba's dictionary doesn't split (e.g. 车规 in 车规级). Pieces never cross
   * word boundaries, which keeps false hits like 视觉 in 近视/觉得 out.
   */
  bigrams?: boolean;
};

/** Tokens to index: jieba's search mode (谐波减速器 → 谐波, 减速, 减速器), Latin words and numbers kept whole. */
export function indexTokens(text: string, options: IndexOptions = {}): string[] {
  const withBigrams = options.bigrams ?? true;
  const tokens: string[] = [];
  for (const run of runs(normalizeText(text.slice(0, MAX_INDEXED_CHARS)))) {
    if (run.kind === "word") {
      if (run.text.length <= MAX_TOKEN_LENGTH) tokens.push(run.text);
      continue;
    }
    const pieces = segmenter().cutForSearch(run.text, true);
    const seen = new Set(pieces);
    for (const piece of pieces) {
      tokens.push(piece);
      if (!withBigrams || Array.from(piece).length < 3) continue;
      for (const pair of bigrams(piece)) {
        if (!seen.has(pair)) tokens.push(pair);
      }
    }
  }
  return tokens;
}

/** The string to hand to `to_tsvector('simple', …)`. */
export function segmentForIndex(text: string, options: IndexOptions = {}): string {
  return indexTokens(text, options).join(" ");
}

/** Function words that would make an otherwise matching query miss ("芯片的散热" vs "芯片散热"). */
const QUERY_STOPWORDS = new Set([
  ..."的地得了着过和与及或并且在是把被对为之等也都就很吗呢吧啊",
  ...["a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "with", "is", "are", "by", "at", "from"],
]);

/**
 * One word the user typed. It matches if the index holds the word itself, its pieces as adjacent words
 * (`phrase`), or all of its bigrams.
 */
export type QueryWord = { kind: "han" | "word"; word: string; phrase?: string[]; bigrams?: string[] };

/**
 * The word spelled out by its search-mode pieces, longest first and without overlaps (激光雷达 → 激光 雷达);
 * none when the pieces leave a character out (机器人 → only 机器), since matching 机器 alone is not 机器人.
 */
function cover(word: string, pieces: string[]): string[] | undefined {
  const chars = Array.from(word);
  const known = new Set(pieces.filter((piece) => piece !== word));
  const result: string[] = [];
  for (let i = 0; i < chars.length;) {
    let length = chars.length - i;
    while (length > 0 && !known.has(chars.slice(i, i + length).join(""))) length--;
    if (length === 0) return undefined;
    result.push(chars.slice(i, i + length).join(""));
    i += length;
  }
  return result;
}

/**
 * Query words: jieba's precise mode, since the index also holds every precise-mode word. A Han word of three or
 * more characters may have been cut differently in the indexed sentence (激光 | 雷达站) or sit inside a longer
 * compound, so it also matches through its pieces as a phrase or through its bigrams.
 */
export function queryWords(text: string): QueryWord[] {
  const words: QueryWord[] = [];
  for (const run of runs(normalizeText(text))) {
    if (run.kind === "word") {
      if (run.text.length <= MAX_TOKEN_LENGTH) words.push({ kind: "word", word: run.text });
      continue;
    }
    for (const word of segmenter().cut(run.text, true)) {
      if (Array.from(word).length < 3) {
        words.push({ kind: "han", word });
        continue;
      }
      const phrase = cover(word, segmenter().cutForSearch(word, true));
      words.push({ kind: "han", word, ...(phrase && { phrase }), bigrams: bigrams(word) });
    }
  }
  const meaningful = words.filter((w) => !QUERY_STOPWORDS.has(w.word));
  // A query of nothing but stop words still means something ("的").
  const kept = meaningful.length > 0 ? meaningful : words;
  const unique = new Map(kept.map((w) => [w.word, w]));
  return [...unique.values()];
}
