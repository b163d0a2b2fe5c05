import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { insertProblem, type NewProblem } from "~/models/problems.server";
import { startSession } from "~/utils/auth.server";
import { addMember, createAlliance, createChain, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { useQueryCounter } from "../setup/query-counter";
import { useTestServer } from "../setup/server";
import { fieldErrors } from "./auth-helpers";

/** The problem board's vertical slice: posting, the problem page, the board's filters and search, visibility. */
describe("problem board", () => {
  const database = useTestDatabase();
  const counter = useQueryCounter();
  const server = useTestServer({
    get DATABASE_URL() {
      return counter.url;
    },
  });

  type Person = { id: string; cookie: string };
  const people = { author: {} as Person, member: {} as Person, outsider: {} as Person, admin: {} as Person };
  let allianceA: Awaited<ReturnType<typeof createAlliance>>;
  let allianceB: Awaited<ReturnType<typeof createAlliance>>;
  let chain: Awaited<ReturnType<typeof createChain>>;
  let otherChain: Awaited<ReturnType<typeof createChain>>;
  const node = (slug: string) => chain.nodes.get(slug)!.id;

  beforeAll(async () => {
    const { db } = database;
    [allianceA, allianceB] = [await createAlliance(db), await createAlliance(db)];
    [chain, otherChain] = [await createChain(db), await createChain(db)];
    const person = async (platformRole?: "admin"): Promise<Person> => {
      const { user } = await createUser(db, platformRole ? { platformRole } : {});
      return { id: user.id, cookie: (await startSession(server.services, user.id)).setCookie.split(";")[0] };
    };
    people.author = await person();
    people.member = await person();
    people.outsider = await person();
    people.admin = await person("admin");
    await addMember(db, { allianceId: allianceA.id, userId: people.author.id });
    await addMember(db, { allianceId: allianceA.id, userId: people.member.id });
    await addMember(db, { allianceId: allianceB.id, userId: people.outsider.id });
  });

  const page = async (path: string, cookie?: string) => {
    const res = await server.fetch(path, { headers: cookie ? { cookie } : {} });
    return { status: res.status, html: await res.text(), location: res.headers.get("location") };
  };
  const submit = (cookie: string | null, fields: [string, string][]) =>
    server.fetch("/problems/new", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) },
      body: new URLSearchParams(fields),
    });
  const valid = (overrides: Record<string, string> = {}): [string, string][] =>
    Object.entries({
      title: "谐波减速器柔轮疲劳寿命不足",
      body: "柔轮在 **3000 小时**后开裂。\n\n- 材料\n- 热处理",
      visibility: "public",
      urgency: "high",
      tags: "精密传动，工业机器人, 精密传动",
      reward: "50 万元",
      deadline: "2099-12-31",
      ...overrides,
    });
  const postedId = (res: Response) => {
    expect(res.status).toBe(303);
    const id = res.headers.get("location")?.match(/^\/problems\/([0-9a-f-]{36})$/)?.[1];
    expect(id, `redirect to the problem, got ${res.headers.get("location")}`).toBeDefined();
    return id!;
  };
  const listed = (html: string, id: string) => html.includes(`href="/problems/${id}"`);
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

  it("sends visitors to log in before posting", async () => {
    const res = await server.fetch("/problems/new");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?redirectTo=%2Fproblems%2Fnew");
    const post = await submit(null, valid());
    expect(post.status).toBe(302);
  });

  it("posts a problem that shows on its page and on the board", async () => {
    const form = await page("/problems/new", people.author.cookie);
    expect(form.status).toBe(200);
    expect(form.html).toContain('id="problem-create"');
    expect(form.html).toContain(allianceA.nameZh);
    expect(form.html).not.toContain(allianceB.nameZh);

    const id = postedId(
      await submit(people.author.cookie, [
        ...valid({ allianceId: allianceA.id }),
        ["nodeIds", node("part-a")],
        ["nodeIds", node("assembly")],
      ]),
    );
    const shown = await page(`/problems/${id}`);
    expect(shown.status).toBe(200);
    expect(shown.html).toContain("谐波减速器柔轮疲劳寿命不足");
    expect(shown.html).toContain("<strong>3000 小时</strong>");
    expect(shown.html).toContain("<li>材料</li>");
    expect(shown.html).toContain(allianceA.nameZh);
    expect(shown.html).toContain("部件甲");
    expect(shown.html).toContain("整机");
    expect(shown.html).toContain(">精密传动<");
    expect(shown.html).toContain(">工业机器人<");
    expect(shown.html).toContain("50 万元");
    expect(shown.html).toContain("待揭榜");

    const board = await page("/problems");
    expect(board.status).toBe(200);
    expect(listed(board.html, id)).toBe(true);
    const [{ tags }] = await database.db.execute<{ tags: number }>(
      sql`select count(*)::int as tags from problem_tags where problem_id = ${id}`,
    );
    expect(tags).toBe(2);
  });

  it("refuses bad input with 400, naming each field and keeping every value", async () => {
    const before = await problemCount();
    const tags = Array.from({ length: 9 }, (_, i) => `标签${i}`).join(",");
    const res = await submit(people.author.cookie, [
      ...valid({ title: "太短了", tags, deadline: "2020-01-01", reward: "保留的悬赏" }),
      ["nodeIds", node("part-b")],
    ]);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(fieldErrors(html, "problem-create", "title")).toBe("标题至少 5 个字。");
    expect(fieldErrors(html, "problem-create", "tags")).toBe("最多 8 个标签。");
    expect(fieldErrors(html, "problem-create", "deadline")).toBe("截止日期必须在今天之后。");
    expect(html).toContain('value="太短了"');
    expect(html).toContain(`value="${tags}"`);
    expect(html).toContain('value="保留的悬赏"');
    expect(html).toContain('value="2020-01-01"');
    expect(html).toContain("柔轮在 **3000 小时**后开裂。");
    const box = (id: string) => html.match(new RegExp(`<input[^>]*value="${id}"[^>]*>`))?.[0] ?? "";
    expect(box(node("part-b"))).toContain("checked");
    expect(box(node("part-a"))).not.toContain("checked");

    const tooLongTag = await submit(people.author.cookie, valid({ tags: "一".repeat(21) }));
    expect(tooLongTag.status).toBe(400);
    expect(fieldErrors(await tooLongTag.text(), "problem-create", "tags")).toBe("每个标签最多 20 个字。");

    const longTitle = await submit(people.author.cookie, valid({ title: "长".repeat(121) }));
    expect(longTitle.status).toBe(400);
    expect(fieldErrors(await longTitle.text(), "problem-create", "title")).toBe("标题最多 120 个字。");

    const unknown = await submit(people.author.cookie, [
      ...valid({ visibility: "alliance", allianceId: allianceB.id }),
      ["nodeIds", crypto.randomUUID()],
    ]);
    expect(unknown.status).toBe(400);
    const unknownHtml = await unknown.text();
    expect(fieldErrors(unknownHtml, "problem-create", "nodeIds")).toBe("所选产业链环节不存在。");
    expect(fieldErrors(unknownHtml, "problem-create", "allianceId")).toBe("只能发布到你已加入的联盟。");
    expect(unknownHtml).toContain('value="谐波减速器柔轮疲劳寿命不足"');

    const noAlliance = await submit(people.author.cookie, valid({ visibility: "alliance" }));
    expect(noAlliance.status).toBe(400);
    expect(fieldErrors(await noAlliance.text(), "problem-create", "allianceId")).toBe(
      "仅联盟成员可见的难题需要选择联盟。",
    );
    expect(await problemCount()).toBe(before);
  });

  it("hides alliance-only problems from everyone but the alliance's members and admins", async () => {
    const id = postedId(
      await submit(
        people.author.cookie,
        valid({ title: "联盟内部的雷达点云难题", visibility: "alliance", allianceId: allianceA.id }),
      ),
    );
    for (const who of [people.author, people.member, people.admin]) {
      expect((await page(`/problems/${id}`, who.cookie)).status).toBe(200);
      expect(listed((await page("/problems", who.cookie)).html, id)).toBe(true);
      expect(listed((await page(`/problems?q=${encodeURIComponent("雷达")}`, who.cookie)).html, id)).toBe(
        true,
      );
    }
    for (const cookie of [people.outsider.cookie, undefined]) {
      const hidden = await page(`/problems/${id}`, cookie);
      expect(hidden.status).toBe(404);
      expect(hidden.html).not.toContain("联盟内部的雷达点云难题");
      expect(listed((await page("/problems", cookie)).html, id)).toBe(false);
      const search = await page(`/problems?q=${encodeURIComponent("雷达")}`, cookie);
      expect(search.status).toBe(200);
      expect(listed(search.html, id)).toBe(false);
      expect(search.html).not.toContain("联盟内部");
      expect(listed((await page(`/problems?alliance=${allianceA.slug}`, cookie)).html, id)).toBe(false);
    }
  });

  it("answers 404 for unknown and malformed ids", async () => {
    expect((await page(`/problems/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await page("/problems/not-a-uuid")).status).toBe(404);
    expect((await page("/problems/1%27%20or%201=1")).status).toBe(404);
  });

  it("filters by alliance, chain, node, status, tag and urgency, with the count", async () => {
    const tag = `滤${crypto.randomUUID().slice(0, 6)}`;
    const solved = await seed({
      title: "已解决的过滤测试",
      status: "solved",
      tags: [tag],
      nodeIds: [node("use-a")],
    });
    const urgent = await seed({
      title: "紧急的过滤测试",
      urgency: "high",
      tags: [tag],
      allianceId: allianceB.id,
      nodeIds: [otherChain.nodes.get("part-a")!.id],
    });
    const plain = await seed({ title: "普通的过滤测试", tags: [tag], allianceId: allianceA.id });
    const board = (query: string) => page(`/problems?tag=${encodeURIComponent(tag)}&${query}`);
    const ids = async (query: string) => {
      const { status, html } = await board(query);
      expect(status).toBe(200);
      return [solved, urgent, plain].filter((id) => listed(html, id));
    };
    expect(await ids("")).toEqual([solved, urgent, plain]);
    expect((await board("")).html).toContain("共 3 个难题");
    expect(await ids("status=solved")).toEqual([solved]);
    expect(await ids("urgency=high")).toEqual([urgent]);
    expect(await ids(`alliance=${allianceA.slug}`)).toEqual([plain]);
    expect(await ids(`chain=${chain.chain.slug}`)).toEqual([solved]);
    expect(await ids(`chain=${otherChain.chain.slug}`)).toEqual([urgent]);
    expect(await ids(`node=${node("use-a")}`)).toEqual([solved]);
    expect(await ids(`node=${node("use-b")}`)).toEqual([]);
    expect((await board("status=closed")).html).toContain("共 0 个难题");
    // Filters nobody understands are ignored rather than failing.
    expect(await ids("status=bogus&urgency=%27&node=x&alliance=%3Cb%3E")).toEqual([solved, urgent, plain]);
  });

  it("searches Chinese words, including two-character ones, and survives hostile input", async () => {
    const chip = await seed({ title: "车规级芯片国产替代认证周期长", body: "AEC-Q100 认证需要 18 个月。" });
    const reducer = await seed({ title: "RV减速机装配回差超标", body: "摆线轮选配依赖经验。" });
    const ids = async (q: string) => {
      const { status, html } = await page(`/problems?q=${encodeURIComponent(q)}`);
      expect(status).toBe(200);
      return [chip, reducer].filter((id) => listed(html, id));
    };
    expect(await ids("芯片")).toEqual([chip]);
    expect(await ids("减速")).toEqual([reducer]);
    expect(await ids("AEC-Q100")).toEqual([chip]);
    expect(await ids("芯片 回差")).toEqual([]);
    const marked = await page(`/problems?q=${encodeURIComponent("芯片")}`);
    expect(marked.html).toContain(">芯片</mark>");
    for (const hostile of ["!&:*(", "'\"\\", "a:* & !b", "<script>", "（）", "😀"]) {
      const res = await page(`/problems?q=${encodeURIComponent(hostile)}`);
      expect(res.status, hostile).toBe(200);
    }
  });

  it("pages through the board with a cursor, each problem once", async () => {
    const tag = `页${crypto.randomUUID().slice(0, 6)}`;
    const base = Date.now() - 3_600_000;
    const made: string[] = [];
    // Two share a timestamp, so the cursor has to break the tie by id.
    for (let i = 0; i < 45; i++)
      made.push(
        await seed({
          title: `分页测试 ${i}`,
          tags: [tag],
          createdAt: new Date(base + Math.min(i, 43) * 1000),
        }),
      );
    const seen: string[] = [];
    let path: string | null = `/problems?tag=${encodeURIComponent(tag)}`;
    let pages = 0;
    while (path) {
      const { status, html } = await page(path);
      expect(status).toBe(200);
      expect(html).toContain("共 45 个难题");
      seen.push(...[...html.matchAll(/href="\/problems\/([0-9a-f-]{36})"/g)].map((m) => m[1]));
      const next = html.match(/<a[^>]*rel="next"[^>]*>/)?.[0].match(/href="([^"]*)"/)?.[1];
      path = next ? next.replaceAll("&amp;", "&") : null;
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(45);
    expect(new Set(seen)).toEqual(new Set(made));
    expect(made.slice(43)).toContain(seen[0]);
  });

  it("costs the same number of queries with 2,000 more problems", async () => {
    const paths = [
      "/problems",
      `/problems?q=${encodeURIComponent("芯片")}&status=open`,
      `/problems?chain=${chain.chain.slug}`,
    ];
    const costs = async () => {
      const result: Record<string, number> = {};
      for (const [who, cookie] of [
        ["visitor", undefined],
        ["member", people.member.cookie],
      ] as const) {
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
          result[`${who} ${path}`] = Math.min(...counts);
        }
      }
      return result;
    };
    const before = await costs();
    await database.db.execute(sql`
      with made as (
        insert into problems (author_id, alliance_id, title, body, visibility, status, urgency, search, created_at)
        select ${people.author.id}, case when n % 3 = 0 then ${allianceA.id}::uuid end, '批量难题 芯片 ' || n, '正文',
          (case when n % 3 = 0 then 'alliance' else 'public' end)::problem_visibility, 'open', 'normal',
          to_tsvector('simple', '批量 难题 芯片'), now() - n * interval '1 minute'
        from generate_series(1, 2000) n
        returning id
      ), tagged as (
        insert into problem_tags (problem_id, tag) select id, '批量' from made returning problem_id
      )
      insert into problem_nodes (problem_id, node_id) select id, ${node("assembly")}::uuid from made`);
    const after = await costs();
    for (const [key, n] of Object.entries(before)) expect(n, key).toBeLessThanOrEqual(8);
    expect(after).toEqual(before);
  });

  async function problemCount() {
    const [{ n }] = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from problems`);
    return n;
  }
});
