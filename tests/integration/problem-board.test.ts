import { eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { problems } from "../../db/schema/index";
import { COUNT_CAP } from "~/models/capped-count.server";
import { BOARD_PAGE_SIZE, listProblems } from "~/models/problem-board.server";
import { insertProblem, type NewProblem } from "~/models/problems.server";
import { startSession } from "~/utils/auth.server";
import type { Viewer } from "~/utils/permissions.server";
import { parseBoardQuery, type BoardQuery, type BoardSort } from "~/validation/problem";
import { addMember, createAlliance, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { useTestServer } from "../setup/server";

/** The board's sorts, their cursors (ties included), hidden problems and the counts on each row. */
describe("problem board sorts", () => {
  const database = useTestDatabase();
  const server = useTestServer();

  let alliance: Awaited<ReturnType<typeof createAlliance>>;
  let author: { id: string; cookie: string };
  let viewer: Viewer;
  const ids: string[] = [];
  const DAY = 86_400_000;
  // Far ahead so "deadline soonest" keeps them whatever day the test runs.
  const future = (days: number) => new Date(Date.UTC(2090, 0, 1) + days * DAY);
  const tie = new Date("2026-03-01T08:00:00.123456Z");

  beforeAll(async () => {
    const { db } = database;
    alliance = await createAlliance(db);
    const { user } = await createUser(db);
    author = { id: user.id, cookie: (await startSession(server.services, user.id)).setCookie.split(";")[0] };
    await addMember(db, { allianceId: alliance.id, userId: user.id });
    viewer = { id: user.id, platformRole: null };
    // 47 problems in three groups of equal creation times, endorsement counts and deadlines, so every
    // sort has long runs of ties across page boundaries.
    for (let i = 0; i < 47; i++) {
      const problem: NewProblem = {
        authorId: user.id,
        allianceId: alliance.id,
        title: `排序测试难题 ${i}`,
        body: "正文",
        visibility: i % 5 === 0 ? "alliance" : "public",
        urgency: "normal",
        nodeIds: [],
        tags: [],
        createdAt: i < 30 ? tie : new Date(tie.getTime() + i * 1000),
        deadline: i % 3 === 0 ? null : future(i % 4),
      };
      ids.push(await insertProblem(db, problem));
    }
    for (const [index, id] of ids.entries()) {
      await db
        .update(problems)
        .set({
          endorsementCount: index % 4,
          replyCount: index % 7 === 0 ? 2 : 0,
          applicationCount: index % 11 === 0 ? 1 : 0,
        })
        .where(eq(problems.id, id));
    }
    // One whose deadline has passed, and one hidden by a moderator: neither should show where excluded.
    const past = await insertProblem(db, {
      authorId: user.id,
      allianceId: alliance.id,
      title: "截止已过的难题",
      body: "正文",
      visibility: "public",
      urgency: "normal",
      nodeIds: [],
      tags: [],
    });
    await db
      .update(problems)
      .set({ deadline: new Date(Date.now() - DAY) })
      .where(eq(problems.id, past));
    ids.push(past);
  });

  const query = (sort: BoardSort, cursor: string | null = null): BoardQuery => ({
    ...parseBoardQuery(new URLSearchParams({ alliance: alliance.slug })),
    sort,
    cursor,
  });

  async function walk(sort: BoardSort, who: Viewer = viewer) {
    const seen: string[] = [];
    let cursor: string | null = null;
    let total = -1;
    for (let pages = 0; pages < 10; pages++) {
      const board = await listProblems(database.db, who, query(sort, cursor));
      total = board.total;
      seen.push(...board.problems.map((p) => p.id));
      expect(board.problems.length).toBeLessThanOrEqual(BOARD_PAGE_SIZE);
      cursor = board.nextCursor;
      if (!cursor) break;
      expect(cursor.startsWith(`${sort}~`)).toBe(true);
    }
    return { seen, total };
  }

  /** The expected order, straight from the database with the same rules spelled out independently. */
  async function expected(order: string, where = "true") {
    const rows = await database.db.execute<{ id: string }>(
      sql.raw(`select id from problems where alliance_id = '${alliance.id}' and hidden_at is null and (${where})
        order by ${order}`),
    );
    return [...rows].map((r) => r.id);
  }

  it("pages each sort in full, every problem once, in order, ties included", async () => {
    const cases: [BoardSort, string, string?][] = [
      ["newest", "created_at desc, id desc"],
      ["endorsed", "endorsement_count desc, created_at desc, id desc"],
      ["unanswered", "created_at desc, id desc", "reply_count = 0 and application_count = 0"],
      ["deadline", "deadline asc, id asc", "deadline is not null and deadline > now()"],
    ];
    for (const [sort, order, where] of cases) {
      const { seen, total } = await walk(sort);
      const want = await expected(order, where);
      expect(want.length, sort).toBeGreaterThan(BOARD_PAGE_SIZE);
      expect(seen, sort).toEqual(want);
      expect(total, sort).toBe(want.length);
    }
  });

  it("shows visitors only public problems under every sort", async () => {
    const { seen } = await walk("endorsed", null);
    const want = await expected("endorsement_count desc, created_at desc, id desc", "visibility = 'public'");
    expect(seen).toEqual(want);
  });

  it("ignores a cursor from another sort or garbage, starting over instead of failing", async () => {
    const first = await listProblems(database.db, viewer, query("endorsed"));
    const newest = await listProblems(database.db, viewer, query("newest"));
    const foreign = await listProblems(database.db, viewer, query("endorsed", newest.nextCursor));
    expect(foreign.problems.map((p) => p.id)).toEqual(first.problems.map((p) => p.id));
    for (const garbage of [
      "garbage",
      "endorsed~x~y~z",
      "endorsed~99999999999~2026-01-01T00:00:00.000000Z~00000000-0000-0000-0000-000000000000",
      "newest~2026-02-30T00:00:00.000000Z~00000000-0000-0000-0000-000000000000",
      "newest~0000-01-01T00:00:00.000000Z~00000000-0000-0000-0000-000000000000",
      "deadline~2026-01-01T00:00:00.000000Z~not-a-uuid",
      "newest~2026-01-01T00:00:00.000000Z~00000000-0000-0000-0000-000000000000~extra'); drop table problems; --",
    ]) {
      const board = await listProblems(database.db, viewer, query("endorsed", garbage));
      expect(
        board.problems.map((p) => p.id),
        garbage,
      ).toEqual(first.problems.map((p) => p.id));
    }
    for (const sort of ["newest", "endorsed", "unanswered", "deadline"]) {
      const res = await server.fetch(
        `/problems?sort=${sort}&cursor=${encodeURIComponent("newest~2026-13-45T99:99:99.999999Z~x")}`,
      );
      expect(res.status, sort).toBe(200);
    }
  });

  it("keeps hidden problems off the board for everyone, admins included", async () => {
    const hidden = ids[3];
    await database.db.update(problems).set({ hiddenAt: new Date() }).where(eq(problems.id, hidden));
    try {
      const { user: admin } = await createUser(database.db, { platformRole: "admin" });
      for (const who of [viewer, null, { id: admin.id, platformRole: "admin" as const }]) {
        for (const sort of ["newest", "endorsed", "unanswered", "deadline"] as const) {
          const { seen } = await walk(sort, who);
          expect(seen).not.toContain(hidden);
        }
      }
      const page = await (await server.fetch(`/problems?alliance=${alliance.slug}`)).text();
      expect(page).not.toContain(`/problems/${hidden}"`);
    } finally {
      await database.db.update(problems).set({ hiddenAt: null }).where(eq(problems.id, hidden));
    }
  });

  it("shows each row's endorsement, reply and application counts, and the chosen sort", async () => {
    const [top] = await database.db
      .select()
      .from(problems)
      .where(inArray(problems.id, ids))
      .orderBy(sql`endorsement_count desc, created_at desc, id desc`)
      .limit(1);
    await database.db
      .update(problems)
      .set({ replyCount: 5, applicationCount: 2 })
      .where(eq(problems.id, top.id));
    const res = await server.fetch(`/problems?alliance=${alliance.slug}&sort=endorsed`, {
      headers: { cookie: author.cookie },
    });
    const html = await res.text();
    expect(res.status).toBe(200);
    const row = html.slice(html.indexOf(`data-problem="${top.id}"`));
    const counts = row.slice(
      row.indexOf('data-testid="problem-counts"'),
      row.indexOf("</p>", row.indexOf('data-testid="problem-counts"')),
    );
    expect(counts).toContain(`${top.endorsementCount} 个“我们也有”`);
    expect(counts).toContain("5 条回复");
    expect(counts).toContain("2 份揭榜申请");
    expect(html).toMatch(/<option value="endorsed" selected="">/);
    const want = await expected("endorsement_count desc, created_at desc, id desc");
    expect(html).toContain(`共 ${want.length} 个难题`);
    const next = html.match(/href="(\/problems\?[^"]*cursor=endorsed[^"]*)"/)?.[1];
    expect(next, "a next-page link carrying the sort").toBeDefined();
  });

  it("lists the alliance's problems on its tab, members-only ones for members only", async () => {
    const members = await server.fetch(`/alliances/${alliance.slug}/problems`, {
      headers: { cookie: author.cookie },
    });
    const memberHtml = await members.text();
    expect(members.status).toBe(200);
    // The newest members-only problem (i = 45) and public one (i = 46): both on the first page.
    const membersOnly = ids[45];
    const listed = (html: string, id: string) => html.includes(`href="/problems/${id}"`);
    expect(listed(memberHtml, membersOnly)).toBe(true);
    expect(memberHtml.includes(`href="/alliances/${alliance.slug}/problems"`)).toBe(true);
    const visitor = await (await server.fetch(`/alliances/${alliance.slug}/problems`)).text();
    expect(listed(visitor, membersOnly)).toBe(false);
    expect(listed(visitor, ids[46])).toBe(true);
    const other = await createAlliance(database.db);
    const foreign = await (
      await server.fetch(`/alliances/${other.slug}/problems?alliance=${alliance.slug}`)
    ).text();
    expect(listed(foreign, ids[46])).toBe(false);
  });

  it("counts up to COUNT_CAP exactly and says 'more than' beyond it", async () => {
    const { db } = database;
    const query = (tag: string) => parseBoardQuery(new URLSearchParams({ tag }));
    const tagged = async (tag: string, n: number) => {
      await db.execute(sql`
        with made as (
          insert into problems (author_id, title, body, search, created_at)
          select ${author.id}, '计数测试 ' || g, '正文', ''::tsvector, now() - g * interval '1 second'
          from generate_series(1, ${n}) g
          returning id)
        insert into problem_tags (problem_id, tag) select id, ${tag} from made`);
    };
    await tagged("计数-恰好", COUNT_CAP);
    await tagged("计数-超出", COUNT_CAP + 1);
    expect(await listProblems(db, viewer, query("计数-恰好"))).toMatchObject({
      total: COUNT_CAP,
      more: false,
    });
    expect(await listProblems(db, viewer, query("计数-超出"))).toMatchObject({
      total: COUNT_CAP,
      more: true,
    });
    const html = await (await server.fetch(`/problems?tag=${encodeURIComponent("计数-超出")}`)).text();
    expect(html).toContain(`超过 ${COUNT_CAP} 个难题`);
  });
});
