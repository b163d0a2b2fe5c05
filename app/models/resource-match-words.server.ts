import { sql, type SQL } from "drizzle-orm";
import { queryWords, type QueryWord } from "~/search/segment.server";
import { tsQuery } from "~/search/tsquery.server";

/**
 * The words a problem or resource is matched by, and which of them another text shares. Matching reads
 * whole descriptions, so it keeps the words that carry the subject and drops the ones every request for
 * help is written with ("需要", "提高", "looking for") — without that, every long text would look alike.
 */

/** The body's opening carries its subject; the rest adds more noise than signal and costs query time. */
const BODY_CHARS = 600;
/** Words in the query, title and tags first: bounds the planner's and ts_rank's work. */
export const MAX_MATCH_WORDS = 24;

/** Words of requests and offers in general, not of any subject. */
const GENERIC = new Set([
  ...["需要", "问题", "难题", "如何", "我们", "我司", "目前", "现有", "希望", "寻求", "进行", "实现", "提高"],
  ...["提升", "解决", "方案", "技术", "研究", "开发", "合作", "企业", "公司", "能力", "相关", "存在", "要求"],
  ...["以及", "一个", "可以", "能够", "通过", "提供", "支持", "服务", "项目", "产品", "应用", "方面", "情况"],
  ...[
    "效果",
    "进一步",
    "不足",
    "无法",
    "不能",
    "导致",
    "大量",
    "较大",
    "较高",
    "主要",
    "其中",
    "用于",
    "已经",
  ],
  ...["对外", "欢迎", "联系", "面向", "具备", "拥有", "成果", "平台", "系统", "设备", "工作", "一些"],
  ...["天津", "滨海", "新区", "国内", "国外", "关键", "核心", "自主", "研发", "领域", "行业", "单位", "团队"],
  ...["need", "needs", "problem", "problems", "how", "we", "our", "us", "looking", "seek", "seeking"],
  ...["improve", "improving", "solution", "solutions", "support", "provide", "provides", "offer", "offers"],
  ...["service", "services", "technology", "technical", "develop", "development", "research", "partner"],
  ...["cooperation", "company", "current", "currently", "can", "cannot", "into", "than", "this", "that"],
  ...["these", "those", "its", "it", "be", "has", "have", "not", "no", "which", "when", "while", "per"],
  ...["up", "under", "over", "more", "less", "high", "low", "new", "based", "using", "use", "used"],
  ...["system", "systems", "platform", "your", "you", "help", "want", "would", "should", "tianjin"],
  ...["also", "all", "any", "each", "both", "such", "other", "own", "same", "so", "too", "very", "will"],
]);

export type MatchWord = QueryWord & {
  /** A word of the title or the tags counts more than one of the body. */
  weight: number;
};

const meaningful = (word: QueryWord) =>
  !GENERIC.has(word.word) &&
  (word.kind === "han"
    ? Array.from(word.word).length >= 2
    : word.word.length >= 2 && !/^\d{1,3}$/.test(word.word));

/** Title words, then tag words, then the body's, each once; at most MAX_MATCH_WORDS. */
export function matchWords(text: { title: string; body: string; tags: readonly string[] }): MatchWord[] {
  const seen = new Map<string, MatchWord>();
  const sources: [string, number][] = [
    [text.title, 1],
    [text.tags.join(" "), 1],
    [text.body.slice(0, BODY_CHARS), 0.6],
  ];
  for (const [source, weight] of sources) {
    for (const word of queryWords(source)) {
      if (!meaningful(word) || seen.has(word.word)) continue;
      seen.set(word.word, { ...word, weight });
    }
  }
  return [...seen.values()].slice(0, MAX_MATCH_WORDS);
}

/**
 * A text matching any of the words (matching needs overlap, not every word, as similar problems do). A
 * word matches by itself or all its bigrams, not as a phrase of its pieces: without phrases the GIN index
 * answers exactly, so candidates are found without reading their vectors.
 */
export function anyWordQuery(words: readonly MatchWord[]): SQL {
  return sql`(${sql.join(
    words.map(({ phrase: _phrase, ...word }) => tsQuery({ words: [word], prefixLast: false })),
    sql` || `,
  )})`;
}

/** A tsvector's lexemes and the best weight each has (A title, B body, C tags; D unweighted). */
export type Lexemes = Map<string, "A" | "B" | "C" | "D">;

const RANK = { A: 3, C: 2, B: 1, D: 0 } as const;

/** The pairs `lexemesOf` selects (lexeme, its positions' weights), as each lexeme's best weight. */
export function bestWeights(pairs: readonly [string, readonly string[]][]): Lexemes {
  const lexemes: Lexemes = new Map();
  for (const [lexeme, weights] of pairs) {
    let best: "A" | "B" | "C" | "D" = "D";
    for (const weight of weights) {
      if (weight in RANK && RANK[weight as keyof typeof RANK] > RANK[best])
        best = weight as keyof typeof RANK;
    }
    lexemes.set(lexeme, best);
  }
  return lexemes;
}

/** How much a shared word counts by where the other text has it: its title most, then its tags, its body. */
const FIELD = { A: 1, C: 0.8, B: 0.6, D: 0.6 } as const;

/** Where the other text has the word, as the tsquery would find it: itself, its pieces, or all its bigrams. */
function found(word: QueryWord, lexemes: Lexemes): "A" | "B" | "C" | "D" | null {
  const direct = lexemes.get(word.word);
  if (direct) return direct;
  for (const parts of [word.phrase, word.bigrams]) {
    if (!parts || !parts.every((part) => lexemes.has(part))) continue;
    return parts.map((part) => lexemes.get(part)!).reduce((a, b) => (RANK[a] <= RANK[b] ? a : b));
  }
  return null;
}

export type Overlap = {
  /** Shared words in the probe's order: its title's first. */
  shared: string[];
  /** 0 (nothing shared) towards 1 (many shared, in titles): saturates, so a long text does not win by length. */
  similarity: number;
};

export function overlap(words: readonly MatchWord[], lexemes: Lexemes): Overlap {
  const shared: string[] = [];
  let sum = 0;
  for (const word of words) {
    const weight = found(word, lexemes);
    if (!weight) continue;
    shared.push(word.word);
    sum += word.weight * FIELD[weight];
  }
  return { shared, similarity: 1 - Math.exp(-sum / 2) };
}
