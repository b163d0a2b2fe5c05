import crypto from "node:crypto";
import { and, asc, desc, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  activity,
  auditLog,
  channelMembers,
  channels,
  contentReports,
  notifications,
} from "../../db/schema/index";
import { channelAccess } from "~/models/channel-access.server";
import { messageView } from "~/models/channel-message-view.server";
import { sendMessage } from "~/models/channel-messages.server";
import type { LiveSocket } from "~/realtime/live-client";
import { allianceTopic, channelTopic } from "~/realtime/topics";
import type { LiveActivity } from "~/realtime/types";
import { addMember, createAlliance, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { client, connect, signIn, subscribe, until } from "../setup/live";
import { useTestServer } from "../setup/server";
import { alertText, fieldErrors, post } from "./auth-helpers";

/** Organizers opening, changing, archiving channels and choosing who is in a private one; reports and hiding. */
describe("channel management and moderation", () => {
  const database = useTestDatabase();
  const server = useTestServer();

  type Person = { id: string; cookie: string; name: string };
  const people = {
    organizer: {} as Person,
    member: {} as Person,
    other: {} as Person,
    outsider: {} as Person,
  };
  let alliance: Awaited<ReturnType<typeof createAlliance>>;
  let generalId: string;
  const sockets: LiveSocket[] = [];

  beforeAll(async () => {
    const { db } = database;
    alliance = await createAlliance(db);
    const person = async (role: "organizer" | "member" | null): Promise<Person> => {
      const { user } = await createUser(db);
      if (role) await addMember(db, { allianceId: alliance.id, userId: user.id, role });
      return { id: user.id, name: user.displayName, cookie: (await signIn(server.services, user.id)).cookie };
    };
    people.organizer = await person("organizer");
    people.member = await person("member");
    people.other = await person("member");
    people.outsider = await person(null);
    const [general] = await db
      .select({ id: channels.id })
      .from(channels)
      .where(and(eq(channels.allianceId, alliance.id), eq(channels.kind, "general")));
    generalId = general.id;
  });

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });

  const viewer = (p: Person) => ({ id: p.id, platformRole: null });
  const form = (fields: Record<string, string>, lists: Record<string, string[]> = {}) => {
    const body = new URLSearchParams(fields);
    for (const [name, values] of Object.entries(lists)) for (const value of values) body.append(name, value);
    return body;
  };
  const submit = (path: string, who: Person | null, body: URLSearchParams) =>
    server.fetch(path, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...(who ? { cookie: who.cookie } : {}),
      },
      body,
    });
  const page = async (path: string, who: Person | null) => {
    const res = await server.fetch(path, { headers: who ? { cookie: who.cookie } : {} });
    return { status: res.status, location: res.headers.get("location"), html: await res.text() };
  };
  /** The values of the ticked boxes or radios named `name`, as rendered. */
  const checked = (html: string, name: string) =>
    [...html.matchAll(new RegExp(`<input[^>]*name="${name}"[^>]*>`, "g"))]
      .map(([tag]) => tag)
      .filter((tag) => tag.includes('checked=""'))
      .map((tag) => /value="([^"]*)"/.exec(tag)?.[1]);
  const newPath = () => `/alliances/${alliance.slug}/channels/new`;
  const channelBySlug = async (slug: string) => {
    const [row] = await database.db
      .select()
      .from(channels)
      .where(and(eq(channels.allianceId, alliance.id), eq(channels.slug, slug)));
    return row;
  };
  const audits = (action: string, channelId: string) =>
    database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.allianceId, alliance.id)))
      .orderBy(asc(auditLog.id))
      .then((rows) => rows.filter((row) => row.data.channelId === channelId));
  const invited = async (channelId: string) =>
    (
      await database.db
        .select({ userId: channelMembers.userId })
        .from(channelMembers)
        .where(eq(channelMembers.channelId, channelId))
    )
      .map((r) => r.userId)
      .sort();
  const send = (who: Person, channelId: string, body: string) =>
    sendMessage(server.services, viewer(who), { channelId, body, clientKey: crypto.randomUUID() });
  const create = async (fields: Record<string, string>, members: string[] = []) => {
    const res = await submit(newPath(), people.organizer, form(fields, { members }));
    expect(res.status).toBe(303);
    return res.headers.get("location")!.replace("/channels/", "");
  };

  describe("creating", () => {
    it("opens an open channel with a slug made from its name, audited and announced", async () => {
      const res = await submit(
        newPath(),
        people.organizer,
        form({ name: "Motor Heat 电机温升", description: "讨论伺服电机温升。", kind: "open" }),
      );
      expect(res.status).toBe(303);
      const row = await channelBySlug("motor-heat");
      expect(res.headers.get("location")).toBe(`/channels/${row.id}`);
      expect(row).toMatchObject({
        name: "Motor Heat 电机温升",
        kind: "open",
        description: "讨论伺服电机温升。",
      });
      expect(await audits("channel.created", row.id)).toHaveLength(1);
      const [announced] = await database.db
        .select()
        .from(activity)
        .where(and(eq(activity.topic, allianceTopic(alliance.id)), eq(activity.type, "channel.created")))
        .orderBy(desc(activity.id))
        .limit(1);
      expect(announced.payload).toEqual({ channelId: row.id });
      // Every member sees it, as they see #general.
      expect(await channelAccess(database.db, viewer(people.other), row.id)).not.toBeNull();
    });

    it("refuses a taken slug with a 400 that keeps every typed value", async () => {
      const res = await submit(
        newPath(),
        people.organizer,
        form(
          { name: "第二个频道", slug: "general", description: "保留的简介", kind: "private" },
          {
            members: [people.member.id],
          },
        ),
      );
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(fieldErrors(html, "channel-create", "slug")).toBe("本联盟已有使用这个标识的频道，请换一个。");
      expect(html).toMatch(/name="name"[^>]*value="第二个频道"/);
      expect(html).toMatch(/name="slug"[^>]*value="general"/);
      expect(html).toMatch(/<textarea[^>]*name="description"[^>]*>保留的简介<\/textarea>/);
      expect(checked(html, "kind")).toEqual(["private"]);
      expect(checked(html, "members")).toEqual([people.member.id]);
    });

    it("refuses a slug made from a name when another channel has it (400, not 500)", async () => {
      await create({ name: "Quality", kind: "open" });
      const res = await submit(newPath(), people.organizer, form({ name: "Quality", kind: "open" }));
      expect(res.status).toBe(400);
      expect(fieldErrors(await res.text(), "channel-create", "slug")).toBe(
        "根据名称生成的标识已被本联盟的其他频道使用，请填写一个标识。",
      );
    });

    it.each([
      ["name", { name: "" }, "请填写频道名称。"],
      ["name", { name: "长".repeat(61) }, "频道名称最多 60 个字。"],
      ["slug", { slug: "Bad Slug" }, "标识只能包含小写字母、数字和单个连字符，最多 60 个字符。"],
      ["description", { description: "长".repeat(501) }, "简介最多 500 个字。"],
      ["kind", { kind: "secret" }, "请选择公开或私密。"],
    ])("refuses a bad %s with a 400 naming it", async (field, overrides, message) => {
      const res = await submit(
        newPath(),
        people.organizer,
        form({ name: "坏输入", slug: "bad-input", kind: "open", ...overrides }),
      );
      expect(res.status).toBe(400);
      expect(fieldErrors(await res.text(), "channel-create", field)).toBe(message);
      expect(await channelBySlug("bad-input")).toBeUndefined();
    });

    it("lets only organizers in: members and outsiders get 403, visitors log in", async () => {
      for (const who of [people.member, people.outsider]) {
        expect((await page(newPath(), who)).status).toBe(403);
        const res = await submit(newPath(), who, form({ name: "越权", slug: "not-allowed", kind: "open" }));
        expect(res.status).toBe(403);
      }
      const visitor = await page(newPath(), null);
      expect(visitor.status).toBe(302);
      expect(visitor.location).toMatch(/^\/login\?redirectTo=/);
      expect(await channelBySlug("not-allowed")).toBeUndefined();
      expect((await page(newPath(), people.organizer)).status).toBe(200);
    });

    it("opens a private channel for the creator and the chosen members only, who are notified", async () => {
      const id = await create({ name: "核心小组", slug: "core", kind: "private" }, [people.member.id]);
      expect(await invited(id)).toEqual([people.organizer.id, people.member.id].sort());
      const [told] = await database.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, people.member.id), eq(notifications.type, "channel.invited")));
      expect(told).toMatchObject({ href: `/channels/${id}` });
      expect(told.data).toMatchObject({ channel: "核心小组", inviter: people.organizer.name });
      expect(await audits("channel.member_invited", id)).toHaveLength(1);
      // Not announced on the alliance's topic, which anyone signed in may follow.
      const announced = await database.db
        .select()
        .from(activity)
        .where(and(eq(activity.topic, allianceTopic(alliance.id)), eq(activity.type, "channel.created")));
      expect(announced.map((a) => a.payload.channelId)).not.toContain(id);

      // Someone not invited: it does not exist, at its address, its settings and its topic.
      expect(await channelAccess(database.db, viewer(people.other), id)).toBeNull();
      expect((await page(`/channels/${id}`, people.other)).status).toBe(404);
      expect((await page(`/channels/${id}/settings`, people.other)).status).toBe(404);
      const socket = await connect(client(server.url, { cookie: people.other.cookie }));
      sockets.push(socket);
      expect(await subscribe(socket, { topic: channelTopic(id), after: 0 })).toMatchObject({
        ok: false,
        error: { code: "not_found" },
      });
      // The member invited reads it.
      expect(await channelAccess(database.db, viewer(people.member), id)).not.toBeNull();
    });

    it("refuses to invite someone who is not an active member, keeping the choice", async () => {
      const res = await submit(
        newPath(),
        people.organizer,
        form({ name: "外人", slug: "with-outsider", kind: "private" }, { members: [people.outsider.id] }),
      );
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(fieldErrors(html, "channel-create", "members")).toContain("只能邀请本联盟的正式成员");
      expect(html).toMatch(/name="name"[^>]*value="外人"/);
      expect(await channelBySlug("with-outsider")).toBeUndefined();
    });
  });

  describe("settings", () => {
    const settings = (id: string) => `/channels/${id}/settings`;

    it("renames a channel; #general keeps its kind and cannot be archived", async () => {
      const id = await create({ name: "旧名称", slug: "renamed", kind: "open" });
      const res = await submit(
        settings(id),
        people.organizer,
        form({ intent: "save", name: "新名称", description: "新的简介", kind: "open" }),
      );
      expect(res.status).toBe(303);
      expect(await channelBySlug("renamed")).toMatchObject({ name: "新名称", description: "新的简介" });
      const [entry] = await audits("channel.updated", id);
      expect(entry.data).toMatchObject({ from: { name: "旧名称" }, to: { name: "新名称" } });

      const privateGeneral = await submit(
        settings(generalId),
        people.organizer,
        form({ intent: "save", name: "general", kind: "private" }),
      );
      expect(privateGeneral.status).toBe(400);
      expect(alertText(await privateGeneral.text())).toContain("#general 是全体成员的频道");
      const archiveGeneral = await submit(settings(generalId), people.organizer, form({ intent: "archive" }));
      expect(archiveGeneral.status).toBe(400);
      const [general] = await database.db.select().from(channels).where(eq(channels.id, generalId));
      expect(general).toMatchObject({ kind: "general", archivedAt: null });
    });

    it("keeps every typed value when a rename is refused", async () => {
      const res = await submit(
        settings(generalId),
        people.organizer,
        form({ intent: "save", name: "", description: "写了一半的简介" }),
      );
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(fieldErrors(html, "channel-edit", "name")).toBe("请填写频道名称。");
      expect(html).toMatch(/<textarea[^>]*name="description"[^>]*>写了一半的简介<\/textarea>/);
    });

    it("archiving makes posting forbidden until the channel is restored", async () => {
      const id = await create({ name: "归档测试", slug: "to-archive", kind: "open" });
      expect((await send(people.member, id, "归档前")).ok).toBe(true);
      const res = await submit(settings(id), people.organizer, form({ intent: "archive" }));
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe(`${settings(id)}?done=archived`);
      expect((await channelBySlug("to-archive")).archivedAt).not.toBeNull();
      expect(await send(people.member, id, "归档后")).toMatchObject({
        ok: false,
        error: { code: "forbidden" },
      });
      expect((await channelAccess(database.db, viewer(people.member), id))?.post).toBe(false);
      expect(await audits("channel.archived", id)).toHaveLength(1);

      expect((await submit(settings(id), people.organizer, form({ intent: "unarchive" }))).status).toBe(303);
      expect((await send(people.member, id, "恢复后")).ok).toBe(true);
      expect(await audits("channel.unarchived", id)).toHaveLength(1);
    });

    it("invites to and removes from a private channel; only active members can be invited", async () => {
      const id = await create({ name: "邀请测试", slug: "invites", kind: "private" });
      expect(await invited(id)).toEqual([people.organizer.id]);
      const outsider = await submit(
        settings(id),
        people.organizer,
        form({ intent: "invite" }, { members: [people.outsider.id] }),
      );
      expect(outsider.status).toBe(400);
      expect(fieldErrors(await outsider.text(), "channel-invite", "members")).toContain("正式成员");

      const res = await submit(
        settings(id),
        people.organizer,
        form({ intent: "invite" }, { members: [people.member.id, people.other.id] }),
      );
      expect(res.status).toBe(303);
      expect(await invited(id)).toEqual([people.organizer.id, people.member.id, people.other.id].sort());
      const settingsPage = await page(settings(id), people.organizer);
      expect(settingsPage.html).toContain(people.other.name);

      const removed = await submit(
        settings(id),
        people.organizer,
        form({ intent: "remove", userId: people.other.id }),
      );
      expect(removed.status).toBe(303);
      expect(await invited(id)).toEqual([people.organizer.id, people.member.id].sort());
      expect(await channelAccess(database.db, viewer(people.other), id)).toBeNull();
      expect(await audits("channel.member_removed", id)).toHaveLength(1);

      // An open channel has nobody to invite.
      const open = await submit(
        settings(generalId),
        people.organizer,
        form({ intent: "invite" }, { members: [people.member.id] }),
      );
      expect(open.status).toBe(400);
    });

    it("is for organizers: a member gets 403, an outsider 404, a bad id 404", async () => {
      expect((await page(settings(generalId), people.member)).status).toBe(403);
      expect(
        (await submit(settings(generalId), people.member, form({ intent: "save", name: "夺权" }))).status,
      ).toBe(403);
      expect((await page(settings(generalId), people.outsider)).status).toBe(404);
      expect((await page(settings("not-a-uuid"), people.organizer)).status).toBe(404);
      expect((await page(settings(crypto.randomUUID()), people.organizer)).status).toBe(404);
    });
  });

  describe("reports and moderation", () => {
    const report = (who: Person, channelId: string, fields: Record<string, string>) =>
      server.fetch(`/channels/${channelId}/report`, post(fields, { cookie: who.cookie }));
    const moderate = (who: Person, channelId: string, fields: Record<string, string>) =>
      server.fetch(`/channels/${channelId}/moderation`, post(fields, { cookie: who.cookie }));
    const reportsOf = (messageId: string) =>
      database.db
        .select()
        .from(contentReports)
        .where(eq(contentReports.subjectId, messageId))
        .orderBy(asc(contentReports.id));

    it("report → queue → hide with a reason: readers see it hidden with the reason, live, and it is audited", async () => {
      const sent = await send(people.member, generalId, "买我们的产品，加微信。");
      if (!sent.ok) throw new Error("send failed");
      const messageId = sent.message.id;

      const first = await report(people.other, generalId, { messageId, reason: "广告。" });
      expect(first.status).toBe(200);
      expect(await first.json()).toMatchObject({ reported: true });
      const again = await report(people.other, generalId, { messageId, reason: "还是广告。" });
      expect(again.status).toBe(409);
      expect(JSON.stringify(await again.json())).toContain("channelAdmin.report.already");
      expect((await report(people.other, generalId, { messageId, reason: "" })).status).toBe(400);
      expect((await report(people.outsider, generalId, { messageId, reason: "外人" })).status).toBe(404);
      expect(await reportsOf(messageId)).toMatchObject([
        {
          subjectType: "channel_message",
          allianceId: alliance.id,
          reporterId: people.other.id,
          status: "open",
        },
      ]);

      const queue = await page(`/channels/${generalId}/moderation`, people.organizer);
      expect(queue.status).toBe(200);
      expect(queue.html).toContain("广告。");
      expect(queue.html).toContain(people.other.name);
      expect(queue.html).toContain("买我们的产品");
      expect((await page(`/channels/${generalId}/moderation`, people.member)).status).toBe(403);

      // A reader following the channel hears the decision.
      const socket = await connect(client(server.url, { cookie: people.other.cookie }));
      sockets.push(socket);
      const heard: LiveActivity[] = [];
      socket.on("activity", (a) => heard.push(a));
      expect((await subscribe(socket, { topic: channelTopic(generalId), after: 0 })).ok).toBe(true);
      heard.length = 0;

      expect(
        (await moderate(people.member, generalId, { intent: "hide", messageId, reason: "越权" })).status,
      ).toBe(403);
      const noReason = await moderate(people.organizer, generalId, {
        intent: "hide",
        messageId,
        reason: " ",
      });
      expect(noReason.status).toBe(400);
      const hidden = await moderate(people.organizer, generalId, {
        intent: "hide",
        messageId,
        reason: "商业广告",
      });
      expect(hidden.status).toBe(303);

      const view = await messageView(database.db, people.other.id, messageId);
      expect(view).toMatchObject({ state: "hidden", hiddenReason: "商业广告", bodyHtml: "" });
      expect(await reportsOf(messageId)).toMatchObject([
        { status: "hidden", resolvedById: people.organizer.id },
      ]);
      const [entry] = await audits("channel.message_hidden", generalId);
      expect(entry).toMatchObject({
        actorId: people.organizer.id,
        subjectUserId: people.member.id,
        reason: "商业广告",
      });
      expect(entry.data).toMatchObject({ messageId });
      await until(() => heard.some((a) => a.type === "message.updated"), "message.updated");
      const live = heard.find((a) => a.type === "message.updated")!;
      expect(live.payload).toMatchObject({
        message: { id: messageId, state: "hidden", hiddenReason: "商业广告", bodyHtml: "", body: null },
      });
      const [told] = await database.db
        .select()
        .from(notifications)
        .where(
          and(eq(notifications.userId, people.member.id), eq(notifications.type, "channel.message_hidden")),
        );
      expect(told.data).toMatchObject({ reason: "商业广告", channel: "general" });

      // Out of the queue, into the hidden list, from which it can be restored.
      const after = await page(`/channels/${generalId}/moderation`, people.organizer);
      expect(after.html).toContain("已隐藏，理由：商业广告");
      expect((await moderate(people.organizer, generalId, { intent: "restore", messageId })).status).toBe(
        303,
      );
      expect(await messageView(database.db, people.other.id, messageId)).toMatchObject({
        state: "visible",
        hiddenReason: null,
      });
      expect(await audits("channel.message_restored", generalId)).toHaveLength(1);
    });

    it("dismissing a report closes it, leaves the message as it is, and is audited", async () => {
      const sent = await send(people.member, generalId, "正常的技术讨论。");
      if (!sent.ok) throw new Error("send failed");
      const messageId = sent.message.id;
      expect((await report(people.other, generalId, { messageId, reason: "误报" })).status).toBe(200);
      const [open] = await reportsOf(messageId);

      // A report belongs to its channel: another channel's moderation cannot reach it.
      const elsewhere = await create({ name: "别处", slug: "elsewhere", kind: "open" });
      expect(
        (await moderate(people.organizer, elsewhere, { intent: "dismiss", reportId: String(open.id) }))
          .status,
      ).toBe(404);

      const res = await moderate(people.organizer, generalId, {
        intent: "dismiss",
        reportId: String(open.id),
      });
      expect(res.status).toBe(303);
      expect(await reportsOf(messageId)).toMatchObject([
        { status: "dismissed", resolvedById: people.organizer.id },
      ]);
      expect((await messageView(database.db, null, messageId))?.state).toBe("visible");
      const dismissed = (await audits("channel.report_dismissed", generalId)).filter(
        (row) => row.data.messageId === messageId,
      );
      expect(dismissed).toHaveLength(1);
      expect((await page(`/channels/${generalId}/moderation`, people.organizer)).html).not.toContain("误报");
    });
  });
});
