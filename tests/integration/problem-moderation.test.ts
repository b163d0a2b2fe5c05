import crypto from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  contentReports,
  notifications,
  problemEvents,
  problemFollows,
  problemReplies,
} from "../../db/schema/index";
import { insertProblem } from "~/models/problems.server";
import type { LiveActivity } from "~/realtime/types";
import { problemTopic } from "~/realtime/topics";
import { addMember, createAlliance, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { client, connect, signIn, subscribe, until } from "../setup/live";
import { useQueryCounter } from "../setup/query-counter";
import { useTestServer } from "../setup/server";
import { post } from "./auth-helpers";

/** Following, reporting, and organizers hiding problems and replies with a reason. */
describe("problem following, reports and moderation", () => {
  const database = useTestDatabase();
  const counter = useQueryCounter();
  const server = useTestServer({
    get DATABASE_URL() {
      return counter.url;
    },
  });

  type Person = { id: string; cookie: string; name: string };
  const people = {
    author: {} as Person,
    organizer: {} as Person,
    member: {} as Person,
    follower: {} as Person,
    outsider: {} as Person,
    admin: {} as Person,
  };
  let alliance: Awaited<ReturnType<typeof createAlliance>>;

  beforeAll(async () => {
    const { db } = database;
    alliance = await createAlliance(db);
    const person = async (platformRole: "admin" | null = null): Promise<Person> => {
      const { user } = await createUser(db, { platformRole });
      return { id: user.id, name: user.displayName, cookie: (await signIn(server.services, user.id)).cookie };
    };
    people.author = await person();
    people.organizer = await person();
    people.member = await person();
    people.follower = await person();
    people.outsider = await person();
    people.admin = await person("admin");
    await addMember(db, { allianceId: alliance.id, userId: people.author.id });
    await addMember(db, { allianceId: alliance.id, userId: people.organizer.id, role: "organizer" });
    await addMember(db, { allianceId: alliance.id, userId: people.member.id });
    await addMember(db, { allianceId: alliance.id, userId: people.follower.id });
  });

  const newProblem = (overrides: Partial<Parameters<typeof insertProblem>[1]> = {}) =>
    insertProblem(database.db, {
      authorId: people.author.id,
      allianceId: alliance.id,
      title: "伺服电机温升过高",
      body: "正文",
      visibility: "public",
      urgency: "normal",
      nodeIds: [],
      tags: [],
      ...overrides,
    });
  const to = (id: string, feature: string, cookie: string | undefined, fields: Record<string, string>) =>
    server.fetch(`/problems/${id}/${feature}`, post(fields, cookie ? { cookie } : {}));
  const reply = async (id: string, who: Person, body: string) => {
    const res = await server.fetch(
      `/problems/${id}`,
      post({ intent: "reply", body }, { cookie: who.cookie }),
    );
    expect(res.status).toBe(200);
    const [row] = await database.db
      .select({ id: problemReplies.id })
      .from(problemReplies)
      .where(and(eq(problemReplies.problemId, id), eq(problemReplies.body, body)));
    return row.id;
  };
  const page = async (id: string, cookie?: string) => {
    const res = await server.fetch(`/problems/${id}`, { headers: cookie ? { cookie } : {} });
    return { status: res.status, html: await res.text() };
  };
  const text = (html: string) => html.replace(/<[^>]+>/g, "");
  const followers = async (id: string) =>
    (
      await database.db
        .select({ userId: problemFollows.userId })
        .from(problemFollows)
        .where(eq(problemFollows.problemId, id))
    )
      .map((r) => r.userId)
      .sort();
  const notified = async (userId: string, type: string) =>
    (
      await database.db
        .select({ href: notifications.href })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), eq(notifications.type, type)))
    ).map((r) => r.href);
  const reports = (subjectId: string) =>
    database.db
      .select({
        status: contentReports.status,
        reason: contentReports.reason,
        allianceId: contentReports.allianceId,
      })
      .from(contentReports)
      .where(eq(contentReports.subjectId, subjectId))
      .orderBy(asc(contentReports.id));
  const hide = (
    id: string,
    who: Person | undefined,
    subject: [string, string],
    reason: string,
    intent = "hide",
  ) => to(id, "moderation", who?.cookie, { intent, subjectType: subject[0], subjectId: subject[1], reason });

  it("follows and unfollows; visitors log in, invisible problems are 404, the poster follows implicitly", async () => {
    const id = await newProblem();
    const follow = await to(id, "follow", people.member.cookie, { intent: "follow" });
    expect(follow.status).toBe(302);
    expect(follow.headers.get("location")).toBe(`/problems/${id}`);
    await to(id, "follow", people.member.cookie, { intent: "follow" });
    expect(await followers(id)).toEqual([people.member.id]);
    expect(text((await page(id, people.member.cookie)).html)).toContain("取消关注");
    await to(id, "follow", people.member.cookie, { intent: "unfollow" });
    expect(await followers(id)).toEqual([]);
    expect(text((await page(id, people.member.cookie)).html)).not.toContain("取消关注");

    await to(id, "follow", people.author.cookie, { intent: "follow" });
    expect(await followers(id)).toEqual([]);
    expect(text((await page(id, people.author.cookie)).html)).toContain("你发布的难题，有新动态时会通知你。");

    const visitor = await to(id, "follow", undefined, { intent: "follow" });
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
    const secret = await newProblem({ visibility: "alliance" });
    expect((await to(secret, "follow", people.outsider.cookie, { intent: "follow" })).status).toBe(404);
    expect((await to("not-a-uuid", "follow", people.member.cookie, { intent: "follow" })).status).toBe(404);
    expect((await to(id, "follow", people.member.cookie, { intent: "bogus" })).status).toBe(400);
  });

  it("makes repliers followers and tells followers about replies, never the actor, the poster only once", async () => {
    const id = await newProblem();
    await to(id, "follow", people.follower.cookie, { intent: "follow" });
    await reply(id, people.member, "我们也有这个问题");
    expect(await followers(id)).toEqual([people.follower.id, people.member.id].sort());
    expect(await notified(people.follower.id, "problem.follow_replied")).toEqual([`/problems/${id}`]);
    expect(await notified(people.member.id, "problem.follow_replied")).toEqual([]);
    expect(await notified(people.author.id, "problem.follow_replied")).toEqual([]);
    expect(await notified(people.author.id, "problem.replied")).toContain(`/problems/${id}`);

    await reply(id, people.author, "谢谢，欢迎交流");
    expect(await followers(id)).toEqual([people.follower.id, people.member.id].sort());
    expect(await notified(people.member.id, "problem.follow_replied")).toEqual([`/problems/${id}`]);
    expect(await notified(people.follower.id, "problem.follow_replied")).toHaveLength(2);
  });

  it("takes one report per person and subject, with a required reason of at most 500 characters", async () => {
    const id = await newProblem();
    const subject = { subjectType: "problem", subjectId: id };
    const empty = await to(id, "report", people.member.cookie, {
      ...subject,
      reason: "  ",
    });
    expect(empty.status).toBe(400);
    const emptyReply = (await empty.json()) as { result: { error: Record<string, string[]> } };
    expect(emptyReply.result.error.reason).toEqual(["problemCare.reason.required"]);
    const long = await to(id, "report", people.member.cookie, { ...subject, reason: "长".repeat(501) });
    expect(long.status).toBe(400);
    const longReply = (await long.json()) as {
      result: { initialValue: Record<string, string>; error: Record<string, string[]> };
    };
    expect(longReply.result.error.reason).toEqual(["problemCare.reason.tooLong"]);
    expect(longReply.result.initialValue.reason).toBe("长".repeat(501));
    expect(await reports(id)).toEqual([]);

    const first = await to(id, "report", people.member.cookie, { ...subject, reason: "疑似广告" });
    expect(first.status).toBe(302);
    const again = await to(id, "report", people.member.cookie, {
      ...subject,
      reason: "再举报一次",
    });
    expect(again.status).toBe(409);
    expect(
      ((await again.json()) as { result: { error: Record<string, string[]> } }).result.error[""],
    ).toEqual(["problemCare.report.already"]);
    expect(await reports(id)).toEqual([{ status: "open", reason: "疑似广告", allianceId: alliance.id }]);
    expect(text((await page(id, people.member.cookie)).html)).toContain("已举报");

    // A reply of another problem is not this problem's to report; an invisible problem is 404.
    const other = await newProblem();
    const otherReply = await reply(other, people.follower, "别处的回复");
    const stray = await to(id, "report", people.member.cookie, {
      subjectType: "problem_reply",
      subjectId: otherReply,
      reason: "无关",
    });
    expect(stray.status).toBe(404);
    const secret = await newProblem({ visibility: "alliance" });
    expect(
      (
        await to(secret, "report", people.outsider.cookie, {
          subjectType: "problem",
          subjectId: secret,
          reason: "x",
        })
      ).status,
    ).toBe(404);
    expect((await to(id, "report", undefined, { ...subject, reason: "x" })).status).toBe(302);
  });

  it("hides a problem: 404 to others, a banner for the poster, reports resolved, event, audit, notification; restores it", async () => {
    const id = await newProblem();
    await to(id, "report", people.member.cookie, {
      subjectType: "problem",
      subjectId: id,
      reason: "与联盟无关",
    });
    expect(text((await page(id, people.organizer.cookie)).html)).toContain("待处理的举报（1）");
    expect(text((await page(id, people.organizer.cookie)).html)).toContain("与联盟无关");
    expect((await page(id, people.member.cookie)).html).not.toContain("待处理的举报");

    expect((await hide(id, people.member, ["problem", id], "我想隐藏")).status).toBe(403);
    expect((await hide(id, people.author, ["problem", id], "我想隐藏")).status).toBe(403);
    const noReason = await hide(id, people.organizer, ["problem", id], " ");
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(await noReason.json())).toContain("problemCare.reason.required");
    expect((await page(id, people.member.cookie)).status).toBe(200);

    const hidden = await hide(id, people.organizer, ["problem", id], "涉嫌广告推广");
    expect(hidden.status).toBe(302);
    expect((await page(id, people.member.cookie)).status).toBe(404);
    expect((await page(id)).status).toBe(404);
    expect((await page(id, people.outsider.cookie)).status).toBe(404);
    expect(
      (await to(id, "report", people.follower.cookie, { subjectType: "problem", subjectId: id, reason: "x" }))
        .status,
    ).toBe(404);
    const poster = await page(id, people.author.cookie);
    expect(poster.status).toBe(200);
    expect(text(poster.html)).toContain("此难题已被组织者隐藏，只有你和组织者能看到。理由：涉嫌广告推广");
    expect(text((await page(id, people.organizer.cookie)).html)).toContain("恢复此难题");
    expect((await page(id, people.admin.cookie)).status).toBe(200);

    expect(await reports(id)).toEqual([{ status: "hidden", reason: "与联盟无关", allianceId: alliance.id }]);
    const timeline = await database.db
      .select({ kind: problemEvents.kind, note: problemEvents.note, actorId: problemEvents.actorId })
      .from(problemEvents)
      .where(eq(problemEvents.problemId, id))
      .orderBy(asc(problemEvents.id));
    expect(timeline.at(-1)).toEqual({ kind: "hidden", note: "涉嫌广告推广", actorId: people.organizer.id });
    const audit = await database.db
      .select({
        action: auditLog.action,
        reason: auditLog.reason,
        actorId: auditLog.actorId,
        allianceId: auditLog.allianceId,
      })
      .from(auditLog)
      .where(eq(auditLog.subjectUserId, people.author.id));
    expect(audit).toContainEqual({
      action: "problem.hidden",
      reason: "涉嫌广告推广",
      actorId: people.organizer.id,
      allianceId: alliance.id,
    });
    expect(await notified(people.author.id, "problem.hidden")).toEqual([`/problems/${id}`]);
    const log = await server.fetch(`/alliances/${alliance.slug}/audit`, {
      headers: { cookie: people.organizer.cookie },
    });
    expect(text(await log.text())).toContain(
      `${people.organizer.name} 隐藏了 ${people.author.name} 发布的难题「伺服电机温升过高」`,
    );

    // Hiding twice changes nothing; restoring brings it back and leaves the report resolved.
    expect((await hide(id, people.organizer, ["problem", id], "再次隐藏")).status).toBe(302);
    expect(await notified(people.author.id, "problem.hidden")).toHaveLength(1);
    expect((await hide(id, people.organizer, ["problem", id], "核实后无问题", "restore")).status).toBe(302);
    expect((await page(id, people.member.cookie)).status).toBe(200);
    expect(text((await page(id, people.author.cookie)).html)).not.toContain("此难题已被组织者隐藏");
    expect(await reports(id)).toEqual([{ status: "hidden", reason: "与联盟无关", allianceId: alliance.id }]);
    const last = await database.db
      .select({ kind: problemEvents.kind, note: problemEvents.note })
      .from(problemEvents)
      .where(eq(problemEvents.problemId, id))
      .orderBy(asc(problemEvents.id));
    expect(last.map((e) => e.kind)).toEqual(["posted", "hidden", "restored"]);
    expect(audit.length).toBeGreaterThan(0);
  });

  it("hides a problem outside any alliance only by platform admins", async () => {
    const id = await newProblem({ allianceId: null });
    expect((await hide(id, people.organizer, ["problem", id], "无关内容")).status).toBe(403);
    expect((await hide(id, people.admin, ["problem", id], "无关内容")).status).toBe(302);
    expect((await page(id, people.organizer.cookie)).status).toBe(404);
  });

  it("replaces a hidden reply's text for everyone but its author and moderators; dismisses reports", async () => {
    const id = await newProblem();
    const spam = await reply(id, people.follower, "低价出售减速器，加微信");
    const fine = await reply(id, people.member, "正常的技术讨论");
    await to(id, "report", people.member.cookie, {
      subjectType: "problem_reply",
      subjectId: spam,
      reason: "广告",
    });
    await to(id, "report", people.author.cookie, {
      subjectType: "problem_reply",
      subjectId: spam,
      reason: "垃圾信息",
    });
    await to(id, "report", people.follower.cookie, {
      subjectType: "problem_reply",
      subjectId: fine,
      reason: "看不懂",
    });
    const panel = text((await page(id, people.organizer.cookie)).html);
    expect(panel).toContain("待处理的举报（3）");
    expect(panel).toContain(`${people.follower.name} 的回复 (2)`);

    expect((await hide(id, people.organizer, ["problem_reply", spam], "与本难题无关的广告")).status).toBe(
      302,
    );
    expect((await reports(spam)).map((r) => r.status)).toEqual(["hidden", "hidden"]);
    for (const viewer of [undefined, people.outsider.cookie, people.member.cookie, people.author.cookie]) {
      const shown = text((await page(id, viewer)).html);
      expect(shown).toContain("该回复已被组织者隐藏：与本难题无关的广告");
      expect(shown).not.toContain("低价出售减速器");
      expect(shown).toContain("正常的技术讨论");
    }
    for (const viewer of [people.follower.cookie, people.organizer.cookie]) {
      const shown = text((await page(id, viewer)).html);
      expect(shown).toContain("低价出售减速器");
      expect(shown).toContain("与本难题无关的广告");
    }
    expect(await notified(people.follower.id, "problem.reply_hidden")).toEqual([`/problems/${id}`]);
    const [audit] = await database.db
      .select({ action: auditLog.action, allianceId: auditLog.allianceId, data: auditLog.data })
      .from(auditLog)
      .where(
        and(eq(auditLog.action, "problem.reply.hidden"), eq(auditLog.subjectUserId, people.follower.id)),
      );
    expect(audit).toMatchObject({ allianceId: alliance.id, data: { problemId: id, replyId: spam } });

    const [open] = await database.db
      .select({ id: contentReports.id })
      .from(contentReports)
      .where(eq(contentReports.subjectId, fine));
    expect(
      (await to(id, "moderation", people.member.cookie, { intent: "dismiss", reportId: String(open.id) }))
        .status,
    ).toBe(403);
    expect(
      (await to(id, "moderation", people.organizer.cookie, { intent: "dismiss", reportId: String(open.id) }))
        .status,
    ).toBe(302);
    expect((await reports(fine)).map((r) => r.status)).toEqual(["dismissed"]);
    expect(text((await page(id, people.organizer.cookie)).html)).toContain("没有待处理的举报。");
    // A report of another problem cannot be dismissed from here.
    const other = await newProblem();
    await to(other, "report", people.member.cookie, {
      subjectType: "problem",
      subjectId: other,
      reason: "重复",
    });
    const [elsewhere] = await database.db
      .select({ id: contentReports.id })
      .from(contentReports)
      .where(eq(contentReports.subjectId, other));
    expect(
      (
        await to(id, "moderation", people.organizer.cookie, {
          intent: "dismiss",
          reportId: String(elsewhere.id),
        })
      ).status,
    ).toBe(404);

    expect((await hide(id, people.organizer, ["problem_reply", spam], "误判", "restore")).status).toBe(302);
    expect(text((await page(id)).html)).toContain("低价出售减速器");
    expect((await reports(spam)).map((r) => r.status)).toEqual(["hidden", "hidden"]);
  });

  it("sends hiding live to the problem's watchers", async () => {
    const id = await newProblem();
    const watcher = await connect(client(server.url, { cookie: people.member.cookie }));
    const seen: LiveActivity[] = [];
    watcher.on("activity", (activity) => seen.push(activity));
    try {
      expect((await subscribe(watcher, { topic: problemTopic(id), after: 1e12 })).ok).toBe(true);
      await hide(id, people.organizer, ["problem", id], "直播测试");
      await until(
        () => seen.some((a) => a.type === "problem.hidden" && a.actorId === people.organizer.id),
        "the hiding to reach the watcher",
      );
    } finally {
      watcher.disconnect();
    }
  });

  it("costs the page the same number of queries with many reports", async () => {
    const id = await newProblem();
    const cost = async () => {
      const counts: number[] = [];
      for (let i = 0; i < 3; i++)
        counts.push(
          await counter.count(async () => {
            const res = await server.fetch(`/problems/${id}`, {
              headers: { cookie: people.organizer.cookie },
            });
            expect(res.status).toBe(200);
            await res.text();
          }),
        );
      return Math.min(...counts);
    };
    const before = await cost();
    for (let n = 0; n < 5; n++) {
      const { user } = await createUser(database.db);
      const replyId = crypto.randomUUID();
      await database.db
        .insert(problemReplies)
        .values({ id: replyId, problemId: id, authorId: user.id, body: `回复${n}` });
      await database.db.insert(contentReports).values([
        {
          subjectType: "problem_reply",
          subjectId: replyId,
          allianceId: alliance.id,
          reporterId: user.id,
          reason: `理由${n}`,
        },
        {
          subjectType: "problem",
          subjectId: id,
          allianceId: alliance.id,
          reporterId: user.id,
          reason: `问题${n}`,
        },
      ]);
    }
    expect(await cost()).toBe(before);
    expect(text((await page(id, people.organizer.cookie)).html)).toContain("待处理的举报（10）");
  });
});
