import crypto from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { notifications, problemEndorsements, problemReplies } from "../../db/schema/index";
import { insertProblem } from "~/models/problems.server";
import type { LiveActivity } from "~/realtime/types";
import { problemTopic, userTopic } from "~/realtime/topics";
import { addMember, addRepresentative, createAlliance, createOrganization, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { client, connect, signIn, subscribe, until } from "../setup/live";
import { useQueryCounter } from "../setup/query-counter";
import { useTestServer } from "../setup/server";
import { fieldErrors, post } from "./auth-helpers";

/** "We have this too" and replies on a problem's page: the rules, visibility, live updates and cost. */
describe("problem endorsements and replies", () => {
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
  let org: Awaited<ReturnType<typeof createOrganization>>;

  beforeAll(async () => {
    const { db } = database;
    alliance = await createAlliance(db);
    const person = async (): Promise<Person> => {
      const { user } = await createUser(db);
      return { id: user.id, cookie: (await signIn(server.services, user.id)).cookie };
    };
    people.author = await person();
    people.member = await person();
    people.outsider = await person();
    await addMember(db, { allianceId: alliance.id, userId: people.author.id });
    await addMember(db, { allianceId: alliance.id, userId: people.member.id });
    org = await createOrganization(db, { nameZh: `减速器研究所${crypto.randomUUID().slice(0, 6)}` });
    await addRepresentative(db, { orgId: org.id, userId: people.member.id, role: "representative" });
  });

  const newProblem = (visibility: "public" | "alliance" = "public") =>
    insertProblem(database.db, {
      authorId: people.author.id,
      allianceId: alliance.id,
      title: visibility === "public" ? "谐波减速器柔轮开裂" : "内部难题：伺服电机温升",
      body: "正文",
      visibility,
      urgency: "normal",
      nodeIds: [],
      tags: [],
    });
  const act = (id: string, cookie: string | undefined, fields: Record<string, string>) =>
    server.fetch(`/problems/${id}`, post(fields, cookie ? { cookie } : {}));
  const page = async (id: string, cookie?: string) => {
    const res = await server.fetch(`/problems/${id}`, { headers: cookie ? { cookie } : {} });
    return { status: res.status, html: await res.text() };
  };
  const endorsers = async (problemId: string) =>
    (
      await database.db
        .select({ userId: problemEndorsements.userId })
        .from(problemEndorsements)
        .where(eq(problemEndorsements.problemId, problemId))
    ).map((r) => r.userId);
  const notified = async (userId: string, type: string) =>
    (
      await database.db
        .select({ href: notifications.href })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), eq(notifications.type, type)))
    ).map((r) => r.href);

  it("counts one endorsement per user, shows their organizations, and tells the author once", async () => {
    const id = await newProblem();
    const before = await notified(people.author.id, "problem.endorsed");
    expect((await act(id, people.member.cookie, { intent: "endorse" })).status).toBe(200);
    expect((await act(id, people.member.cookie, { intent: "endorse" })).status).toBe(200);
    expect(await endorsers(id)).toEqual([people.member.id]);
    const { html } = await page(id, people.outsider.cookie);
    expect(html).toContain("1 位成员表示也遇到了这个难题");
    expect(html).toContain(org.nameZh);
    expect(await notified(people.author.id, "problem.endorsed")).toEqual([...before, `/problems/${id}`]);
  });

  it("refuses the author's own endorsement and sends visitors to log in", async () => {
    const id = await newProblem();
    expect((await act(id, people.author.cookie, { intent: "endorse" })).status).toBe(403);
    const visitor = await act(id, undefined, { intent: "endorse" });
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
    expect(await endorsers(id)).toEqual([]);
  });

  it("lets an endorsement be withdrawn, and withdrawing twice is harmless", async () => {
    const id = await newProblem();
    await act(id, people.member.cookie, { intent: "endorse" });
    expect((await act(id, people.member.cookie, { intent: "withdraw" })).status).toBe(200);
    expect((await act(id, people.member.cookie, { intent: "withdraw" })).status).toBe(200);
    expect(await endorsers(id)).toEqual([]);
    expect((await page(id)).html).toContain("0 位成员表示也遇到了这个难题");
  });

  it("rejects empty and over-long replies with 400 and keeps the text; lists replies oldest first", async () => {
    const id = await newProblem();
    expect((await act(id, people.member.cookie, { intent: "reply", body: "   " })).status).toBe(400);
    const long = "长".repeat(10_001);
    const rejected = await act(id, people.member.cookie, { intent: "reply", body: long });
    expect(rejected.status).toBe(400);
    const html = await rejected.text();
    expect(html).toContain(long);
    expect(fieldErrors(html, "problem-reply", "body")).toBe("回复最多 10000 个字。");

    const before = await notified(people.author.id, "problem.replied");
    expect((await act(id, people.member.cookie, { intent: "reply", body: "第一条 **回复**" })).status).toBe(
      200,
    );
    expect((await act(id, people.author.cookie, { intent: "reply", body: "第二条回复" })).status).toBe(200);
    const shown = (await page(id)).html;
    expect(shown).toContain("<strong>回复</strong>");
    expect(shown.indexOf("第一条")).toBeLessThan(shown.indexOf("第二条回复"));
    // The author is told about the member's reply, not about their own.
    expect(await notified(people.author.id, "problem.replied")).toEqual([...before, `/problems/${id}`]);
  });

  it("answers 404 to endorsements and replies on a problem the viewer cannot see, or that does not exist", async () => {
    const hidden = await newProblem("alliance");
    const attempts: Record<string, string>[] = [
      { intent: "endorse" },
      { intent: "withdraw" },
      { intent: "reply", body: "你好" },
    ];
    for (const fields of attempts) {
      expect((await act(hidden, people.outsider.cookie, fields)).status).toBe(404);
      expect((await act(crypto.randomUUID(), people.member.cookie, fields)).status).toBe(404);
      expect((await act("not-a-uuid", people.member.cookie, fields)).status).toBe(404);
    }
    expect(await endorsers(hidden)).toEqual([]);
    const replies = await database.db
      .select()
      .from(problemReplies)
      .where(eq(problemReplies.problemId, hidden));
    expect(replies).toEqual([]);
    expect((await act(hidden, people.member.cookie, { intent: "endorse" })).status).toBe(200);
  });

  it("refuses the live topic of an invisible problem like a missing one", async () => {
    const hidden = await newProblem("alliance");
    const outsider = await connect(client(server.url, { cookie: people.outsider.cookie }));
    const member = await connect(client(server.url, { cookie: people.member.cookie }));
    try {
      const refused = await subscribe(outsider, { topic: problemTopic(hidden), after: 0 });
      const missing = await subscribe(outsider, { topic: problemTopic(crypto.randomUUID()), after: 0 });
      expect(refused).toMatchObject({ ok: false, error: { code: "not_found" } });
      expect(missing).toMatchObject({ ok: false, error: { code: "not_found" } });
      expect((await subscribe(member, { topic: problemTopic(hidden), after: 0 })).ok).toBe(true);
    } finally {
      outsider.disconnect();
      member.disconnect();
    }
  });

  it("sends endorsements and replies live to the problem's watchers, and notifications to its author", async () => {
    const id = await newProblem();
    const watcher = await connect(client(server.url, { cookie: people.outsider.cookie }));
    const author = await connect(client(server.url, { cookie: people.author.cookie }));
    const seen: LiveActivity[] = [];
    const told: LiveActivity[] = [];
    watcher.on("activity", (activity) => seen.push(activity));
    author.on("activity", (activity) => told.push(activity));
    try {
      expect((await subscribe(watcher, { topic: problemTopic(id), after: 1e12 })).ok).toBe(true);
      expect((await subscribe(author, { topic: userTopic(people.author.id), after: 1e12 })).ok).toBe(true);
      await act(id, people.member.cookie, { intent: "endorse" });
      await act(id, people.member.cookie, { intent: "reply", body: "我们也有" });
      await until(
        () =>
          seen.some((a) => a.type === "problem.endorsed") &&
          seen.some((a) => a.type === "problem.replied" && a.actorId === people.member.id),
        "the endorsement and the reply to reach the watcher",
      );
      await until(
        () =>
          ["problem.endorsed", "problem.replied"].every((type) =>
            told.some((a) => a.type === "notification" && a.payload.type === type),
          ),
        "both notifications to reach the author",
      );
    } finally {
      watcher.disconnect();
      author.disconnect();
    }
  });

  it("costs the same number of queries with 500 replies and 500 endorsements", async () => {
    const id = await newProblem();
    const costs = async () => {
      const result: Record<string, number> = {};
      for (const [who, cookie] of [
        ["visitor", undefined],
        ["member", people.member.cookie],
      ] as const) {
        const counts: number[] = [];
        for (let i = 0; i < 3; i++)
          counts.push(
            await counter.count(async () => {
              const res = await server.fetch(`/problems/${id}`, { headers: cookie ? { cookie } : {} });
              expect(res.status).toBe(200);
              await res.text();
            }),
          );
        result[who] = Math.min(...counts);
      }
      return result;
    };
    const before = await costs();
    await database.db.execute(sql`
      with made as (
        insert into users (id, email, display_name, password_hash)
        select 'bulk-' || n || '-' || ${id}, 'bulk-' || n || '-' || ${id} || '@test.qilian.example', '批量用户 ' || n, 'x'
        from generate_series(1, 500) n
        returning id
      ), endorsed as (
        insert into problem_endorsements (problem_id, user_id) select ${id}::uuid, id from made returning user_id
      ), represented as (
        insert into org_representatives (org_id, user_id, role) select ${org.id}::uuid, id, 'representative' from made
        returning user_id
      )
      insert into problem_replies (problem_id, author_id, body, created_at)
      select ${id}::uuid, id, '批量回复 ' || row_number() over (), now() from made`);
    const after = await costs();
    // Ten: the page's eight, plus the matching resources (the problem's nodes' neighbours, then the
    // matches) and the attachments list, added with issue 7.
    for (const [who, n] of Object.entries(before)) expect(n, who).toBeLessThanOrEqual(10);
    expect(after).toEqual(before);
    expect((await page(id)).html).toContain("500 位成员表示也遇到了这个难题");
  });
});
