import { describe, expect, it } from "vitest";
import { renderMarkdown } from "~/markdown/render.server";
import { markMentions, plainExcerpt } from "~/models/channel-message-text.server";
import { RateLimiter } from "~/realtime/rate-limit";
import {
  editSchema,
  readFormSchema,
  readSchema,
  sendFormSchema,
  sendSchema,
} from "~/validation/channel-message";

const CHANNEL = "0b7c3f5e-3d1a-4f7e-9a52-6f1c2d3e4f50";
const valid = { channelId: CHANNEL, body: "你好", clientKey: "key-0001" };

const firstIssue = (result: {
  success: boolean;
  error?: { issues: { path: (string | number)[]; message: string }[] };
}) =>
  result.success
    ? null
    : { path: result.error!.issues[0].path.join("."), message: result.error!.issues[0].message };

describe("message schemas", () => {
  it("trims the body and accepts 1 to 10,000 characters", () => {
    expect(sendSchema.parse({ ...valid, body: "  hello \n" }).body).toBe("hello");
    expect(sendSchema.safeParse({ ...valid, body: "字".repeat(10_000) }).success).toBe(true);
    expect(firstIssue(sendSchema.safeParse({ ...valid, body: "x".repeat(10_001) }))).toEqual({
      path: "body",
      message: "channelMessage.error.bodyTooLong",
    });
    // Trimmed first: surrounding blanks do not count against the limit, blanks alone are empty.
    expect(sendSchema.safeParse({ ...valid, body: ` ${"x".repeat(10_000)} ` }).success).toBe(true);
    for (const body of ["", "   \n\t", "\u0000"]) {
      expect(firstIssue(sendSchema.safeParse({ ...valid, body })), JSON.stringify(body)).toEqual({
        path: "body",
        message: "channelMessage.error.bodyRequired",
      });
    }
    expect(sendSchema.parse({ ...valid, body: "a\u0000b" }).body).toBe("ab");
  });

  it("takes client keys of 8 to 64 URL-safe characters", () => {
    for (const clientKey of ["abcdefgh", "A-b_9".padEnd(64, "x"), crypto.randomUUID()]) {
      expect(sendSchema.safeParse({ ...valid, clientKey }).success, clientKey).toBe(true);
    }
    for (const clientKey of [
      "short",
      "x".repeat(65),
      "has space1",
      "中文中文中文中文",
      "a/b/c/d/e",
      12345678,
      null,
    ]) {
      expect(firstIssue(sendSchema.safeParse({ ...valid, clientKey })), String(clientKey)).toEqual({
        path: "clientKey",
        message: "channelMessage.error.clientKeyInvalid",
      });
    }
  });

  it("takes an optional reply-to UUID, normalized to lower case, and null when absent", () => {
    expect(sendSchema.parse(valid).replyToId).toBeNull();
    expect(sendSchema.parse({ ...valid, replyToId: null }).replyToId).toBeNull();
    expect(sendSchema.parse({ ...valid, replyToId: CHANNEL.toUpperCase() }).replyToId).toBe(CHANNEL);
    expect(firstIssue(sendSchema.safeParse({ ...valid, replyToId: "42" }))?.path).toBe("replyToId");
  });

  it("refuses payloads of the wrong shape", () => {
    for (const payload of [
      null,
      "text",
      42,
      [],
      {},
      { ...valid, channelId: "nope" },
      { ...valid, body: 5 },
    ]) {
      expect(sendSchema.safeParse(payload).success, JSON.stringify(payload)).toBe(false);
    }
    expect(firstIssue(sendSchema.safeParse({ ...valid, channelId: "nope" }))?.path).toBe("channelId");
    expect(editSchema.safeParse({ messageId: CHANNEL, body: "" }).success).toBe(false);
    expect(readSchema.safeParse({ channelId: CHANNEL, seq: -1 }).success).toBe(false);
    expect(readSchema.safeParse({ channelId: CHANNEL, seq: 1.5 }).success).toBe(false);
    expect(readSchema.safeParse({ channelId: CHANNEL, seq: "3" }).success).toBe(false);
    expect(readSchema.parse({ channelId: CHANNEL, seq: 3 }).seq).toBe(3);
  });

  it("shares its fields with the forms, which read numbers from text", () => {
    expect(sendFormSchema.parse({ body: " hi ", clientKey: "key-0001" })).toEqual({
      body: "hi",
      clientKey: "key-0001",
      replyToId: null,
    });
    expect(readFormSchema.parse({ seq: "12" }).seq).toBe(12);
    expect(readFormSchema.safeParse({ seq: "x" }).success).toBe(false);
  });
});

