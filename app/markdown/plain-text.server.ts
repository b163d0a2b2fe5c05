import MarkdownIt, { type Token } from "markdown-it";

/**
 * The words a reader sees in a Markdown text, without its syntax: for search snippets, where `**`, `#` or a
 * link's address would only be noise. Blocks end with a line break; images leave their alt text.
 */
export function markdownText(source: string): string {
  let text = "";
  const walk = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.children) walk(token.children);
      else if (token.type === "text" || token.type === "code_inline") text += token.content;
      else if (token.type === "softbreak" || token.type === "hardbreak") text += "\n";
      else if (token.type === "fence" || token.type === "code_block") text += `${token.content}\n`;
      else if (token.nesting === -1 && token.block) text += "\n";
    }
  };
  walk(parser.parse(source, {}));
  return text.trim();
}

const parser = new MarkdownIt("default", { html: false, linkify: false });
