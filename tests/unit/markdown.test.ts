import { describe, expect, it } from "vitest";
import { isAllowedLink } from "~/markdown/link-policy";
import { renderMarkdown } from "~/markdown/render.server";

/** Every tag the output holds, with its attributes as written. */
const tags = (html: string) => [...html.matchAll(/<[a-z][^>]*>/gi)].map((match) => match[0]);

/** The renderer's promise, checked on every output: only known tags, only known attributes, safe hrefs. */
function expectHarmless(html: string) {
  for (const tag of tags(html)) {
    const [, name, attributes] = /^<([a-z][a-z\d]*)(.*?)\/?>$/is.exec(tag)!;
    expect([
      "p",
      "br",
      "a",
      "em",
      "strong",
      "s",
      "code",
      "pre",
      "blockquote",
      "ul",
      "ol",
      "li",
      "hr",
      "table",
      "thead",
      "tbody",
      "tr",
      "th",
      "td",
      "h3",
      "h4",
      "h5",
      "h6",
    ]).toContain(name.toLowerCase());
    for (const [, attribute, value] of attributes.matchAll(/\s([^\s=]+)="([^"]*)"/g)) {
      expect(["href", "rel", "target", "start", "class"]).toContain(attribute);
      if (attribute === "href")
        expect(value).toMatch(/^(https?:\/\/|mailto:|\/(?![/\\])|#|\?|[^:/?#]+(?:[/?#]|$))/i);
    }
  }
  expect(html).not.toMatch(/<(script|iframe|img|svg|style|object|embed|form|input|math)/i);
}

const render = (source: string) => {
  const html = renderMarkdown(source);
  expectHarmless(html);
  return html;
};

describe("markdown rendering: XSS (OWASP cheat sheet cases that apply to Markdown)", () => {
  it.each([
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](  javascript:alert(1)  )",
    "[x](<javascript:alert(1)>)",
    "[x](java&#x09;script:alert(1))",
    "[x](java&#9;script:alert(1))",
    "[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
    "[x](&#x6A;avascript:alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](java%0ascript:alert(1))",
    "[x](\\javascript:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](VBScript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](data:image/png;base64,iVBORw0KGgo=)",
    "[x](file:///etc/passwd)",
    "[x](//evil.example/path)",
    '[x]( javascript:alert(1) "title")',
    "[x][ref]\n\n[ref]: javascript:alert(1)",
    "[ref]\n\n[ref]: JAVASCRIPT:alert(1) 'title'",
    "<javascript:alert(1)>",
    "<vbscript:msgbox(1)>",
    "<data:text/html,<script>alert(1)</script>>",
    "javascript:alert(1)",
  ])("keeps %j from linking anywhere but http, https, mailto or this site", (source) => {
    const html = render(source);
    expect(html).not.toMatch(/href="[^"]*(script|data|file):/i);
    expect(html).not.toMatch(/href="\/\//);
    expect(html).not.toContain("<a ");
  });

  it.each([
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<script>alert(1)</script>",
    '<SCRIPT SRC="http://xss.example/xss.js"></SCRIPT>',
    '<iframe src="javascript:alert(1)"></iframe>',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<a href="javascript:alert(1)">x</a>',
    '<div onmouseover="alert(1)">hover</div>',
    "<body onload=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<!-- <img src=x onerror=alert(1)> -->",
    '<object data="javascript:alert(1)"></object>',
    "<<script>script>alert(1)<</script>/script>",
    "<form action=javascript:alert(1)><input type=submit>",
    "<style>body{display:none}</style>",
    "paragraph <b onclick=alert(1)>inline</b> html",
  ])("shows raw HTML %j as text", (source) => {
    const html = render(source);
    expect(html).toContain("&lt;");
    expect(html).not.toMatch(/<[a-z]+[^>]*\son[a-z]+=/i);
    expect(html).not.toMatch(/<[a-z]+[^>]*\sstyle=/i);
  });

  it("writes the escaped HTML back as the characters typed", () => {
    expect(render("<script>alert(1)</script>")).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
    expect(render("<img src=x onerror=alert(1)>")).toBe("<p>&lt;img src=x onerror=alert(1)&gt;</p>\n");
  });

  it("escapes attribute breakouts in link destinations, titles and code fence languages", () => {
    const link = render('[x](https://example.com/"onmouseover="alert(1) "a\\" onclick=\\"b")');
    expect(link).toContain('href="https://example.com/%22onmouseover=%22alert(1)"');
    expect(link).not.toContain("title=");
    const fence = render('```js" onmouseover="alert(1)\n<b>bold</b>\n```');
    expect(fence).toContain("&lt;b&gt;bold&lt;/b&gt;");
    expect(fence).not.toMatch(/"\s*onmouseover/);
  });

  it("shows images as their alt text only, whatever the source", () => {
    expect(render("![产业链 *图*](https://example.com/chain.png)")).toBe("<p>产业链 图</p>\n");
    expect(render('![x" onerror="alert(1)](javascript:alert(1))')).toBe(
      "<p>![x&quot; onerror=&quot;alert(1)](javascript:alert(1))</p>\n",
    );
    expect(render("![<script>](https://example.com/a.png)")).toBe("<p>&lt;script&gt;</p>\n");
    expect(render("[![logo](https://example.com/l.png)](https://example.com)")).toBe(
      '<p><a href="https://example.com" rel="nofollow noopener noreferrer" target="_blank">logo</a></p>\n',
    );
  });
});

describe("markdown rendering: links", () => {
  it("lets http, https, mailto and paths on this site through", () => {
    expect(render("[a](https://example.com/x?y=1#z)")).toContain('href="https://example.com/x?y=1#z"');
    expect(render("[a](HTTP://example.com)")).toContain('href="HTTP://example.com"');
    expect(render("[a](mailto:someone@example.com)")).toBe(
      '<p><a href="mailto:someone@example.com">a</a></p>\n',
    );
    expect(render("[a](/problems/1)")).toBe('<p><a href="/problems/1">a</a></p>\n');
    expect(render("[a](#section)")).toBe('<p><a href="#section">a</a></p>\n');
    expect(render("[a](docs/guide.md)")).toBe('<p><a href="docs/guide.md">a</a></p>\n');
    expect(render("[a](./x:y)")).toBe('<p><a href="./x:y">a</a></p>\n');
  });

  it("opens external links in a new tab without referrer or ranking, and this site's in place", () => {
    expect(render("[站外](https://example.com)")).toBe(
      '<p><a href="https://example.com" rel="nofollow noopener noreferrer" target="_blank">站外</a></p>\n',
    );
    expect(render("[站内](/alliances)")).not.toContain("target=");
    expect(render("[mail](mailto:a@example.com)")).not.toContain("target=");
  });

  it("links bare URLs, www. addresses, e-mail addresses and <autolinks>", () => {
    expect(render("见 https://example.com/路径 。")).toContain(
      '<a href="https://example.com/%E8%B7%AF%E5%BE%84" rel="nofollow noopener noreferrer" target="_blank">https://example.com/路径</a>',
    );
    expect(render("see www.example.com now")).toContain('<a href="http://www.example.com" rel=');
    expect(render("mail a@example.com")).toContain('<a href="mailto:a@example.com">a@example.com</a>');
    expect(render("<https://example.com>")).toContain('<a href="https://example.com" rel=');
    expect(render("<mailto:a@example.com>")).toContain('<a href="mailto:a@example.com">');
    // linkify-it's fuzzy matching would link file names whose extension is a TLD; GFM does not.
    expect(render("README.md and ftp://example.com")).toBe("<p>README.md and ftp://example.com</p>\n");
  });

  it("refuses what a browser would read as another scheme or another host", () => {
    for (const url of [
      "javascript:x",
      " JAVASCRIPT:x",
      "java\tscript:x",
      "java\nscript:x",
      "\u0000javascript:x",
    ])
      expect(isAllowedLink(url), url).toBe(false);
    for (const url of ["java%09script:x", "//evil.example", "\\\\evil.example", "/\\evil.example", "ftp://x"])
      expect(isAllowedLink(url), url).toBe(false);
    for (const url of ["https://x", "http://x", "mailto:a@b", "/p", "p/q", "?q=1", "#a", "./a:b", ""])
      expect(isAllowedLink(url), url).toBe(true);
  });
});

describe("markdown rendering: structure", () => {
  it("demotes headings so user content never makes an h1 or h2", () => {
    expect(render("# 一\n## 二\n### 三\n#### 四\n##### 五\n###### 六\n\nSetext\n===\n\nTwo\n---")).toBe(
      "<h3>一</h3>\n<h4>二</h4>\n<h5>三</h5>\n<h6>四</h6>\n<h6>五</h6>\n<h6>六</h6>\n<h3>Setext</h3>\n<h4>Two</h4>\n",
    );
  });

  it("renders GFM tables, with alignment as classes rather than inline styles", () => {
    const html = render("| 节点 | 数量 | 状态 |\n|:--|:-:|--:|\n| 芯片 | 3 | `<b>` |");
    expect(html).toContain('<th class="text-left">节点</th>');
    expect(html).toContain('<th class="text-center">数量</th>');
    expect(html).toContain('<td class="text-right"><code>&lt;b&gt;</code></td>');
    expect(html).not.toContain("style=");
  });

  it("renders lists, strikethrough, emphasis, quotes and line breaks", () => {
    expect(render("1. 一\n2. 二")).toBe("<ol>\n<li>一</li>\n<li>二</li>\n</ol>\n");
    expect(render("3. three")).toBe('<ol start="3">\n<li>three</li>\n</ol>\n');
    expect(render("- a\n  - b")).toBe("<ul>\n<li>a\n<ul>\n<li>b</li>\n</ul>\n</li>\n</ul>\n");
    expect(render("~~旧方案~~ **新方案** *注*")).toBe(
      "<p><s>旧方案</s> <strong>新方案</strong> <em>注</em></p>\n",
    );
    expect(render("> 引用")).toBe("<blockquote>\n<p>引用</p>\n</blockquote>\n");
    expect(render("第一行\n第二行")).toBe("<p>第一行<br>\n第二行</p>\n");
  });

  it("keeps < escaped in code spans, fenced and indented code blocks", () => {
    expect(render("`a < b && <script>`")).toBe("<p><code>a &lt; b &amp;&amp; &lt;script&gt;</code></p>\n");
    expect(render("```ts\nif (a < b) alert('<x>');\n```")).toBe(
      "<pre><code class=\"language-ts\">if (a &lt; b) alert('&lt;x&gt;');\n</code></pre>\n",
    );
    expect(render("    <img src=x onerror=alert(1)>")).toBe(
      "<pre><code>&lt;img src=x onerror=alert(1)&gt;\n</code></pre>\n",
    );
  });

  it("leaves Chinese text, punctuation and full-width characters as typed", () => {
    const text = "揭榜挂帅：面向“人工智能+制造”的共性技术难题（第一批）——欢迎联盟成员单位参与！";
    expect(render(text)).toBe(`<p>${text}</p>\n`);
    expect(render("**加粗**文字与*强调*混排")).toBe("<p><strong>加粗</strong>文字与<em>强调</em>混排</p>\n");
    expect(render("＃ 全角井号不是标题")).toBe("<p>＃ 全角井号不是标题</p>\n");
  });
});

describe("markdown rendering: pathological inputs (benchmark; asserts only that each one completes)", () => {
  const size = 100_000;
  const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const growingBackticks = () => {
    let out = "";
    for (let n = 1; out.length < size; n++) out += `${"`".repeat(n)}a`;
    return out;
  };
  const inputs: Record<string, () => string> = {
    "nested brackets": () => "[".repeat(size / 2) + "a" + "]".repeat(size / 2),
    "unclosed links": () => fill("[a]("),
    "unclosed images": () => fill("![[]("),
    "nested links": () => fill("[[a](b) "),
    "emphasis runs": () => fill("*a **a "),
    underscores: () => fill("_a"),
    "lone asterisks": () => fill("*"),
    "strikethrough runs": () => fill("~~a ~"),
    "backtick runs of growing length": growingBackticks,
    "unclosed backticks": () => fill("`a``"),
    "nested blockquotes": () => ">".repeat(size),
    "nested lists": () => Array.from({ length: 1000 }, (_, i) => `${"  ".repeat(i % 100)}- a`).join("\n"),
    "angle brackets": () => fill("<"),
    "unclosed autolinks": () => fill("<a:"),
    "raw html openers": () => fill('<a href="'),
    "html comments": () => fill("<!--"),
    entities: () => fill("&#"),
    backslashes: () => fill("\\"),
    "link reference definitions": () => fill("[a]: b\n") + fill("[a]"),
    "long link destination": () => `[x](<${" ".repeat(size)}>)`,
    "long link title": () => `[x](/a "${"\\".repeat(size)})`,
    "table with many columns": () => `${fill("|a")}\n${fill("|-")}\n${fill("|b")}`,
    "table with many rows": () => `|a|b|\n|-|-|\n${fill("|\n")}`,
    "www runs": () => fill("www."),
    "e-mail-like runs": () => fill("a@"),
    "url-like runs": () => fill("http://a."),
    "dots and at signs": () => fill("a.b@"),
    "chinese with urls": () => fill("芯片https://例子.中国/路径？"),
    spaces: () => fill(" ") + "a",
    "line breaks": () => fill("a\n"),
  };

  it("renders 100 KB of each pattern", () => {
    const timings: Record<string, string> = {};
    for (const [name, make] of Object.entries(inputs)) {
      const source = make();
      const started = performance.now();
      const html = renderMarkdown(source);
      timings[name] = `${(performance.now() - started).toFixed(0)} ms (${source.length} chars)`;
      expect(typeof html).toBe("string");
    }
    console.info("renderMarkdown on 100 KB pathological inputs:", timings);
  });
});
