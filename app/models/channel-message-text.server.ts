/**
 * Text work on a message's rendered HTML (app/markdown/render.server.ts): marking @mentions, and the
 * plain-text excerpt that quotes and notifications show. The renderer's output is well-formed and
 * escapes `&<>"` everywhere, so a `<` always opens a tag and text can be matched in its escaped form.
 */

export type MentionCandidate = { id: string; name: string };

export const EXCERPT_MAX = 140;

/** Inside these, an `@name` is code or part of a link, not a mention. */
const SKIPPED = new Set(["a", "code", "pre"]);
const TAG = /<\/?([a-z0-9]+)[^>]*>/gi;
/** Letters of scripts that separate words with spaces; Chinese runs names into the text that follows. */
const WORD = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}_]/u;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Wraps each `@name` of a candidate in `<span class="mention" data-user-id="…">`, longest name first
 * (so `@张三丰` is not read as `@张三` followed by 丰). A name ending in a Latin (Greek, Cyrillic) letter
 * or digit must not run on into another one: `@Bob` is not in `@Bobby`, but `@张三你好` names 张三.
 * Returns the HTML and whom it mentions.
 */
export function markMentions(
  html: string,
  candidates: readonly MentionCandidate[],
): { html: string; mentioned: string[] } {
  const needles = candidates
    .filter((c) => c.name.length > 0)
    .map((c) => ({ id: c.id, text: escapeHtml(`@${c.name}`), wordEnd: WORD.test(c.name.at(-1) ?? "") }))
    .sort((a, b) => b.text.length - a.text.length);
  const mentioned = new Set<string>();
  if (needles.length === 0) return { html, mentioned: [] };

  let out = "";
  let skipDepth = 0;
  let last = 0;
  const markText = (text: string) => {
    if (skipDepth > 0 || !text.includes("@")) return text;
    let result = "";
    let i = 0;
    while (i < text.length) {
      const at = text.indexOf("@", i);
      if (at < 0) break;
      const needle = needles.find(
        (n) =>
          text.startsWith(n.text, at) && !(n.wordEnd && WORD.test(text.charAt(at + n.text.length) || " ")),
      );
      if (!needle) {
        result += text.slice(i, at + 1);
        i = at + 1;
        continue;
      }
      mentioned.add(needle.id);
      result += `${text.slice(i, at)}<span class="mention" data-user-id="${escapeHtml(needle.id)}">${needle.text}</span>`;
      i = at + needle.text.length;
    }
    return result + text.slice(i);
  };
  for (const match of html.matchAll(TAG)) {
    out += markText(html.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
    const name = match[1].toLowerCase();
    if (SKIPPED.has(name)) skipDepth += match[0].startsWith("</") ? -1 : 1;
    skipDepth = Math.max(skipDepth, 0);
  }
  out += markText(html.slice(last));
  return { html: out, mentioned: [...mentioned] };
}

const BLOCK_END = /^<(?:br|\/(?:p|li|h[1-6]|pre|blockquote|tr|td|th|ul|ol|table))\b/i;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * The plain text of rendered HTML, whitespace collapsed, cut to `max` characters (an ellipsis marks
 * a cut). A tag cut off at the end of a truncated input is dropped like a whole one.
 */
export function plainExcerpt(html: string, max = EXCERPT_MAX): string {
  const text = html
    .replace(/<[^>]*(?:>|$)/g, (tag) => (BLOCK_END.test(tag) ? " " : ""))
    .replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (entity, dec?: string, hex?: string, name?: string) => {
      if (name) return ENTITIES[name.toLowerCase()] ?? entity;
      const code = dec ? Number(dec) : parseInt(hex!, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    })
    .replace(/\s+/g, " ")
    .trim();
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}
