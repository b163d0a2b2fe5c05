import MarkdownIt, { type MarkdownIt as Renderer, type Token } from "markdown-it";
import { isAllowedLink, isExternalLink } from "./link-policy";

/**
 * Markdown from users → HTML that is safe to insert into a page.
 *
 * markdown-it with `html: false` never interprets raw HTML: `<script>` or `<img onerror>` come out as
 * escaped text, and every attribute it writes is escaped. On top of that:
 * - links: only http, https, mailto and paths on this site (link-policy.ts); a refused link stays
 *   as its source text. External links open in a new tab with rel="nofollow noopener noreferrer".
 * - images are not shown, only their alt text: the CSP allows no remote images, and a remote image
 *   would tell its host who read the page and when.
 * - headings are demoted by two levels, so user content never competes with the page's h1 and h2.
 * - GFM: tables, strikethrough, autolinks (`<https://…>`, bare URLs, `www.…`, e-mail addresses).
 *   A single line break is kept as a line break, as people typing in a textarea (and GitHub) expect;
 *   for Chinese this also avoids the stray space a soft break would render between characters.
 * - every token keeps only the attributes allowed below (table alignment becomes a class, as the CSP
 *   refuses inline styles).
 *
 * markdown-it and linkify-it are built to run in linear time on any input (tests/unit/markdown.test.ts
 * renders pathological inputs); how long a text may be is each caller's rule.
 */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

const HEADING_DEMOTION = 2;

const ALLOWED_ATTRIBUTES: Record<string, readonly string[]> = {
  link_open: ["href"],
  ordered_list_open: ["start"],
  th_open: ["class"],
  td_open: ["class"],
};

const ALIGN_CLASSES: Record<string, string> = {
  "text-align:left": "text-left",
  "text-align:center": "text-center",
  "text-align:right": "text-right",
};

const markdown = createRenderer();

function createRenderer(): Renderer {
  const md = new MarkdownIt("default", { html: false, linkify: true, typographer: false, breaks: true });
  md.validateLink = isAllowedLink;
  // GFM's `www.` autolinks; linkify-it's own fuzzy matching would also link `README.md` (a TLD).
  md.linkify.add("www.", {
    validate(text, pos, self) {
      const re = self.re.get_relative_proto_validator();
      re.lastIndex = pos;
      const match = re.exec(text);
      return match ? match[0].length : 0;
    },
    normalize(match) {
      match.url = `http://${match.url}`;
    },
  });

  md.core.ruler.push("qilian_sanitize", (state) => {
    for (const token of state.tokens) sanitizeToken(token);
  });

  md.renderer.rules.image = (tokens, idx, options, env, self) =>
    md.utils.escapeHtml(self.renderInlineAsText(tokens[idx].children ?? [], options, env));

  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    if (isExternalLink(String(token.attrGet("href") ?? ""))) {
      token.attrSet("rel", "nofollow noopener noreferrer");
      token.attrSet("target", "_blank");
    }
    return self.renderToken(tokens, idx, options);
  };
  return md;
}

function sanitizeToken(token: Token): void {
  if (token.type === "heading_open" || token.type === "heading_close") {
    const level = Number(token.tag.slice(1)) + HEADING_DEMOTION;
    token.tag = `h${Math.min(level, 6)}`;
  }
  if (token.attrs) {
    const style = token.attrGet("style");
    const allowed = ALLOWED_ATTRIBUTES[token.type] ?? [];
    token.attrs = token.attrs.filter(([name]) => allowed.includes(name));
    const align = style ? ALIGN_CLASSES[style] : undefined;
    if (align && allowed.includes("class")) token.attrSet("class", align);
    if (token.attrs.length === 0) token.attrs = null;
  }
  for (const child of token.children ?? []) sanitizeToken(child);
}