describe("markMentions", () => {
  const zhang = { id: "u-zhang", name: "张三" };
  const zhangFeng = { id: "u-zsf", name: "张三丰" };
  const bob = { id: "u-bob", name: "Bob" };

  it("marks each mentioned member once and reports whom", () => {
    const { html, mentioned } = markMentions(renderMarkdown("@张三 你好，@Bob 也来"), [zhang, bob]);
    expect(html).toBe(
      '<p><span class="mention" data-user-id="u-zhang">@张三</span> 你好，<span class="mention" data-user-id="u-bob">@Bob</span> 也来</p>\n',
    );
    expect(mentioned.sort()).toEqual(["u-bob", "u-zhang"]);
  });

  it("prefers the longest name and does not run a Latin name into a longer word", () => {
    expect(markMentions(renderMarkdown("@张三丰到了"), [zhang, zhangFeng]).mentioned).toEqual(["u-zsf"]);
    expect(markMentions(renderMarkdown("@张三到了"), [zhang, zhangFeng]).mentioned).toEqual(["u-zhang"]);
    expect(markMentions(renderMarkdown("hi @Bobby"), [bob]).mentioned).toEqual([]);
    expect(markMentions(renderMarkdown("@Bob你好"), [bob]).mentioned).toEqual(["u-bob"]);
    expect(markMentions(renderMarkdown("hi @Bob, @Bob!"), [bob]).html.match(/class="mention"/g)).toHaveLength(
      2,
    );
  });

  it("ignores names inside code and links", () => {
    const html = renderMarkdown("`@Bob` and\n\n```\n@Bob\n```\n\n[@Bob](https://example.com)");
    expect(markMentions(html, [bob])).toEqual({ html, mentioned: [] });
  });

  it("matches names with HTML characters in their escaped form and escapes the id", () => {
    const odd = { id: 'x"><script>', name: "A&B <C>" };
    const { html, mentioned } = markMentions(renderMarkdown("hello @A&B <C> there"), [odd]);
    expect(mentioned).toEqual(['x"><script>']);
    expect(html).toContain('data-user-id="x&quot;&gt;&lt;script&gt;">@A&amp;B &lt;C&gt;</span>');
    expect(html).not.toContain("<script>");
  });

  it("leaves the HTML alone without candidates", () => {
    const html = renderMarkdown("@nobody");
    expect(markMentions(html, [])).toEqual({ html, mentioned: [] });
  });
});

describe("plainExcerpt", () => {
  it("is the text without tags, entities decoded, whitespace collapsed", () => {
    expect(plainExcerpt(renderMarkdown("**粗体** 与 `代码`\n\n- 一\n- 二 & <三>"))).toBe(
      "粗体 与 代码 一 二 & <三>",
    );
  });

  it("cuts at 140 characters with an ellipsis, counting characters, not UTF-16 units", () => {
    const cut = plainExcerpt(`<p>${"😀".repeat(200)}</p>`);
    expect([...cut]).toHaveLength(140);
    expect(cut.endsWith("…")).toBe(true);
    expect(plainExcerpt("<p>short</p>")).toBe("short");
    expect(plainExcerpt('<p>a truncated <a href="x')).toBe("a truncated");
  });
});

describe("RateLimiter", () => {
  it("allows a burst, then refills at the given rate, per key", () => {
    let now = 1_000_000;
    const limiter = new RateLimiter({ burst: 3, perSecond: 1, now: () => now });
    expect([limiter.take("a"), limiter.take("a"), limiter.take("a")]).toEqual([0, 0, 0]);
    expect(limiter.take("a")).toBe(1000);
    expect(limiter.take("b")).toBe(0);
    now += 400;
    expect(limiter.take("a")).toBe(600);
    now += 600;
    expect(limiter.take("a")).toBe(0);
    expect(limiter.take("a")).toBe(1000);
    now += 10_000;
    // Never more than the burst, however long the wait.
    expect([limiter.take("a"), limiter.take("a"), limiter.take("a"), limiter.take("a")]).toEqual([
      0, 0, 0, 1000,
    ]);
  });

  it("forgets buckets that have filled up again", () => {
    let now = 0;
    const limiter = new RateLimiter({ burst: 2, perSecond: 10, now: () => now });
    for (let i = 0; i < 100; i++) limiter.take(`k${i}`);
    expect(limiter.size).toBe(100);
    now += 120_000;
    limiter.take("fresh");
    expect(limiter.size).toBe(1);
  });
});
