import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { notifications } from "../../db/schema/index";
import { transact } from "~/models/activity.server";
import { notify, type NotificationInput } from "~/models/notifications.server";
import { startSession } from "~/utils/auth.server";
import { createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { useTestServer } from "../setup/server";
import { post } from "./auth-helpers";

describe("notifications", () => {
  const database = useTestDatabase();
  const server = useTestServer();
  const people = {
    a: { id: "", cookie: "" },
    b: { id: "", cookie: "" },
  };
  const alliance = {
    allianceNameZh: "天津市机器人产业联盟",
    allianceNameEn: "Tianjin Robotics Industry Alliance",
    allianceSlug: "robotics",
  };

  beforeAll(async () => {
    for (const who of ["a", "b"] as const) {
      const { user } = await createUser(database.db);
      people[who] = {
        id: user.id,
        cookie: (await startSession(server.services, user.id)).setCookie.split(";")[0],
      };
    }
  });

  beforeEach(async () => {
    await database.db.delete(notifications);
  });

  const send = (input: Omit<NotificationInput, "userId">, userId = people.a.id) =>
    transact(server.services, (tx, publish) => notify(tx, publish, { userId, ...input }));

  const ids = async (userId: string) =>
    (
      await database.db
        .select({ id: notifications.id })
        .from(notifications)
        .where(eq(notifications.userId, userId))
        .orderBy(notifications.id)
    ).map((row) => row.id);

  const unreadIds = async (userId: string) =>
    (
      await database.db
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    ).map((row) => row.id);

  const page = async (path: string, cookie: string | null, lang = "zh-CN") => {
    const res = await server.fetch(path, {
      headers: { ...(cookie ? { cookie } : {}), "accept-language": lang },
    });
    return { status: res.status, location: res.headers.get("location"), html: await res.text() };
  };

  const act = (fields: Record<string, string>, cookie = people.a.cookie, path = "/notifications") =>
    server.fetch(path, post(fields, { cookie }));

  it("sends visitors to log in, and shows them no bell", async () => {
    const res = await page("/notifications", null);
    expect(res.status).toBe(302);
    expect(res.location).toBe("/login?redirectTo=%2Fnotifications");
    expect((await act({ intent: "readAll" }, "")).status).toBe(302);
    expect((await page("/", null)).html).not.toContain('href="/notifications"');
  });

  it("shows the unread count on the bell in every page's header, in the reader's language", async () => {
    expect((await page("/", people.a.cookie)).html).toMatch(
      /<a[^>]*aria-label="通知"[^>]*href="\/notifications"/,
    );
    await send({
      type: "membership.approved",
      data: { ...alliance, reason: "" },
      href: "/alliances/robotics",
    });
    await send({
      type: "membership.invited",
      data: { ...alliance, inviter: "王磊" },
      href: "/alliances/robotics",
    });
    await send({ type: "membership.approved", data: alliance }, people.b.id);
    const zh = await page("/alliances", people.a.cookie);
    expect(zh.html).toContain('aria-label="通知（2 条未读）"');
    const en = await page("/", people.a.cookie, "en");
    expect(en.html).toContain('aria-label="Notifications (2 unread)"');
    expect((await page("/", people.b.cookie)).html).toContain('aria-label="通知（1 条未读）"');
  });

  it("lists them newest first, worded per type in the reader's language, unread ones marked", async () => {
    await send({
      type: "membership.requested",
      data: { ...alliance, applicant: "李娜" },
      href: "/alliances/robotics/requests",
    });
    await send({
      type: "membership.rejected",
      data: { ...alliance, reason: "资料不全" },
      href: "/alliances/robotics",
    });
    await send({
      type: "membership.role_changed",
      data: { ...alliance, from: "member", role: "organizer", reason: "" },
      href: "/alliances/robotics",
    });
    await send({ type: "membership.removed", data: { ...alliance, reason: "长期未参与" } });
    await send({ type: "org.something_new", data: { whatever: 1 }, href: "/orgs" });
    const [first] = await ids(people.a.id);
    await database.db.update(notifications).set({ readAt: new Date() }).where(eq(notifications.id, first));

    const zh = await page("/notifications", people.a.cookie);
    expect(zh.status).toBe(200);
    const order = [
      "您有一条新通知。",
      "您已被移出「天津市机器人产业联盟」。",
      "您在「天津市机器人产业联盟」的角色由成员改为组织者。",
      "您加入「天津市机器人产业联盟」的申请未获通过。",
      "李娜 申请加入「天津市机器人产业联盟」。",
    ];
    const positions = order.map((text) => zh.html.indexOf(text));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
    expect(zh.html).toContain("理由：资料不全");
    expect(zh.html).toContain("刚刚");
    expect(zh.html.match(/data-read="false"/g)).toHaveLength(4);
    expect(zh.html).toMatch(new RegExp(`data-notification="${first}" data-read="true"`));

    const en = await page("/notifications", people.a.cookie, "en");
    expect(en.html).toContain(
      "Your role in Tianjin Robotics Industry Alliance changed from member to organizer.",
    );
    expect(en.html).toContain("You have a new notification.");
    expect(en.html).toContain("Reason: 长期未参与");
    expect(en.html).toContain("<title>Notifications · ");
  });

  it("marks one read when followed and leads to where it points", async () => {
    await send({ type: "membership.approved", data: alliance, href: "/alliances/robotics" });
    const [id] = await ids(people.a.id);
    const res = await act({ intent: "read", id: String(id), href: "/alliances/robotics" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/alliances/robotics");
    expect(await unreadIds(people.a.id)).toEqual([]);
  });

  it.each(["//evil.example/x", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "/a\nb"])(
    "never redirects off the site (%j)",
    async (href) => {
      await send({ type: "membership.approved", data: alliance, href: "/alliances/robotics" });
      const [id] = await ids(people.a.id);
      const res = await act({ intent: "read", id: String(id), href });
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("/notifications");
    },
  );

  it("lets nobody mark another user's notification read", async () => {
    await send({ type: "membership.approved", data: alliance, href: "/alliances/robotics" });
    const [id] = await ids(people.a.id);
    const res = await act({ intent: "read", id: String(id), href: "/" }, people.b.cookie);
    expect(res.status).toBe(303);
    expect(await unreadIds(people.a.id)).toEqual([id]);
    expect((await page("/", people.a.cookie)).html).toContain('aria-label="通知（1 条未读）"');
  });

  it("marks all of one's own read, and nobody else's", async () => {
    await send({ type: "membership.approved", data: alliance });
    await send({ type: "membership.removed", data: alliance });
    await send({ type: "membership.approved", data: alliance }, people.b.id);
    const res = await act({ intent: "readAll" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/notifications");
    expect(await unreadIds(people.a.id)).toEqual([]);
    expect(await unreadIds(people.b.id)).toHaveLength(1);
    const after = await page("/notifications", people.a.cookie);
    expect(after.html).toContain('aria-label="通知"');
    expect(after.html).not.toContain("全部标为已读");
  });

  it("refuses a malformed submission with a 400 and changes nothing", async () => {
    await send({ type: "membership.approved", data: alliance });
    const malformed: Record<string, string>[] = [
      { intent: "read", id: "abc" },
      { intent: "read" },
      { intent: "delete" },
      {},
    ];
    for (const fields of malformed) {
      expect((await act(fields)).status).toBe(400);
    }
    expect(await unreadIds(people.a.id)).toHaveLength(1);
  });

  it("pages through older notifications with before=<id>", async () => {
    for (let i = 1; i <= 33; i++) {
      await send({ type: "membership.invited", data: { ...alliance, inviter: `邀请人${i}号` } });
    }
    const all = await ids(people.a.id);
    const first = await page("/notifications", people.a.cookie);
    expect(first.html).toContain("邀请人33号 邀请您");
    expect(first.html).toContain("邀请人4号 邀请您");
    expect(first.html).not.toContain("邀请人3号 邀请您");
    const next = first.html.match(/href="\/notifications\?before=(\d+)"/)?.[1];
    expect(Number(next)).toBe(all[3]);
    const second = await page(`/notifications?before=${next}`, people.a.cookie);
    expect(second.html).toContain("邀请人3号 邀请您");
    expect(second.html).toContain("邀请人1号 邀请您");
    expect(second.html).not.toContain("邀请人4号 邀请您");
    expect(second.html).not.toContain('href="/notifications?before=');
    expect(second.html).toContain("回到最新通知");
    // A cursor that is not an id shows the first page rather than an error.
    expect((await page("/notifications?before=abc", people.a.cookie)).html).toContain("邀请人33号 邀请您");
  });
});
