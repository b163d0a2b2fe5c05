import crypto from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { problemEvents, problemRevisions, problems } from "../../db/schema/index";
import { insertProblem } from "~/models/problems.server";
import { addMember, createAlliance, createChain, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { signIn } from "../setup/live";
import { useTestServer } from "../setup/server";
import { fieldErrors } from "./auth-helpers";

/** Editing a problem: who may, what a save writes (revisions, events, search), and the history page. */
describe("problem editing and revision history", () => {
  const database = useTestDatabase();
  const server = useTestServer();

  type Person = { id: string; cookie: string };
  const people = {
    author: {} as Person,
    organizer: {} as Person,
    member: {} as Person,
    outsider: {} as Person,
  };
  let alliance: Awaited<ReturnType<typeof createAlliance>>;
  let chain: Awaited<ReturnType<typeof createChain>>;

  beforeAll(async () => {
    const { db } = database;
    alliance = await createAlliance(db);
    chain = await createChain(db);
    const person = async (): Promise<Person> => {
      const { user } = await createUser(db);
      return { id: user.id, cookie: (await signIn(server.services, user.id)).cookie };
    };
    people.author = await person();
    people.organizer = await person();
    people.member = await person();
    people.outsider = await person();
    await addMember(db, { allianceId: alliance.id, userId: people.author.id });
    await addMember(db, { allianceId: alliance.id, userId: people.organizer.id, role: "organizer" });
    await addMember(db, { allianceId: alliance.id, userId: people.member.id });
  });

  const newProblem = (overrides: Partial<Parameters<typeof insertProblem>[1]> = {}) =>
    insertProblem(database.db, {
      authorId: people.author.id,
      allianceId: alliance.id,
      title: "谐波减速器柔轮开裂 frobnicator",
      body: "第一行\n第二行\n第三行",
      visibility: "public",
      urgency: "normal",
      nodeIds: [],
      tags: ["减速器"],
      ...overrides,
    });

  /** The form as the edit page fills it for a problem made by `newProblem`, with changes. */
  const form = (changes: Record<string, string | string[]> = {}) => {
    const fields: Record<string, string | string[]> = {
      title: "谐波减速器柔轮开裂 frobnicator",
      body: "第一行\n第二行\n第三行",
      allianceId: alliance.id,
      visibility: "public",
      urgency: "normal",
      tags: "减速器",
      reward: "",
      deadline: "",
      ...changes,
    };
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields))
      for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
    return body;
  };
  const save = (id: string, cookie: string | undefined, body: URLSearchParams) =>
    server.fetch(`/problems/${id}/edit`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) },
      body,
    });
  const page = async (path: string, cookie?: string) => {
    const res = await server.fetch(path, { headers: cookie ? { cookie } : {} });
    return { status: res.status, location: res.headers.get("location"), html: await res.text() };
  };
  const revisions = (id: string) =>
    database.db
      .select({ title: problemRevisions.title, body: problemRevisions.body, tags: problemRevisions.tags })
      .from(problemRevisions)
      .where(eq(problemRevisions.problemId, id))
      .orderBy(asc(problemRevisions.id));
  const events = async (id: string) =>
    (
      await database.db
        .select({ kind: problemEvents.kind, actorId: problemEvents.actorId })
        .from(problemEvents)
        .where(eq(problemEvents.problemId, id))
        .orderBy(asc(problemEvents.id))
    ).map((e) => `${e.kind}:${e.actorId}`);
  const row = async (id: string) => (await database.db.select().from(problems).where(eq(problems.id, id)))[0];

  it("lets the poster edit: a new revision, an edited event, the history link and a line diff", async () => {
    const id = await newProblem();
    const form200 = await page(`/problems/${id}/edit`, people.author.cookie);
    expect(form200.status).toBe(200);
    expect(form200.html).toContain('value="谐波减速器柔轮开裂 frobnicator"');
    expect((await page(`/problems/${id}`)).html).not.toContain(`/problems/${id}/revisions`);

    const res = await save(
      id,
      people.author.cookie,
      form({
        title: "谐波减速器柔轮疲劳开裂 quuxinator",
        body: "第一行\n改过的第二行\n第三行",
        tags: "减速器, 热处理",
        urgency: "high",
      }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/problems/${id}`);
    const saved = await row(id);
    expect(saved.title).toBe("谐波减速器柔轮疲劳开裂 quuxinator");
    expect(saved.urgency).toBe("high");
    expect(saved.updatedAt.getTime()).toBeGreaterThan(saved.createdAt.getTime());
    expect(await revisions(id)).toEqual([
      { title: "谐波减速器柔轮开裂 frobnicator", body: "第一行\n第二行\n第三行", tags: ["减速器"] },
      {
        title: "谐波减速器柔轮疲劳开裂 quuxinator",
        body: "第一行\n改过的第二行\n第三行",
        tags: ["减速器", "热处理"],
      },
    ]);
    expect(await events(id)).toEqual([`posted:${people.author.id}`, `edited:${people.author.id}`]);

    const shown = await page(`/problems/${id}`, people.outsider.cookie);
    expect(shown.html).toContain("谐波减速器柔轮疲劳开裂 quuxinator");
    expect(shown.html).toContain(`href="/problems/${id}/revisions"`);
    expect(shown.html).toContain("已编辑 · 历史");
    // Only managers get the edit link.
    expect(shown.html).not.toContain(`href="/problems/${id}/edit"`);
    expect((await page(`/problems/${id}`, people.author.cookie)).html).toContain(
      `href="/problems/${id}/edit"`,
    );

    const history = await page(`/problems/${id}/revisions`);
    expect(history.status).toBe(200);
    const text = history.html.replace(/<[^>]+>/g, "");
    expect(text.indexOf("第 2 版")).toBeLessThan(text.indexOf("第 1 版"));
    expect(text).toContain("最初发布的版本。");
    expect(text).toMatch(/−删除: 第二行/);
    expect(text).toMatch(/\+新增: 改过的第二行/);
    expect(text).toMatch(/\+新增: 热处理/);
    expect(text).toMatch(/−删除: 谐波减速器柔轮开裂 frobnicator/);
    expect(text).not.toMatch(/[−+](删除|新增): 第一行/);
  });

  it("finds the new title in search and no longer the old one", async () => {
    const id = await newProblem({ title: "柔轮开裂 plughwordold", body: "正文" });
    const found = async (q: string) =>
      (await page(`/problems?${new URLSearchParams({ q })}`)).html.includes(`/problems/${id}"`);
    expect(await found("plughwordold")).toBe(true);
    const res = await save(id, people.author.cookie, form({ title: "柔轮开裂 xyzzywordnew", body: "正文" }));
    expect(res.status).toBe(303);
    expect(await found("xyzzywordnew")).toBe(true);
    expect(await found("plughwordold")).toBe(false);
  });

  it("lets an organizer of the problem's alliance edit; refuses members (403), outsiders of an alliance-only problem (404), visitors (login)", async () => {
    const id = await newProblem();
    expect((await page(`/problems/${id}/edit`, people.organizer.cookie)).status).toBe(200);
    expect((await save(id, people.organizer.cookie, form({ urgency: "low" }))).status).toBe(303);
    expect(await events(id)).toContain(`edited:${people.organizer.id}`);

    expect((await page(`/problems/${id}/edit`, people.member.cookie)).status).toBe(403);
    expect((await save(id, people.member.cookie, form({ title: "成员改的标题不算" }))).status).toBe(403);
    expect((await page(`/problems/${id}/edit`, people.outsider.cookie)).status).toBe(403);

    const secret = await newProblem({ visibility: "alliance" });
    expect((await page(`/problems/${secret}/edit`, people.outsider.cookie)).status).toBe(404);
    expect((await save(secret, people.outsider.cookie, form())).status).toBe(404);
    expect((await page(`/problems/${crypto.randomUUID()}/edit`, people.author.cookie)).status).toBe(404);
    expect((await page(`/problems/not-a-uuid/edit`, people.author.cookie)).status).toBe(404);
    expect((await page(`/problems/not-a-uuid/revisions`)).status).toBe(404);
    expect((await page(`/problems/${secret}/revisions`, people.outsider.cookie)).status).toBe(404);
    expect((await page(`/problems/${secret}/revisions`, people.member.cookie)).status).toBe(200);

    const visitor = await page(`/problems/${id}/edit`);
    expect(visitor.status).toBe(302);
    expect(visitor.location).toBe(`/login?${new URLSearchParams({ redirectTo: `/problems/${id}/edit` })}`);
    expect((await row(id)).title).toBe("谐波减速器柔轮开裂 frobnicator");
  });

  it("refuses bad input with 400, naming each field and keeping every value", async () => {
    const id = await newProblem();
    const res = await save(
      id,
      people.author.cookie,
      form({ title: "太短", tags: "a,b,c,d,e,f,g,h,i", deadline: "2020-01-01", reward: "保留的悬赏" }),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(fieldErrors(html, "problem-edit", "title")).toBe("标题至少 5 个字。");
    expect(fieldErrors(html, "problem-edit", "tags")).toBe("最多 8 个标签。");
    expect(fieldErrors(html, "problem-edit", "deadline")).toBe("截止日期必须在今天之后。");
    expect(html).toContain('value="太短"');
    expect(html).toContain('value="a,b,c,d,e,f,g,h,i"');
    expect(html).toContain('value="保留的悬赏"');
    expect(html).toContain('value="2020-01-01"');

    const unknownNode = await save(id, people.author.cookie, form({ nodeIds: crypto.randomUUID() }));
    expect(unknownNode.status).toBe(400);
    expect(fieldErrors(await unknownNode.text(), "problem-edit", "nodeIds")).toBe("所选产业链环节不存在。");
    const otherAlliance = await createAlliance(database.db);
    const moved = await save(id, people.author.cookie, form({ allianceId: otherAlliance.id }));
    expect(moved.status).toBe(400);
    expect(fieldErrors(await moved.text(), "problem-edit", "allianceId")).toBe("只能发布到你已加入的联盟。");
    expect(await revisions(id)).toHaveLength(1);
  });

  it("keeps a deadline that has passed when it is left as it was, but refuses moving it to another past day", async () => {
    const passed = new Date("2021-03-04T10:00:00+08:00");
    const id = await newProblem({ deadline: passed });
    const edit = await page(`/problems/${id}/edit`, people.author.cookie);
    expect(edit.html).toContain('value="2021-03-04"');
    const kept = await save(id, people.author.cookie, form({ deadline: "2021-03-04", urgency: "high" }));
    expect(kept.status).toBe(303);
    expect((await row(id)).deadline?.getTime()).toBe(passed.getTime());
    const moved = await save(id, people.author.cookie, form({ deadline: "2021-03-05", urgency: "high" }));
    expect(moved.status).toBe(400);
    expect(fieldErrors(await moved.text(), "problem-edit", "deadline")).toBe("截止日期必须在今天之后。");
    const cleared = await save(id, people.author.cookie, form({ deadline: "", urgency: "high" }));
    expect(cleared.status).toBe(303);
    expect((await row(id)).deadline).toBeNull();
  });

  it("writes nothing when nothing changed, and no revision when only the facts around the text changed", async () => {
    const node = chain.nodes.get("part-a")!;
    const id = await newProblem({ nodeIds: [node.id] });
    const before = await row(id);
    const same = await save(id, people.author.cookie, form({ tags: "减速器", nodeIds: node.id }));
    expect(same.status).toBe(303);
    expect(await row(id)).toEqual(before);
    expect(await revisions(id)).toHaveLength(1);
    expect(await events(id)).toEqual([`posted:${people.author.id}`]);

    const facts = await save(
      id,
      people.author.cookie,
      form({ urgency: "low", reward: "十万元", nodeIds: [] }),
    );
    expect(facts.status).toBe(303);
    const after = await row(id);
    expect(after.urgency).toBe("low");
    expect(after.reward).toBe("十万元");
    expect(await revisions(id)).toHaveLength(1);
    expect(await events(id)).toEqual([`posted:${people.author.id}`, `edited:${people.author.id}`]);
    const nodes = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from problem_nodes where problem_id = ${id}`,
    );
    expect(nodes[0].n).toBe(0);
    // The board's chain filter follows the nodes.
    const onChainBoard = async () =>
      (await (await server.fetch(`/problems?chain=${chain.chain.slug}`)).text()).includes(`/problems/${id}"`);
    expect(await onChainBoard()).toBe(false);
    expect((await save(id, people.author.cookie, form({ nodeIds: node.id }))).status).toBe(303);
    expect(await onChainBoard()).toBe(true);
  });
});
