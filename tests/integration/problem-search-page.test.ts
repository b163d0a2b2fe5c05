import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { problems } from "../../db/schema/index";
import { insertProblem, type NewProblem } from "~/models/problems.server";
import { startSession } from "~/utils/auth.server";
import { addMember, createAlliance, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { useQueryCounter } from "../setup/query-counter";
import { useTestServer } from "../setup/server";

/** /search: relevance, snippets, the board's filters, visibility, hostile input and its query count. */
describe("problem search page", () => {
  const database = useTestDatabase();
  const counter = useQueryCounter();
  const server = useTestServer({
    get DATABASE_URL() {
      return counter.url;
    },
  });

  type Person = { id: string; cookie: string };
  const people = { author: {} as Person, member: {} as Person, outsider: {} as Person };
  let alliance: Awaited<ReturnType<typeof createAlliance>>;
  const made: Record<string, string> = {};

  const seed = (problem: Partial<NewProblem> & { title: string }) =>
    insertProblem(database.db, {
      authorId: people.author.id,
      body: "正文",
      visibility: "public",
      urgency: "normal",
      nodeIds: [],
      tags: [],
      ...problem,
    });

  beforeAll(async () => {
    const { db } = database;
    alliance = await createAlliance(db);
    const person = async (): Promise<Person> => {
      const { user } = await createUser(db);
      return { id: user.id, cookie: (await startSession(server.services, user.id)).setCookie.split(";")[0] };
    };
    people.author = await person();
    people.member = await person();
    people.outsider = await person();
    await addMember(db, { allianceId: alliance.id, userId: people.author.id });
    await addMember(db, { allianceId: alliance.id, userId: people.member.id });

    made.inTitle = await seed({
      title: "谐波减速器柔轮疲劳寿命不足",
      body: "柔轮在 **3000 小时**后开裂，需要改进材料。",
      createdAt: new Date("2026-01-01T00:00:00Z"),
    });
    // Newer, but the word is only in the body: ranks below the title hit.
    made.inBody = await seed({
      title: "关节模组装配效率低",
      body: [
        "## 背景",
        "先提一句谐波减速器。",
        "装配线上的问题很多，".repeat(30),
        "其中**谐波减速器**的对中最难；谐波减速器的柔轮容易装偏，谐波减速器返修率高。",
        "其余内容与此无关。".repeat(20),
      ].join("\n\n"),
      createdAt: new Date("2026-02-01T00:00:00Z"),
    });
    made.solved = await seed({
      title: "谐波减速器润滑脂选型",
      body: "已经解决。",
      status: "solved",
      urgency: "high",
    });
    made.membersOnly = await seed({
      title: "谐波减速器内部测试数据泄露风险",
      body: "仅联盟成员可见。",
      visibility: "alliance",
      allianceId: alliance.id,
    });
    made.hidden = await seed({ title: "谐波减速器广告帖", body: "垃圾内容" });
    await db.update(problems).set({ hiddenAt: new Date() }).where(eq(problems.id, made.hidden));
    made.english = await seed({
      title: "ROS2 navigation stack drifts indoors",
      body: "Odometry drifts after 10 minutes.",
    });
  });

  const page = async (path: string, cookie?: string) => {
    const res = await server.fetch(path, { headers: cookie ? { cookie } : {} });
    return { status: res.status, html: await res.text() };
  };
  const results = (html: string) => [...html.matchAll(/data-problem="([0-9a-f-]{36})"/g)].map((m) => m[1]);
  const search = (q: string, extra = "") => `/search?q=${encodeURIComponent(q)}${extra}`;

  it("shows a prompt, not everything, for an empty query", async () => {
    for (const path of ["/search", "/search?q=", "/search?q=%20%20&status=open"]) {
      const { status, html } = await page(path);
      expect(status).toBe(200);
      expect(html).toContain('data-testid="search-prompt"');
      expect(results(html)).toEqual([]);
    }
  });

  it("ranks title hits above body hits, marks the title and the body's densest passage", async () => {
    const { status, html } = await page(search("谐波减速器"));
    expect(status).toBe(200);
    const found = results(html);
    expect(new Set(found.slice(0, 2))).toEqual(new Set([made.inTitle, made.solved]));
    expect(found[2]).toBe(made.inBody);
    expect(found).toHaveLength(3);
    expect(html).toContain("找到 3 个相关难题");
    expect(html).toContain('<mark class="bg-amber-100 text-inherit">谐波减速器</mark>');
    const row = html.slice(html.indexOf(`data-problem="${made.inBody}"`));
    const snippet = row.slice(
      row.indexOf('data-testid="problem-snippet"'),
      row.indexOf("</p>", row.indexOf('data-testid="problem-snippet"')),
    );
    // The passage with three hits, not the first hit near the start of the body; Markdown stripped to text.
    expect(snippet.match(/<mark[^>]*>谐波减速器<\/mark>/g)).toHaveLength(3);
    expect(snippet).not.toContain("**");
    expect(snippet).not.toContain("##");
    expect(snippet).toContain("…");
  });

  it("applies the board's filters", async () => {
    const solved = results((await page(search("谐波减速器", "&status=solved"))).html);
    expect(solved).toEqual([made.solved]);
    const urgent = results((await page(search("谐波减速器", "&urgency=high"))).html);
    expect(urgent).toEqual([made.solved]);
    const filters = (await page(search("谐波减速器"))).html;
    expect(filters).toContain('id="problem-status"');
    expect(filters).toContain('action="/search"');
  });

  it("finds English words and mixed queries", async () => {
    expect(results((await page(search("ros2"))).html)).toEqual([made.english]);
    expect(results((await page(search("ROS2 导航 stack"))).html)).toEqual([]);
    expect(results((await page(search("ros2 navigation"))).html)).toEqual([made.english]);
  });

  it("never shows alliance-only problems to outsiders, nor hidden ones to anyone", async () => {
    const member = results((await page(search("谐波减速器"), people.member.cookie)).html);
    expect(member).toContain(made.membersOnly);
    expect(member).not.toContain(made.hidden);
    for (const cookie of [people.outsider.cookie, undefined]) {
      const found = results((await page(search("谐波减速器 泄露"), cookie)).html);
      expect(found).not.toContain(made.membersOnly);
      const all = results((await page(search("谐波减速器"), cookie)).html);
      expect(all).not.toContain(made.membersOnly);
      expect(all).not.toContain(made.hidden);
    }
  });

  it("answers raw tsquery syntax and other hostile input with results or none, never a 500", async () => {
    for (const hostile of [
      "!&:*(",
      "谐波 & | !",
      "'",
      "\\",
      ":*",
      "<->",
      "((((",
      "a:*B",
      "%",
      "😀",
      "谐波减速器:*&!",
    ]) {
      const { status } = await page(search(hostile));
      expect(status, hostile).toBe(200);
    }
    const { status } = await page(`/search?q=${"谐".repeat(500)}&page=abc`);
    expect(status).toBe(200);
  });

  it("pages by relevance without repeating a result", async () => {
    const tag = "分页搜索";
    for (let i = 0; i < 25; i++) await seed({ title: `分页搜索 第 ${i} 个`, tags: [tag] });
    const first = await page(search("分页搜索"));
    const second = await page(search("分页搜索", "&page=2"));
    const a = results(first.html);
    const b = results(second.html);
    expect(a).toHaveLength(20);
    expect(b).toHaveLength(5);
    expect(new Set([...a, ...b]).size).toBe(25);
    expect(first.html).toMatch(/href="\/search\?q=[^"]*page=2"/);
    expect(second.html).toContain("第 2 页");
  });

  it("links Search from the header", async () => {
    const { html } = await page("/problems");
    expect(html).toMatch(/<a[^>]*href="\/search"/);
  });

  it("costs the same number of queries with 500 more matching problems", async () => {
    const paths = [search("谐波减速器"), search("谐波减速器", "&status=open&urgency=normal"), "/search"];
    const costs = async () => {
      const result: Record<string, number> = {};
      for (const cookie of [undefined, people.member.cookie]) {
        for (const path of paths) {
          const counts: number[] = [];
          for (let i = 0; i < 3; i++)
            counts.push(
              await counter.count(async () => {
                const res = await server.fetch(path, { headers: cookie ? { cookie } : {} });
                expect(res.status).toBe(200);
                await res.text();
              }),
            );
          result[`${cookie ? "member" : "visitor"} ${path}`] = Math.min(...counts);
        }
      }
      return result;
    };
    const before = await costs();
    await database.db.execute(sql`
      insert into problems (author_id, alliance_id, title, body, visibility, status, urgency, search)
      select ${people.author.id}, case when n % 2 = 0 then ${alliance.id}::uuid end, '谐波减速器 批量 ' || n,
        '谐波减速器 正文 **粗体**', (case when n % 2 = 0 then 'alliance' else 'public' end)::problem_visibility,
        'open', 'normal', setweight(to_tsvector('simple', '谐波减速器 谐波 减速器 减速 批量'), 'A')
      from generate_series(1, 500) as n`);
    expect(await costs()).toEqual(before);
  });
});
