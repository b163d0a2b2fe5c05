import crypto from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  notifications,
  problemApplications,
  problemEvents,
  problemFollows,
  problemMilestones,
  problems,
} from "../../db/schema/index";
import { insertProblem } from "~/models/problems.server";
import type { LiveActivity } from "~/realtime/types";
import { problemTopic } from "~/realtime/topics";
import { addMember, addRepresentative, createAlliance, createOrganization, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { client, connect, signIn, subscribe, until } from "../setup/live";
import { useQueryCounter } from "../setup/query-counter";
import { useTestServer } from "../setup/server";
import { post } from "./auth-helpers";

/** 揭榜 on a problem's page: applications, decisions, the status lifecycle, milestones and the timeline. */
describe("problem applications and lifecycle", () => {
  const database = useTestDatabase();
  const counter = useQueryCounter();
  const server = useTestServer({
    get DATABASE_URL() {
      return counter.url;
    },
  });

  type Person = { id: string; cookie: string };
  const people = {
    author: {} as Person,
    first: {} as Person,
    second: {} as Person,
    organizer: {} as Person,
    member: {} as Person,
    outsider: {} as Person,
  };
  let alliance: Awaited<ReturnType<typeof createAlliance>>;
  let orgA: Awaited<ReturnType<typeof createOrganization>>;
  let orgB: Awaited<ReturnType<typeof createOrganization>>;

  beforeAll(async () => {
    const { db } = database;
    alliance = await createAlliance(db);
    const person = async (displayName: string): Promise<Person> => {
      const { user } = await createUser(db, { displayName });
      return { id: user.id, cookie: (await signIn(server.services, user.id)).cookie };
    };
    people.author = await person("发布人甲");
    people.first = await person("揭榜人乙");
    people.second = await person("揭榜人丙");
    people.organizer = await person("组织者丁");
    people.member = await person("成员戊");
    people.outsider = await person("局外人己");
    for (const who of ["author", "first", "second", "member"] as const)
      await addMember(db, { allianceId: alliance.id, userId: people[who].id });
    await addMember(db, { allianceId: alliance.id, userId: people.organizer.id, role: "organizer" });
    const tag = crypto.randomUUID().slice(0, 6);
    orgA = await createOrganization(db, { nameZh: `精工传动${tag}`, nameEn: `Precision Drive ${tag}` });
    orgB = await createOrganization(db, { nameZh: `海河材料${tag}`, nameEn: `Haihe Materials ${tag}` });
    await addRepresentative(db, { orgId: orgA.id, userId: people.first.id, role: "representative" });
    await addRepresentative(db, { orgId: orgB.id, userId: people.second.id, role: "admin" });
  });

  const newProblem = (
    options: { visibility?: "public" | "alliance"; deadline?: Date | null; status?: "open" | "closed" } = {},
  ) =>
    insertProblem(database.db, {
      authorId: people.author.id,
      allianceId: alliance.id,
      title: "谐波减速器柔轮疲劳寿命不足",
      body: "正文",
      visibility: options.visibility ?? "public",
      urgency: "normal",
      status: options.status,
      deadline: options.deadline ?? null,
      nodeIds: [],
      tags: [],
    });
  const send = (path: string, who: Person | undefined, fields: Record<string, string>) =>
    server.fetch(path, post(fields, who ? { cookie: who.cookie } : {}));
  const application = {
    approach: "采用**渗氮 + 喷丸**复合强化，提升柔轮疲劳寿命。",
    timeline: "三个月出样件，六个月完成寿命试验。",
    team: "材料、热处理、试验各两人。",
  };
  const apply = (id: string, who: Person | undefined, fields: Record<string, string> = {}) =>
    send(`/problems/${id}/applications`, who, { intent: "apply", ...application, ...fields });
  const decide = (id: string, who: Person, intent: string, applicationId: string, note = "") =>
    send(`/problems/${id}/applications`, who, { intent, applicationId, note });
  const setStatus = (id: string, who: Person | undefined, intent: string, note = "") =>
    send(`/problems/${id}/status`, who, { intent, note });
  const milestone = (id: string, who: Person, fields: Record<string, string>) =>
    send(`/problems/${id}/milestones`, who, fields);
  const page = async (id: string, who?: Person) => {
    const res = await server.fetch(`/problems/${id}`, { headers: who ? { cookie: who.cookie } : {} });
    return { status: res.status, html: await res.text() };
  };
  const applicationOf = async (problemId: string, who: Person) => {
    const [row] = await database.db
      .select()
      .from(problemApplications)
      .where(and(eq(problemApplications.problemId, problemId), eq(problemApplications.applicantId, who.id)));
    return row;
  };
  const problemRow = async (id: string) =>
    (await database.db.select().from(problems).where(eq(problems.id, id)))[0];
  const events = async (problemId: string) =>
    database.db
      .select({
        kind: problemEvents.kind,
        from: problemEvents.fromStatus,
        to: problemEvents.toStatus,
        note: problemEvents.note,
      })
      .from(problemEvents)
      .where(eq(problemEvents.problemId, problemId))
      .orderBy(asc(problemEvents.id));
  const notified = async (who: Person, type: string) =>
    database.db
      .select({ data: notifications.data, href: notifications.href })
      .from(notifications)
      .where(and(eq(notifications.userId, who.id), eq(notifications.type, type)));
  const expectRedirectToPage = (res: Response, id: string) => {
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/problems/${id}`);
  };

  it("takes an application, follows the problem, tells the poster, and shows each viewer what they may see", async () => {
    const id = await newProblem();
    const before = (await notified(people.author, "problem.applied")).length;
    expectRedirectToPage(await apply(id, people.first, { orgId: orgA.id }), id);
    const row = await applicationOf(id, people.first);
    expect(row).toMatchObject({ status: "submitted", orgId: orgA.id, team: application.team });
    expect((await problemRow(id)).applicationCount).toBe(1);
    const follows = await database.db
      .select()
      .from(problemFollows)
      .where(and(eq(problemFollows.problemId, id), eq(problemFollows.userId, people.first.id)));
    expect(follows).toHaveLength(1);
    const told = await notified(people.author, "problem.applied");
    expect(told).toHaveLength(before + 1);
    expect(told.at(-1)).toMatchObject({ href: `/problems/${id}`, data: { actor: "揭榜人乙" } });

    // Everyone sees the number and the organizations, not the application itself.
    const visitor = await page(id);
    expect(visitor.html).toContain("1 份揭榜申请");
    expect(visitor.html).toContain(orgA.nameZh);
    expect(visitor.html).not.toContain("三个月出样件");
    expect((await page(id, people.member)).html).not.toContain("三个月出样件");
    // The poster reads it in full (Markdown rendered), the applicant reads their own.
    const poster = (await page(id, people.author)).html;
    expect(poster).toContain("<strong>渗氮 + 喷丸</strong>");
    expect(poster).toContain("揭榜人乙");
    expect((await page(id, people.first)).html).toContain("三个月出样件");
    // The applicant is not offered the form again.
    expect((await page(id, people.first)).html).not.toContain('id="problem-apply"');
    expect((await page(id, people.second)).html).toContain('id="problem-apply"');
  });

  it("refuses a second application, even two sent at once", async () => {
    const id = await newProblem();
    expectRedirectToPage(await apply(id, people.first), id);
    const again = await apply(id, people.first, { team: "另一个团队" });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("problemWork.error.duplicate");
    expect((await applicationOf(id, people.first)).team).toBe(application.team);

    const raced = await newProblem();
    const answers = await Promise.all([apply(raced, people.second), apply(raced, people.second)]);
    expect(answers.map((res) => res.status).sort()).toEqual([302, 409]);
    const rows = await database.db
      .select()
      .from(problemApplications)
      .where(eq(problemApplications.problemId, raced));
    expect(rows).toHaveLength(1);
    expect((await problemRow(raced)).applicationCount).toBe(1);
  });

  it("closes applications after the deadline, and the page says since when", async () => {
    const id = await newProblem({ deadline: new Date("2026-01-05T15:59:59.999Z") });
    const refused = await apply(id, people.first);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("problemWork.error.applyClosed");
    expect(await applicationOf(id, people.first)).toBeUndefined();
    const { html } = await page(id, people.first);
    expect(html).toContain("自 2026年1月5日 起已停止接受揭榜申请。");
    expect(html).not.toContain('id="problem-apply"');
    const closed = await newProblem({ status: "closed" });
    expect((await apply(closed, people.first)).status).toBe(409);
  });

  it("refuses the poster's own application and sends visitors to log in", async () => {
    const id = await newProblem();
    expect((await apply(id, people.author)).status).toBe(403);
    expect((await page(id, people.author)).html).not.toContain('id="problem-apply"');
    const visitor = await apply(id, undefined);
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("location")).toBe(`/login?redirectTo=%2Fproblems%2F${id}`);
    const visitorStatus = await setStatus(id, undefined, "close", "原因");
    expect(visitorStatus.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
    expect(await applicationOf(id, people.author)).toBeUndefined();
  });

  it("answers bad input with 400, field messages and everything typed", async () => {
    const id = await newProblem();
    const long = "方".repeat(5_001);
    const res = await apply(id, people.first, { approach: long, team: "  ", timeline: "时".repeat(501) });
    expect(res.status).toBe(400);
    const reply = (await res.json()) as {
      result: { initialValue: Record<string, string>; error: Record<string, string[]> };
    };
    expect(reply.result.initialValue.approach).toBe(long);
    expect(reply.result.initialValue.timeline).toBe("时".repeat(501));
    expect(reply.result.error).toMatchObject({
      approach: ["problemWork.error.approachTooLong"],
      timeline: ["problemWork.error.timelineTooLong"],
      team: ["problemWork.error.teamRequired"],
    });
    // An organization the applicant does not represent.
    const foreign = await apply(id, people.first, { orgId: orgB.id });
    expect(foreign.status).toBe(400);
    const foreignReply = (await foreign.json()) as typeof reply;
    expect(foreignReply.result.error.orgId).toEqual(["problemWork.error.orgNotRepresented"]);
    expect(foreignReply.result.initialValue.approach).toBe(application.approach);
    expect(await applicationOf(id, people.first)).toBeUndefined();

    const closing = await setStatus(id, people.author, "close", "   ");
    expect(closing.status).toBe(400);
    expect(JSON.stringify(await closing.json())).toContain("problemWork.error.closeNoteRequired");
    expect((await setStatus(id, people.author, "close", "备".repeat(1_001))).status).toBe(400);
    expect((await problemRow(id)).status).toBe("open");
  });

  it("lets the applicant withdraw (no longer counted) and apply again, but not once accepted", async () => {
    const id = await newProblem();
    await apply(id, people.first);
    expectRedirectToPage(
      await send(`/problems/${id}/applications`, people.first, { intent: "withdraw" }),
      id,
    );
    expect((await applicationOf(id, people.first)).status).toBe("withdrawn");
    expect((await problemRow(id)).applicationCount).toBe(0);
    expect((await page(id)).html).toContain("0 份揭榜申请");
    expect((await send(`/problems/${id}/applications`, people.first, { intent: "withdraw" })).status).toBe(
      409,
    );
    expectRedirectToPage(await apply(id, people.first, { team: "重新组建的团队" }), id);
    expect(await applicationOf(id, people.first)).toMatchObject({
      status: "submitted",
      team: "重新组建的团队",
    });
    expect((await problemRow(id)).applicationCount).toBe(1);
    await decide(id, people.author, "accept", (await applicationOf(id, people.first)).id);
    expect((await send(`/problems/${id}/applications`, people.first, { intent: "withdraw" })).status).toBe(
      409,
    );
    expect((await applicationOf(id, people.first)).status).toBe("accepted");
  });

  it("shortlists, declines with a note, accepts one into progress, and refuses a second accept", async () => {
    const id = await newProblem();
    await apply(id, people.first, { orgId: orgA.id });
    await apply(id, people.second, { orgId: orgB.id });
    const first = (await applicationOf(id, people.first)).id;
    const second = (await applicationOf(id, people.second)).id;
    const decided = (await notified(people.first, "problem.application_decided")).length;

    expectRedirectToPage(await decide(id, people.author, "shortlist", first), id);
    expect((await applicationOf(id, people.first)).status).toBe("shortlisted");
    expect((await decide(id, people.author, "shortlist", first)).status).toBe(409);
    expectRedirectToPage(await decide(id, people.author, "accept", first), id);
    expect((await applicationOf(id, people.first)).status).toBe("accepted");
    expect((await problemRow(id)).status).toBe("in_progress");
    expect(await events(id)).toEqual([
      { kind: "posted", from: null, to: "open", note: "" },
      { kind: "application_accepted", from: null, to: null, note: "" },
      { kind: "status_changed", from: "open", to: "in_progress", note: "" },
    ]);
    const told = await notified(people.first, "problem.application_decided");
    expect(told.slice(decided).map((n) => (n.data as { decision: string }).decision)).toEqual([
      "shortlisted",
      "accepted",
    ]);
    // The other applicant follows the problem (applying did) and hears about the status.
    expect(
      (await notified(people.second, "problem.status_changed")).filter((n) => n.href === `/problems/${id}`),
    ).toHaveLength(1);

    const refused = await decide(id, people.author, "accept", second);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("problemWork.error.notOpen");
    expect((await applicationOf(id, people.second)).status).toBe("submitted");

    expectRedirectToPage(await decide(id, people.author, "decline", second, "方案与我们的工况不符。"), id);
    expect(await applicationOf(id, people.second)).toMatchObject({
      status: "declined",
      decisionNote: "方案与我们的工况不符。",
    });
    expect((await problemRow(id)).applicationCount).toBe(2);
    const timeline = (await page(id)).html;
    expect(timeline).toContain("发布人甲 选定了 揭榜人乙 的揭榜申请");
    expect(timeline).toContain("发布人甲 将状态由“待揭榜”改为“攻关中”");
    expect(await decide(id, people.author, "accept", crypto.randomUUID()).then((r) => r.status)).toBe(404);
    // The notifications read in each reader's language.
    const inbox = async (who: Person, lang: string) =>
      (
        await server.fetch("/notifications", { headers: { cookie: who.cookie, "accept-language": lang } })
      ).text();
    expect(await inbox(people.first, "zh-CN")).toContain(
      "您对难题「谐波减速器柔轮疲劳寿命不足」的揭榜申请已被选定。",
    );
    expect(await inbox(people.second, "zh-CN")).toContain(
      "发布人甲 将难题「谐波减速器柔轮疲劳寿命不足」的状态改为“攻关中”。",
    );
    expect(await inbox(people.second, "en")).toContain("was declined.");
    expect(await inbox(people.author, "en")).toContain("揭榜人丙 applied to solve your problem");
  });

  it("lets only one of two simultaneous accepts win", async () => {
    const id = await newProblem();
    await apply(id, people.first);
    await apply(id, people.second);
    const ids = [(await applicationOf(id, people.first)).id, (await applicationOf(id, people.second)).id];
    const answers = await Promise.all([
      decide(id, people.author, "accept", ids[0]),
      decide(id, people.organizer, "accept", ids[1]),
    ]);
    expect(answers.map((res) => res.status).sort()).toEqual([302, 409]);
    const accepted = await database.db
      .select()
      .from(problemApplications)
      .where(and(eq(problemApplications.problemId, id), eq(problemApplications.status, "accepted")));
    expect(accepted).toHaveLength(1);
    expect((await events(id)).filter((e) => e.kind === "status_changed")).toHaveLength(1);
  });

  it("accepts the solution, closes and reopens with notes; refuses illegal transitions with 409", async () => {
    const id = await newProblem();
    await apply(id, people.first);
    expect((await setStatus(id, people.author, "solve")).status).toBe(409);
    expect((await setStatus(id, people.author, "reopen")).status).toBe(409);
    await decide(id, people.author, "accept", (await applicationOf(id, people.first)).id);
    const before = (await notified(people.first, "problem.status_changed")).length;
    expectRedirectToPage(await setStatus(id, people.author, "solve", "样件通过 10 万次寿命试验。"), id);
    expect((await problemRow(id)).status).toBe("solved");
    expect((await setStatus(id, people.author, "close", "重复")).status).toBe(409);
    // The accepted applicant is told.
    const told = await notified(people.first, "problem.status_changed");
    expect(told.slice(before).map((n) => (n.data as { status: string }).status)).toEqual(["solved"]);

    expectRedirectToPage(await setStatus(id, people.author, "reopen", "批量生产中复现了开裂。"), id);
    expect((await problemRow(id)).status).toBe("open");
    expect((await applicationOf(id, people.first)).status).toBe("shortlisted");
    expectRedirectToPage(await setStatus(id, people.author, "close", "改为内部立项。"), id);
    expect((await problemRow(id)).status).toBe("closed");
    expect((await events(id)).slice(-3)).toEqual([
      { kind: "status_changed", from: "in_progress", to: "solved", note: "样件通过 10 万次寿命试验。" },
      { kind: "status_changed", from: "solved", to: "open", note: "批量生产中复现了开裂。" },
      { kind: "status_changed", from: "open", to: "closed", note: "改为内部立项。" },
    ]);
    const { html } = await page(id);
    expect(html).toContain("说明：样件通过 10 万次寿命试验。");
    expect(html.indexOf("样件通过")).toBeLessThan(html.indexOf("改为内部立项"));
  });

  it("lets an organizer act on a member's problem and tells the poster; refuses other members with 403", async () => {
    const id = await newProblem();
    const before = (await notified(people.author, "problem.status_changed")).length;
    expect((await setStatus(id, people.member, "close", "无关")).status).toBe(403);
    expect((await setStatus(id, people.first, "close", "无关")).status).toBe(403);
    await apply(id, people.first);
    const applicationId = (await applicationOf(id, people.first)).id;
    expect((await decide(id, people.member, "accept", applicationId)).status).toBe(403);
    expect((await milestone(id, people.member, { intent: "add", title: "样件" })).status).toBe(403);
    expect((await problemRow(id)).status).toBe("open");
    expectRedirectToPage(await setStatus(id, people.organizer, "close", "与既有难题重复。"), id);
    const told = await notified(people.author, "problem.status_changed");
    expect(told.slice(before).map((n) => (n.data as { status: string }).status)).toEqual(["closed"]);
  });

  it("answers 404 to outsiders of an alliance-only problem, and to missing or malformed ids", async () => {
    const id = await newProblem({ visibility: "alliance" });
    await apply(id, people.first);
    const applicationId = (await applicationOf(id, people.first)).id;
    for (const target of [id, crypto.randomUUID(), "not-a-uuid"]) {
      expect((await apply(target, people.outsider)).status).toBe(404);
      expect((await setStatus(target, people.outsider, "close", "x")).status).toBe(404);
      expect((await decide(target, people.outsider, "accept", applicationId)).status).toBe(404);
      expect((await milestone(target, people.outsider, { intent: "add", title: "x" })).status).toBe(404);
    }
    expect((await page(id, people.outsider)).status).toBe(404);
    expect((await problemRow(id)).status).toBe("open");
  });

  it("tracks milestones while in progress, shown to every viewer with due days and done state", async () => {
    const id = await newProblem();
    expect((await milestone(id, people.author, { intent: "add", title: "样件" })).status).toBe(409);
    await apply(id, people.first);
    await decide(id, people.author, "accept", (await applicationOf(id, people.first)).id);
    const long = "里".repeat(121);
    const rejected = await milestone(id, people.author, { intent: "add", title: long, dueOn: "2026-02-30" });
    expect(rejected.status).toBe(400);
    const reply = (await rejected.json()) as {
      result: { initialValue: Record<string, string>; error: Record<string, string[]> };
    };
    expect(reply.result.initialValue).toMatchObject({ title: long, dueOn: "2026-02-30" });
    expect(reply.result.error).toMatchObject({
      title: ["problemWork.error.milestoneTitleTooLong"],
      dueOn: ["problemWork.error.milestoneDueInvalid"],
    });
    expectRedirectToPage(
      await milestone(id, people.author, { intent: "add", title: "完成样件试制", dueOn: "2027-03-01" }),
      id,
    );
    await milestone(id, people.author, { intent: "add", title: "寿命试验" });
    await milestone(id, people.author, { intent: "add", title: "临时条目" });
    const rows = await database.db
      .select()
      .from(problemMilestones)
      .where(eq(problemMilestones.problemId, id))
      .orderBy(asc(problemMilestones.position));
    expect(rows.map((r) => r.title)).toEqual(["完成样件试制", "寿命试验", "临时条目"]);
    expectRedirectToPage(await milestone(id, people.author, { intent: "done", milestoneId: rows[0].id }), id);
    await milestone(id, people.author, { intent: "done", milestoneId: rows[1].id });
    await milestone(id, people.author, { intent: "undone", milestoneId: rows[1].id });
    await milestone(id, people.author, { intent: "delete", milestoneId: rows[2].id });
    expect((await milestone(id, people.author, { intent: "delete", milestoneId: rows[2].id })).status).toBe(
      404,
    );
    const { html } = await page(id);
    expect(html).toContain("完成样件试制");
    expect(html).toContain("截止 2027年3月1日");
    expect(html).toContain("已完成 1/2");
    expect(html).not.toContain("临时条目");
    expect(html).not.toContain('id="milestone-add"');
    expect((await page(id, people.author)).html).toContain('id="milestone-add"');
    const english = await (
      await server.fetch(`/problems/${id}`, { headers: { "accept-language": "en" } })
    ).text();
    expect(english).toContain("1 of 2 done");
    expect(english).toContain("Due Mar 1, 2027");
    expect(english).toContain("changed the status from “Open” to “In progress”");
  });

  it("sends applications, decisions, status changes and milestones live to the problem's watchers", async () => {
    const id = await newProblem();
    const watcher = await connect(client(server.url, { cookie: people.outsider.cookie }));
    const seen: LiveActivity[] = [];
    watcher.on("activity", (activity) => seen.push(activity));
    try {
      expect((await subscribe(watcher, { topic: problemTopic(id), after: 1e12 })).ok).toBe(true);
      await apply(id, people.first);
      await decide(id, people.author, "accept", (await applicationOf(id, people.first)).id);
      await milestone(id, people.author, { intent: "add", title: "样件" });
      await until(
        () =>
          [
            "problem.applied",
            "problem.application_decided",
            "problem.status_changed",
            "problem.milestone",
          ].every((type) => seen.some((a) => a.type === type)),
        "the 揭榜 events to reach the watcher",
      );
      expect(seen.find((a) => a.type === "problem.status_changed")?.payload).toEqual({
        status: "in_progress",
      });
    } finally {
      watcher.disconnect();
    }
  });

  it("costs the same number of queries with 100 applications, milestones and events", async () => {
    const id = await newProblem();
    await apply(id, people.first);
    const costs = async () => {
      const result: Record<string, number> = {};
      for (const [who, person] of [
        ["visitor", undefined],
        ["author", people.author],
        ["applicant", people.first],
      ] as const) {
        const counts: number[] = [];
        for (let i = 0; i < 2; i++)
          counts.push(
            await counter.count(async () => {
              const res = await server.fetch(`/problems/${id}`, {
                headers: person ? { cookie: person.cookie } : {},
              });
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
        select 'work-' || n || '-' || ${id}, 'work-' || n || '-' || ${id} || '@test.qilian.example', '批量揭榜 ' || n, 'x'
        from generate_series(1, 100) n
        returning id
      ), represented as (
        insert into org_representatives (org_id, user_id, role) select ${orgB.id}::uuid, id, 'representative' from made
        returning user_id
      ), applied as (
        insert into problem_applications (problem_id, applicant_id, org_id, approach, timeline, team)
        select ${id}::uuid, id, ${orgB.id}::uuid, '方案 **' || id || '**', '半年', '三人' from made
        returning id
      ), planned as (
        insert into problem_milestones (problem_id, title, position)
        select ${id}::uuid, '里程碑 ' || n, n from generate_series(1, 100) n returning id
      )
      insert into problem_events (problem_id, actor_id, kind, application_id, note)
      select ${id}::uuid, ${people.author.id}, 'edited', id, '批量记录' from applied`);
    const after = await costs();
    expect(after).toEqual(before);
    const { html } = await page(id, people.author);
    expect(html).toContain("批量揭榜 100");
    expect(html).toContain("里程碑 100");
  });
});
