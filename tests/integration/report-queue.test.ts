import crypto from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  channelMembers,
  channelMessages,
  channels,
  contentReports,
  notifications,
  problemReplies,
  problems,
  resources,
} from "../../db/schema/index";
import { sendMessage } from "~/models/channel-messages.server";
import { fileReport } from "~/models/content-reports.server";
import { insertProblem } from "~/models/problems.server";
import type { QueueSubjectType } from "~/validation/report-queue";
import {
  addMember,
  addRepresentative,
  createAlliance,
  createOrganization,
  createResource,
  createUser,
} from "../factories";
import { useTestDatabase } from "../setup/database";
import { signIn } from "../setup/live";
import { useQueryCounter } from "../setup/query-counter";
import { useTestServer } from "../setup/server";
import { post } from "./auth-helpers";

/** One review queue over every kind of reported content: alliance organizers and platform admins. */
describe("report review queue", () => {
  const database = useTestDatabase();
  const counter = useQueryCounter();
  const server = useTestServer({
    get DATABASE_URL() {
      return counter.url;
    },
  });

  type Person = { id: string; cookie: string; name: string };
  type Alliance = Awaited<ReturnType<typeof createAlliance>>;
  const people = {
    author: {} as Person,
    reporter: {} as Person,
    reporter2: {} as Person,
    organizer: {} as Person,
    otherOrganizer: {} as Person,
    member: {} as Person,
    admin: {} as Person,
  };
  let alliance: Alliance;
  let otherAlliance: Alliance;
  let org: Awaited<ReturnType<typeof createOrganization>>;

  const person = async (platformRole: "admin" | null = null): Promise<Person> => {
    const { user } = await createUser(database.db, { platformRole });
    return { id: user.id, name: user.displayName, cookie: (await signIn(server.services, user.id)).cookie };
  };

  beforeAll(async () => {
    const { db } = database;
    [alliance, otherAlliance] = [await createAlliance(db), await createAlliance(db)];
    org = await createOrganization(db);
    for (const name of Object.keys(people) as (keyof typeof people)[]) {
      people[name] = await person(name === "admin" ? "admin" : null);
    }
    for (const who of [people.author, people.reporter, people.reporter2, people.member]) {
      await addMember(db, { allianceId: alliance.id, userId: who.id });
    }
    await addMember(db, { allianceId: alliance.id, userId: people.organizer.id, role: "organizer" });
    await addMember(db, { allianceId: otherAlliance.id, userId: people.author.id });
    await addMember(db, {
      allianceId: otherAlliance.id,
      userId: people.otherOrganizer.id,
      role: "organizer",
    });
    await addRepresentative(db, { orgId: org.id, userId: people.author.id, role: "admin" });
  });

  const unique = () => crypto.randomBytes(4).toString("hex");
  const generalChannel = async (of: Alliance) => {
    const [row] = await database.db
      .select({ id: channels.id })
      .from(channels)
      .where(and(eq(channels.allianceId, of.id), eq(channels.kind, "general")));
    return row.id;
  };

  /** Reportable content of every kind, written as the app writes it. */
  const make = {
    problem: (allianceId: string | null, title = `难题${unique()}`) =>
      insertProblem(database.db, {
        authorId: people.author.id,
        allianceId,
        title,
        body: "正文",
        visibility: "public",
        urgency: "normal",
        nodeIds: [],
        tags: [],
      }),
    reply: async (problemId: string, body = `回复内容${unique()}`) => {
      const [row] = await database.db
        .insert(problemReplies)
        .values({ problemId, authorId: people.author.id, body })
        .returning({ id: problemReplies.id });
      return row.id;
    },
    message: async (channelId: string, body = `频道消息${unique()}`) => {
      const sent = await sendMessage(
        server.services,
        { id: people.author.id, platformRole: null },
        { channelId, body, clientKey: crypto.randomUUID() },
      );
      if (!sent.ok) throw new Error("send failed");
      return sent.message.id;
    },
    resource: async (allianceIds: string[], title = `资源${unique()}`) =>
      (
        await createResource(database.db, {
          orgId: org.id,
          createdById: people.author.id,
          contactUserId: people.author.id,
          title,
          allianceIds,
        })
      ).id,
  };
  const report = (
    type: QueueSubjectType,
    id: string,
    allianceId: string | null,
    who = people.reporter,
    reason = `理由${unique()}`,
  ) => fileReport(database.db, { subject: { type, id }, allianceId, reporterId: who.id, reason });

  const page = async (path: string, who: Person | null, headers: Record<string, string> = {}) => {
    const res = await server.fetch(path, { headers: { ...headers, ...(who ? { cookie: who.cookie } : {}) } });
    const html = await res.text();
    return {
      status: res.status,
      location: res.headers.get("location"),
      html,
      text: html.replace(/<[^>]+>/g, ""),
    };
  };
  const decide = (path: string, who: Person | null, fields: Record<string, string>) =>
    server.fetch(path, post(fields, who ? { cookie: who.cookie } : {}));
  const queueOf = (of: Alliance) => `/alliances/${of.slug}/reports`;
  const reportStatuses = async (id: string) =>
    (
      await database.db
        .select({ status: contentReports.status })
        .from(contentReports)
        .where(eq(contentReports.subjectId, id))
    ).map((r) => r.status);
  const auditCount = async (actorId: string) =>
    (await database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.actorId, actorId)))[0].n;

  describe("with one subject of every kind", () => {
    const titles = { problem: `伺服电机温升${unique()}`, resource: `精密轴承试验台${unique()}` };
    const bodies = { reply: `这条回复是广告${unique()}`, message: `加微信买产品${unique()}` };
    const reasons = {
      problem: `与联盟无关${unique()}`,
      reply: `广告回复${unique()}`,
      message: `刷屏${unique()}`,
      resource: `虚假资源${unique()}`,
    };
    const ids = { problem: "", reply: "", message: "", resource: "", otherProblem: "", outside: "" };
    let otherTitle: string;
    let outsideTitle: string;

    beforeAll(async () => {
      ids.problem = await make.problem(alliance.id, titles.problem);
      ids.reply = await make.reply(ids.problem, bodies.reply);
      ids.message = await make.message(await generalChannel(alliance), bodies.message);
      ids.resource = await make.resource([alliance.id], titles.resource);
      otherTitle = `别的联盟的难题${unique()}`;
      outsideTitle = `联盟之外的难题${unique()}`;
      ids.otherProblem = await make.problem(otherAlliance.id, otherTitle);
      ids.outside = await make.problem(null, outsideTitle);
      await report("problem", ids.problem, alliance.id, people.reporter, reasons.problem);
      await report("problem", ids.problem, alliance.id, people.reporter2);
      await report("problem_reply", ids.reply, alliance.id, people.reporter, reasons.reply);
      await report("channel_message", ids.message, alliance.id, people.reporter, reasons.message);
      await report("resource", ids.resource, alliance.id, people.reporter, reasons.resource);
      await report("problem", ids.otherProblem, otherAlliance.id);
      await report("problem", ids.outside, null);
    });

    it("lists every kind in its alliance's queue and the admin's, and nothing in another alliance's", async () => {
      const own = await page(queueOf(alliance), people.organizer);
      expect(own.status).toBe(200);
      for (const text of [
        titles.problem,
        titles.resource,
        bodies.reply,
        bodies.message,
        ...Object.values(reasons),
      ])
        expect(own.text).toContain(text);
      expect(own.text).toContain(`${people.reporter.name}：${reasons.problem}`);
      expect(own.text).toContain("2 条待处理举报");
      expect(own.text).toContain(`难题：${titles.problem}`);
      expect(own.text).toContain("频道：#");
      expect(own.html).toContain(`href="/channels/`);
      expect(own.html).toContain(`?message=${ids.message}`);
      expect(own.text).not.toContain(otherTitle);
      expect(own.text).not.toContain(outsideTitle);

      const other = await page(queueOf(otherAlliance), people.otherOrganizer);
      expect(other.text).toContain(otherTitle);
      for (const text of [titles.problem, titles.resource, bodies.reply, bodies.message, outsideTitle])
        expect(other.text).not.toContain(text);

      const admin = await page("/admin/reports", people.admin);
      expect(admin.status).toBe(200);
      for (const text of [
        titles.problem,
        titles.resource,
        bodies.reply,
        bodies.message,
        otherTitle,
        outsideTitle,
      ])
        expect(admin.text).toContain(text);
      const outside = await page("/admin/reports?alliance=none", people.admin);
      expect(outside.text).toContain(outsideTitle);
      expect(outside.text).not.toContain(titles.problem);
      const one = await page(`/admin/reports?alliance=${otherAlliance.slug}`, people.admin);
      expect(one.text).toContain(otherTitle);
      expect(one.text).not.toContain(outsideTitle);
      expect((await page("/admin/reports?alliance=no-such-alliance", people.admin)).status).toBe(404);

      const kind = await page(`${queueOf(alliance)}?kind=resource`, people.organizer);
      expect(kind.text).toContain(titles.resource);
      expect(kind.text).not.toContain(titles.problem);
      const english = await page(queueOf(alliance), people.organizer, { "accept-language": "en" });
      expect(english.text).toContain("Report review");
      expect(english.text).toContain("Open reports: 2");
    });

    it("sends visitors to log in and refuses members and organizers the admin queue", async () => {
      const visitor = await page(queueOf(alliance), null);
      expect(visitor.status).toBe(302);
      expect(visitor.location).toMatch(/^\/login\?redirectTo=/);
      expect((await page("/admin/reports", null)).location).toMatch(/^\/login\?redirectTo=/);
      expect((await page(queueOf(alliance), people.member)).status).toBe(403);
      expect((await page("/admin/reports", people.organizer)).status).toBe(403);
      const hide = { intent: "hide", subjectType: "problem", subjectId: ids.problem, reason: "x" };
      expect((await decide(queueOf(alliance), people.member, hide)).status).toBe(403);
      expect((await decide("/admin/reports", people.organizer, hide)).status).toBe(403);
      const anonymous = await decide(queueOf(alliance), null, hide);
      expect(anonymous.status).toBe(302);
      expect(anonymous.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
      expect(
        (await database.db.select().from(problems).where(eq(problems.id, ids.problem)))[0].hiddenAt,
      ).toBeNull();
    });

    it("answers a missing or too long reason with 400, the message and what was typed", async () => {
      const path = queueOf(alliance);
      const missing = await decide(path, people.organizer, {
        intent: "hide",
        subjectType: "problem",
        subjectId: ids.problem,
        reason: "  ",
      });
      expect(missing.status).toBe(400);
      expect(await missing.text()).toContain("请写明隐藏的理由。");
      const typed = `太长的理由${"很".repeat(500)}`;
      const long = await decide(path, people.organizer, {
        intent: "hide",
        subjectType: "problem",
        subjectId: ids.problem,
        reason: typed,
      });
      expect(long.status).toBe(400);
      const html = await long.text();
      expect(html).toContain("理由最多 500 个字。");
      expect(html).toContain(typed);
      const bogus = await decide(path, people.organizer, {
        intent: "erase",
        subjectType: "problem",
        subjectId: ids.problem,
      });
      expect(bogus.status).toBe(400);
      expect(await bogus.text()).toContain("无法识别这项操作。");
      expect(await reportStatuses(ids.problem)).toEqual(["open", "open"]);
    });

    it("is 404 for a subject outside the viewer's queue or a malformed id", async () => {
      const hide = (subjectType: string, subjectId: string) => ({
        intent: "hide",
        subjectType,
        subjectId,
        reason: "越权",
      });
      expect(
        (await decide(queueOf(alliance), people.organizer, hide("problem", ids.otherProblem))).status,
      ).toBe(404);
      expect((await decide(queueOf(alliance), people.organizer, hide("problem", ids.outside))).status).toBe(
        404,
      );
      expect(
        (await decide(queueOf(otherAlliance), people.otherOrganizer, hide("problem", ids.problem))).status,
      ).toBe(404);
      expect(
        (await decide(queueOf(otherAlliance), people.otherOrganizer, hide("resource", ids.resource))).status,
      ).toBe(404);
      expect((await decide(queueOf(alliance), people.organizer, hide("problem", "not-a-uuid"))).status).toBe(
        404,
      );
      expect((await decide("/admin/reports", people.admin, hide("problem", "'; drop table x"))).status).toBe(
        404,
      );
      expect(
        (await decide(queueOf(alliance), people.organizer, hide("problem", crypto.randomUUID()))).status,
      ).toBe(404);
      // The right id under the wrong kind names nothing either.
      expect((await decide(queueOf(alliance), people.organizer, hide("resource", ids.problem))).status).toBe(
        404,
      );
      const [other] = await database.db.select().from(problems).where(eq(problems.id, ids.otherProblem));
      expect(other.hiddenAt).toBeNull();
    });

    it("hides each kind with a reason, resolving its reports; again says it was done; restores", async () => {
      const path = queueOf(alliance);
      const subjects = [
        { type: "problem", id: ids.problem, table: problems },
        { type: "problem_reply", id: ids.reply, table: problemReplies },
        { type: "channel_message", id: ids.message, table: channelMessages },
        { type: "resource", id: ids.resource, table: resources },
      ] as const;
      for (const subject of subjects) {
        const fields = { subjectType: subject.type, subjectId: subject.id };
        const hidden = await decide(`${path}?kind=${subject.type}`, people.organizer, {
          ...fields,
          intent: "hide",
          reason: `隐藏理由 ${subject.type}`,
        });
        expect(hidden.status).toBe(303);
        expect(hidden.headers.get("location")).toBe(`${path}?kind=${subject.type}&done=hidden`);
        const [row] = await database.db
          .select({
            hiddenAt: subject.table.hiddenAt,
            hiddenById: subject.table.hiddenById,
            hiddenReason: subject.table.hiddenReason,
          })
          .from(subject.table)
          .where(eq(subject.table.id, subject.id));
        expect(row.hiddenAt).not.toBeNull();
        expect(row).toMatchObject({
          hiddenById: people.organizer.id,
          hiddenReason: `隐藏理由 ${subject.type}`,
        });
        expect((await reportStatuses(subject.id)).every((status) => status === "hidden")).toBe(true);

        const logged = await auditCount(people.organizer.id);
        const again = await decide(path, people.organizer, {
          ...fields,
          intent: "hide",
          reason: "再隐藏一次",
        });
        expect(again.status).toBe(303);
        expect(again.headers.get("location")).toBe(`${path}?done=already`);
        expect(await auditCount(people.organizer.id)).toBe(logged);
      }
      // The subject's own module decided: its audit entries and the author told.
      const actions = (
        await database.db
          .select({ action: auditLog.action })
          .from(auditLog)
          .where(eq(auditLog.actorId, people.organizer.id))
      ).map((a) => a.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          "problem.hidden",
          "problem.reply.hidden",
          "channel.message_hidden",
          "resource.hidden",
        ]),
      );
      const told = await database.db
        .select({ type: notifications.type })
        .from(notifications)
        .where(eq(notifications.userId, people.author.id));
      expect(told.map((n) => n.type)).toEqual(
        expect.arrayContaining([
          "problem.hidden",
          "problem.reply_hidden",
          "channel.message_hidden",
          "resource.hidden",
        ]),
      );

      const open = await page(path, people.organizer);
      expect(open.text).not.toContain(titles.problem);
      const decided = await page(`${path}?status=decided`, people.organizer);
      expect(decided.text).toContain(titles.problem);
      expect(decided.text).toContain(`已由 ${people.organizer.name} 隐藏，理由：隐藏理由 problem`);
      expect(decided.text).toContain("已隐藏");

      for (const subject of subjects) {
        const fields = { subjectType: subject.type, subjectId: subject.id, intent: "restore" };
        const restored = await decide(`${path}?status=decided`, people.organizer, fields);
        expect(restored.status).toBe(303);
        expect(restored.headers.get("location")).toBe(`${path}?status=decided&done=restored`);
        const [row] = await database.db
          .select({ hiddenAt: subject.table.hiddenAt })
          .from(subject.table)
          .where(eq(subject.table.id, subject.id));
        expect(row.hiddenAt).toBeNull();
        expect((await decide(path, people.organizer, fields)).headers.get("location")).toBe(
          `${path}?done=already`,
        );
      }
    });
  });

  it("dismisses a subject's open reports once, leaving it visible", async () => {
    const id = await make.problem(alliance.id);
    await report("problem", id, alliance.id, people.reporter);
    await report("problem", id, alliance.id, people.reporter2);
    const fields = { intent: "dismiss", subjectType: "problem", subjectId: id };
    const logged = await auditCount(people.organizer.id);
    const res = await decide(queueOf(alliance), people.organizer, fields);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${queueOf(alliance)}?done=dismissed`);
    expect(await reportStatuses(id)).toEqual(["dismissed", "dismissed"]);
    expect(await auditCount(people.organizer.id)).toBe(logged + 2);
    expect((await database.db.select().from(problems).where(eq(problems.id, id)))[0].hiddenAt).toBeNull();
    const again = await decide(queueOf(alliance), people.organizer, fields);
    expect(again.headers.get("location")).toBe(`${queueOf(alliance)}?done=already`);
    expect(await auditCount(people.organizer.id)).toBe(logged + 2);

    const decided = await page(`${queueOf(alliance)}?status=decided&kind=problem`, people.organizer);
    expect(decided.text).toContain("已驳回");
  });

  it("shows a private channel's message only to admins and invited organizers", async () => {
    const [secret] = await database.db
      .insert(channels)
      .values({ allianceId: alliance.id, slug: `secret-${unique()}`, name: "机密频道", kind: "private" })
      .returning({ id: channels.id });
    await database.db.insert(channelMembers).values({ channelId: secret.id, userId: people.author.id });
    const body = `私密内容${unique()}`;
    const id = await make.message(secret.id, body);
    await report("channel_message", id, alliance.id);

    const organizer = await page(`${queueOf(alliance)}?kind=channel_message`, people.organizer);
    expect(organizer.text).not.toContain(body);
    expect(organizer.text).not.toContain("机密频道");
    expect(organizer.text).toContain("私密频道");
    const hide = { intent: "hide", subjectType: "channel_message", subjectId: id, reason: "看不到" };
    expect((await decide(queueOf(alliance), people.organizer, hide)).status).toBe(404);

    const admin = await page("/admin/reports?kind=channel_message", people.admin);
    expect(admin.text).toContain(body);
    expect((await decide("/admin/reports", people.admin, { ...hide, reason: "管理员处理" })).status).toBe(
      303,
    );
    expect(await reportStatuses(id)).toEqual(["hidden"]);
  });

  it("lets a deleted message's reports be dismissed, not the message hidden", async () => {
    const id = await make.message(await generalChannel(alliance));
    await report("channel_message", id, alliance.id);
    await database.db
      .update(channelMessages)
      .set({ deletedAt: new Date(), body: "", bodyHtml: "" })
      .where(eq(channelMessages.id, id));
    const queue = await page(`${queueOf(alliance)}?kind=channel_message`, people.organizer);
    expect(queue.text).toContain("这条消息已被删除，只能驳回对它的举报。");
    const fields = { subjectType: "channel_message", subjectId: id };
    expect(
      (await decide(queueOf(alliance), people.organizer, { ...fields, intent: "hide", reason: "x" })).status,
    ).toBe(404);
    const dismissed = await decide(queueOf(alliance), people.organizer, { ...fields, intent: "dismiss" });
    expect(dismissed.headers.get("location")).toBe(`${queueOf(alliance)}?done=dismissed`);
    expect(await reportStatuses(id)).toEqual(["dismissed"]);
  });

  it("pages newest first without repeating or skipping a subject", async () => {
    const paged = await createAlliance(database.db);
    await addMember(database.db, { allianceId: paged.id, userId: people.organizer.id, role: "organizer" });
    const titles: string[] = [];
    for (let i = 0; i < 25; i++) {
      const title = `分页难题${String(i).padStart(2, "0")}-${unique()}`;
      titles.push(title);
      await report("problem", await make.problem(paged.id, title), paged.id);
    }
    const first = await page(queueOf(paged), people.organizer);
    const shown = (text: string) => titles.filter((title) => text.includes(title));
    expect(shown(first.text).sort()).toEqual(titles.slice(5).sort());
    // Newest first: the later a subject was reported, the higher it stands.
    const positions = titles.slice(5).map((title) => first.text.indexOf(title));
    expect(positions).toEqual([...positions].sort((a, b) => b - a));
    const next = first.html.match(/href="[^"]*\?before=(\d+)"/);
    expect(next).not.toBeNull();
    const second = await page(`${queueOf(paged)}?before=${next![1]}`, people.organizer);
    expect(shown(second.text).sort()).toEqual(titles.slice(0, 5).sort());
    expect(second.html).not.toMatch(/href="[^"]*\?before=/);
    expect(second.text).toContain("回到最新");
    // Anything unreadable in the query string is the first page of open reports.
    const odd = await page(`${queueOf(paged)}?before=abc&status=x&kind=y`, people.organizer);
    expect(shown(odd.text)).toHaveLength(20);
  });

  it("costs the same number of queries with 5 and with 60 reports", async () => {
    const measured = await createAlliance(database.db);
    await addMember(database.db, { allianceId: measured.id, userId: people.organizer.id, role: "organizer" });
    await addMember(database.db, { allianceId: measured.id, userId: people.author.id });
    const channelId = await generalChannel(measured);
    const reporters = [people.reporter, people.reporter2, people.member];
    const addSubjects = async (perKind: number, reportsEach: number) => {
      for (let i = 0; i < perKind; i++) {
        const problemId = await make.problem(measured.id);
        const subjects: [QueueSubjectType, string][] = [
          ["problem", problemId],
          ["problem_reply", await make.reply(problemId)],
          ["channel_message", await make.message(channelId)],
          ["resource", await make.resource([measured.id])],
        ];
        for (const [type, id] of subjects)
          for (const who of reporters.slice(0, reportsEach)) await report(type, id, measured.id, who);
      }
    };
    const cost = async (path: string, who: Person) => {
      const counts: number[] = [];
      for (let i = 0; i < 3; i++) {
        counts.push(
          await counter.count(async () => {
            expect((await page(path, who)).status).toBe(200);
          }),
        );
      }
      return Math.min(...counts);
    };
    const costs = async () => [
      await cost(queueOf(measured), people.organizer),
      await cost(`/admin/reports?alliance=${measured.slug}`, people.admin),
    ];

    await addSubjects(1, 1);
    await report("problem", await make.problem(measured.id), measured.id);
    const count5 = await database.db
      .select({ n: count() })
      .from(contentReports)
      .where(eq(contentReports.allianceId, measured.id));
    expect(count5[0].n).toBe(5);
    const before = await costs();

    // 55 more: 16 subjects with three reports each, and 7 problems with one.
    await addSubjects(4, 3);
    for (let i = 0; i < 7; i++) await report("problem", await make.problem(measured.id), measured.id);
    const count60 = await database.db
      .select({ n: count() })
      .from(contentReports)
      .where(eq(contentReports.allianceId, measured.id));
    expect(count60[0].n).toBe(60);
    const after = await costs();
    expect(after).toEqual(before);
    // The queue itself is 8 of them (groups, their reports, alliances, open counts, one per kind).
    expect(before[1]).toBeLessThanOrEqual(14);
    const full = await page(queueOf(measured), people.organizer);
    expect((full.html.match(/data-subject="/g) ?? []).length).toBe(20);
  });
});
