import { and, asc, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  inquiries,
  inquiryMessages,
  notificationPreferences,
  notifications,
  resources,
} from "../../db/schema/index";
import { insertProblem } from "~/models/problems.server";
import type { LiveActivity } from "~/realtime/types";
import { inquiryTopic } from "~/realtime/topics";
import {
  addMember,
  addRepresentative,
  createAlliance,
  createOrganization,
  createResource,
  createUser,
} from "../factories";
import { useTestDatabase } from "../setup/database";
import { client, connect, signIn, subscribe, until } from "../setup/live";
import { useTestServer } from "../setup/server";
import { fieldErrors, post } from "./auth-helpers";

/**
 * Inquiries about resources: asking, the thread between asker and provider, decisions, live delivery,
 * and that nobody else — organizers and platform admins included — learns what was said.
 */
describe("inquiries", () => {
  const database = useTestDatabase();
  const server = useTestServer();

  type Person = { id: string; cookie: string; name: string };
  const people = {
    asker: {} as Person,
    other: {} as Person,
    contact: {} as Person,
    rep: {} as Person,
    organizer: {} as Person,
    admin: {} as Person,
    outsider: {} as Person,
  };
  let alliance: Awaited<ReturnType<typeof createAlliance>>;
  let org: Awaited<ReturnType<typeof createOrganization>>;

  beforeAll(async () => {
    const { db } = database;
    alliance = await createAlliance(db);
    org = await createOrganization(db, { nameZh: "精工传动", nameEn: "Precision Drive" });
    const person = async (displayName: string, platformRole: "admin" | null = null): Promise<Person> => {
      const { user } = await createUser(db, { displayName, platformRole });
      return { id: user.id, cookie: (await signIn(server.services, user.id)).cookie, name: displayName };
    };
    people.asker = await person("询价人甲");
    people.other = await person("询价人乙");
    people.contact = await person("联系人丙");
    people.rep = await person("代表丁");
    people.organizer = await person("组织者戊");
    people.admin = await person("平台管理员", "admin");
    people.outsider = await person("局外人己");
    await addMember(db, { allianceId: alliance.id, userId: people.asker.id });
    await addMember(db, { allianceId: alliance.id, userId: people.other.id });
    await addMember(db, { allianceId: alliance.id, userId: people.organizer.id, role: "organizer" });
    await addRepresentative(db, { orgId: org.id, userId: people.contact.id, role: "representative" });
    await addRepresentative(db, { orgId: org.id, userId: people.rep.id, role: "admin" });
  });

  /** An alliance-only offer of the provider, with the contact person inquiries go to. */
  const newResource = (overrides: Partial<Parameters<typeof createResource>[1]> = {}) =>
    createResource(database.db, {
      orgId: org.id,
      title: "谐波减速器柔轮喷丸强化服务",
      contactUserId: people.contact.id,
      visibility: "alliance",
      allianceIds: [alliance.id],
      ...overrides,
    });
  const question = {
    message: "能否在 **17 型柔轮**上先做一批验证？周期和费用大概如何？",
    intendedUse: "协作机器人关节的寿命对比试验。",
  };
  const send = (path: string, who: Person | undefined, fields: Record<string, string>) =>
    server.fetch(path, post(fields, who ? { cookie: who.cookie } : {}));
  const ask = (resourceId: string, who: Person | undefined, fields: Record<string, string> = {}) =>
    send(`/resources/${resourceId}/inquiries`, who, { ...question, ...fields });
  const act = (inquiryId: string, who: Person, fields: Record<string, string>) =>
    send(`/inquiries/${inquiryId}`, who, fields);
  const page = async (path: string, who?: Person) => {
    const res = await server.fetch(path, { headers: who ? { cookie: who.cookie } : {} });
    return { status: res.status, html: await res.text(), location: res.headers.get("location") };
  };
  const idFrom = (res: Response) => {
    expect(res.status).toBe(303);
    const match = /^\/inquiries\/([0-9a-f-]{36})$/.exec(res.headers.get("location") ?? "");
    expect(match, `redirect to ${res.headers.get("location")}`).not.toBeNull();
    return match![1];
  };
  const inquiryRow = async (id: string) =>
    (await database.db.select().from(inquiries).where(eq(inquiries.id, id)))[0];
  const countOf = async (resourceId: string) =>
    (await database.db.select().from(resources).where(eq(resources.id, resourceId)))[0].inquiryCount;
  const notificationsOf = (who: Person, type: string) =>
    database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, who.id), eq(notifications.type, type)))
      .orderBy(asc(notifications.id));

  it("runs the whole flow: ask, answer, reply, accept, with the other side told each time", async () => {
    const resource = await newResource();
    const problemId = await insertProblem(database.db, {
      authorId: people.asker.id,
      title: "柔轮齿根疲劳开裂",
      body: "正文",
      visibility: "public",
      urgency: "normal",
      nodeIds: [],
      tags: [],
    });
    const id = idFrom(await ask(resource.id, people.asker, { problemId }));
    expect(await inquiryRow(id)).toMatchObject({
      askerId: people.asker.id,
      problemId,
      status: "open",
      message: question.message,
      intendedUse: question.intendedUse,
    });
    expect(await countOf(resource.id)).toBe(1);
    // The contact person hears of it; the other representative does not (there is a contact).
    expect(await notificationsOf(people.contact, "resource.inquiry")).toHaveLength(1);
    expect((await notificationsOf(people.contact, "resource.inquiry"))[0].href).toBe(`/inquiries/${id}`);
    expect(await notificationsOf(people.rep, "resource.inquiry")).toHaveLength(0);

    // Both sides read it; the provider sees the question rendered and the asker's problem.
    const forProvider = await page(`/inquiries/${id}`, people.rep);
    expect(forProvider.status).toBe(200);
    expect(forProvider.html).toContain("<strong>17 型柔轮</strong>");
    expect(forProvider.html).toContain("柔轮齿根疲劳开裂");
    expect(forProvider.html).toContain('value="accept"');
    const forAsker = await page(`/inquiries/${id}`, people.asker);
    expect(forAsker.html).toContain('value="withdraw"');
    expect(forAsker.html).not.toContain('value="accept"');

    expect((await act(id, people.rep, { intent: "message", body: "可以做，三周出样。" })).status).toBe(200);
    expect((await inquiryRow(id)).status).toBe("answered");
    expect(await notificationsOf(people.asker, "inquiry.message")).toHaveLength(1);

    expect((await act(id, people.asker, { intent: "message", body: "好的，费用如何分担？" })).status).toBe(
      200,
    );
    expect((await inquiryRow(id)).status).toBe("open");
    expect(await notificationsOf(people.contact, "inquiry.message")).toHaveLength(1);

    const accepted = await act(id, people.contact, { intent: "accept", note: "按联合攻关分担。" });
    expect(accepted.status).toBe(303);
    expect(await inquiryRow(id)).toMatchObject({ status: "accepted" });
    expect((await inquiryRow(id)).decidedAt).not.toBeNull();
    const told = await notificationsOf(people.asker, "inquiry.status");
    expect(told).toHaveLength(1);
    expect(told[0].data).toMatchObject({ outcome: "accepted", resource: resource.title });

    const thread = await database.db
      .select({ body: inquiryMessages.body, authorId: inquiryMessages.authorId })
      .from(inquiryMessages)
      .where(eq(inquiryMessages.inquiryId, id))
      .orderBy(asc(inquiryMessages.id));
    expect(thread).toEqual([
      { body: "可以做，三周出样。", authorId: people.rep.id },
      { body: "好的，费用如何分担？", authorId: people.asker.id },
      { body: "按联合攻关分担。", authorId: people.contact.id },
    ]);
    // An accepted inquiry goes on; only the decision buttons are gone.
    expect((await act(id, people.asker, { intent: "message", body: "收到。" })).status).toBe(200);
    expect((await inquiryRow(id)).status).toBe("accepted");
    const after = await page(`/inquiries/${id}`, people.asker);
    expect(after.html).toContain('value="message"');
    expect(after.html).not.toContain('value="withdraw"');

    const english = await server.fetch("/notifications", {
      headers: { cookie: people.asker.cookie, "accept-language": "en" },
    });
    expect(await english.text()).toContain(`accepted the inquiry about &quot;${resource.title}&quot;`);
  });

  it("shows the inquiry panel on the resource page to each kind of viewer", async () => {
    const resource = await newResource({ title: "五轴加工中心机时" });
    const path = `/resources/${resource.id}`;
    const before = await page(path, people.asker);
    expect(before.status).toBe(200);
    expect(before.html).toContain('id="inquiry-ask"');
    expect(before.html).toContain(`action="/resources/${resource.id}/inquiries"`);
    const id = idFrom(await ask(resource.id, people.asker));
    const mine = await page(path, people.asker);
    expect(mine.html).toContain(`href="/inquiries/${id}"`);
    expect(mine.html).not.toContain('id="inquiry-ask"');
    const provider = await page(path, people.contact);
    expect(provider.html).toContain("已收到 1 条询价，1 条待回复。");
    expect(provider.html).toContain('href="/inquiries?side=received"');
    expect(provider.html).not.toContain('id="inquiry-ask"');
    // The organizer may ask too, but learns nothing of the asker's inquiry.
    const organizer = await page(path, people.organizer);
    expect(organizer.html).not.toContain(`/inquiries/${id}`);
    const publicOne = await newResource({ visibility: "public", allianceIds: [] });
    const visitor = await page(`/resources/${publicOne.id}`);
    expect(visitor.html).toContain(
      `href="/login?${new URLSearchParams({ redirectTo: `/resources/${publicOne.id}` }).toString().replace(/&/g, "&amp;")}"`,
    );
  });

  it("lists sent and received inquiries with a status filter", async () => {
    const resource = await newResource({ title: "精密齿轮检测实验室机时" });
    const id = idFrom(await ask(resource.id, people.other));
    const sent = await page("/inquiries?side=sent", people.other);
    expect(sent.status).toBe(200);
    expect(sent.html).toContain(`/inquiries/${id}`);
    const received = await page("/inquiries?side=received", people.rep);
    expect(received.html).toContain(`/inquiries/${id}`);
    expect(received.html).toContain(people.other.name);
    expect((await page("/inquiries?side=received&status=open", people.rep)).html).toContain(
      `/inquiries/${id}`,
    );
    expect((await page("/inquiries?side=received&status=declined", people.rep)).html).not.toContain(
      `/inquiries/${id}`,
    );
    // Received means "by an organization I represent": not the organizer's, not the platform admin's.
    expect((await page("/inquiries?side=received", people.organizer)).html).not.toContain(`/inquiries/${id}`);
    expect((await page("/inquiries?side=received", people.admin)).html).not.toContain(`/inquiries/${id}`);
    expect((await page("/inquiries", undefined)).location).toMatch(/^\/login\?redirectTo=%2Finquiries/);
  });

  it("delivers messages and decisions live to both sides over a real socket", async () => {
    const resource = await newResource({ title: "柔轮台架寿命试验" });
    const id = idFrom(await ask(resource.id, people.asker));
    const watch = async (who: Person) => {
      const socket = await connect(client(server.url, { cookie: who.cookie }));
      const seen: LiveActivity[] = [];
      socket.on("activity", (activity) => seen.push(activity));
      expect((await subscribe(socket, { topic: inquiryTopic(id), after: 1e12 })).ok).toBe(true);
      return { socket, seen };
    };
    const asker = await watch(people.asker);
    const provider = await watch(people.contact);
    try {
      await act(id, people.contact, { intent: "message", body: "可以，请寄样件。" });
      await until(
        () => asker.seen.some((a) => a.type === "inquiry.message"),
        "the provider's message to reach the asker",
      );
      await until(
        () => asker.seen.some((a) => a.type === "inquiry.status" && a.payload.status === "answered"),
        "the status to reach the asker",
      );
      await act(id, people.asker, { intent: "message", body: "已寄出。" });
      await until(
        () => provider.seen.filter((a) => a.type === "inquiry.message").length === 2,
        "the asker's message to reach the provider",
      );
      await act(id, people.contact, { intent: "decline", note: "" });
      await until(
        () => asker.seen.some((a) => a.type === "inquiry.status" && a.payload.status === "declined"),
        "the decision to reach the asker",
      );
    } finally {
      asker.socket.disconnect();
      provider.socket.disconnect();
    }
  });

  it("hides the thread from outsiders, organizers and platform admins: 404 and the topic refused", async () => {
    const resource = await newResource();
    const id = idFrom(await ask(resource.id, people.other));
    await act(id, people.contact, { intent: "message", body: "机密报价：每件 300 元。" });
    for (const who of [people.outsider, people.organizer, people.admin]) {
      const opened = await page(`/inquiries/${id}`, who);
      expect(opened.status, who.name).toBe(404);
      expect(opened.html).not.toContain("机密报价");
      expect((await act(id, who, { intent: "message", body: "插话" })).status, who.name).toBe(404);
      expect((await act(id, who, { intent: "accept", note: "" })).status, who.name).toBe(404);
      const socket = await connect(client(server.url, { cookie: who.cookie }));
      try {
        const answer = await subscribe(socket, { topic: inquiryTopic(id), after: 0 });
        expect(answer, who.name).toMatchObject({ ok: false, error: { code: "not_found" } });
      } finally {
        socket.disconnect();
      }
    }
    expect((await page("/inquiries/not-a-uuid", people.asker)).status).toBe(404);
    expect((await page(`/inquiries/${crypto.randomUUID()}`, people.asker)).status).toBe(404);
    expect((await page(`/inquiries/${id}`)).location).toMatch(/^\/login\?/);
    // The organizers' number: every inquiry the resource received, never what was said.
    const [{ n }] = await database.db
      .select({ n: count() })
      .from(inquiries)
      .where(eq(inquiries.resourceId, resource.id));
    expect(await countOf(resource.id)).toBe(n);
  });

  it("follows the reader's choice for the resource group of notifications", async () => {
    const quiet = await createUser(database.db, { displayName: "免打扰询价人" });
    await addMember(database.db, { allianceId: alliance.id, userId: quiet.user.id });
    await database.db
      .insert(notificationPreferences)
      .values({ userId: quiet.user.id, type: "resource", delivery: "off" });
    const asker: Person = {
      id: quiet.user.id,
      cookie: (await signIn(server.services, quiet.user.id)).cookie,
      name: "免打扰询价人",
    };
    const id = idFrom(await ask((await newResource()).id, asker));
    await act(id, people.contact, { intent: "message", body: "收到。" });
    await act(id, people.contact, { intent: "decline", note: "" });
    expect(await notificationsOf(asker, "inquiry.message")).toHaveLength(0);
    expect(await notificationsOf(asker, "inquiry.status")).toHaveLength(0);
  });

  it("makes one inquiry of two submits at once", async () => {
    const resource = await newResource();
    const [first, second] = await Promise.all([
      ask(resource.id, people.asker),
      ask(resource.id, people.asker),
    ]);
    const ids = [idFrom(first), idFrom(second)];
    expect(ids[0]).toBe(ids[1]);
    const [{ n }] = await database.db
      .select({ n: count() })
      .from(inquiries)
      .where(and(eq(inquiries.resourceId, resource.id), eq(inquiries.askerId, people.asker.id)));
    expect(n).toBe(1);
    expect(await countOf(resource.id)).toBe(1);
    const told = await notificationsOf(people.contact, "resource.inquiry");
    expect(told.filter((row) => row.href === `/inquiries/${ids[0]}`)).toHaveLength(1);
    // After a decision the asker may ask again: a new inquiry.
    await act(ids[0], people.asker, { intent: "withdraw", note: "" });
    const again = idFrom(await ask(resource.id, people.asker));
    expect(again).not.toBe(ids[0]);
    expect(await countOf(resource.id)).toBe(2);
  });

  it("answers bad input with 400, every typed value kept and the field named", async () => {
    const resource = await newResource();
    const typed = "想了解价格。";
    const missing = await ask(resource.id, people.asker, { message: typed, intendedUse: "  " });
    expect(missing.status).toBe(400);
    const body = (await missing.json()) as {
      result: { initialValue: Record<string, string>; error: Record<string, string[]> };
    };
    expect(body.result.initialValue.message).toBe(typed);
    expect(body.result.error.intendedUse).toEqual(["inquiry.error.intendedUseRequired"]);

    // Someone else's problem: refused on its field, the rest kept.
    const problemId = await insertProblem(database.db, {
      authorId: people.outsider.id,
      title: "别人的难题",
      body: "正文",
      visibility: "public",
      urgency: "normal",
      nodeIds: [],
      tags: [],
    });
    const foreign = await ask(resource.id, people.asker, { problemId });
    expect(foreign.status).toBe(400);
    const refused = (await foreign.json()) as typeof body;
    expect(refused.result.error.problemId).toEqual(["inquiry.error.problemNotOwn"]);
    expect(refused.result.initialValue).toMatchObject({ ...question, problemId });
    expect(await countOf(resource.id)).toBe(0);

    // A reply that is too long comes back on the thread page with its text.
    const id = idFrom(await ask(resource.id, people.asker));
    const long = "长".repeat(5001);
    const reply = await act(id, people.asker, { intent: "message", body: long });
    expect(reply.status).toBe(400);
    const html = await reply.text();
    expect(fieldErrors(html, "inquiry-reply", "body")).toBe("回复最多 5000 字。");
    expect(html).toContain(long);
  });

  it("refuses replies and decisions once declined or withdrawn, and wrong-side decisions", async () => {
    const declined = idFrom(await ask((await newResource()).id, people.asker));
    expect((await act(declined, people.asker, { intent: "accept", note: "" })).status).toBe(403);
    expect((await act(declined, people.rep, { intent: "withdraw", note: "" })).status).toBe(403);
    expect((await act(declined, people.rep, { intent: "decline", note: "暂不合作。" })).status).toBe(303);
    for (const [who, fields] of [
      [people.rep, { intent: "message", body: "补充一句" }],
      [people.asker, { intent: "message", body: "为什么？" }],
      [people.rep, { intent: "accept", note: "" }],
      [people.asker, { intent: "withdraw", note: "" }],
    ] as const) {
      expect((await act(declined, who, fields)).status).toBe(409);
    }
    const closed = await page(`/inquiries/${declined}`, people.asker);
    expect(closed.html).toContain("提供方已婉拒此询价");
    expect(closed.html).not.toContain('value="message"');

    const withdrawn = idFrom(await ask((await newResource()).id, people.asker));
    expect((await act(withdrawn, people.asker, { intent: "withdraw", note: "" })).status).toBe(303);
    expect(await notificationsOf(people.contact, "inquiry.status")).not.toHaveLength(0);
    expect((await act(withdrawn, people.contact, { intent: "message", body: "还在吗？" })).status).toBe(409);
    expect((await act(withdrawn, people.contact, { intent: "accept", note: "" })).status).toBe(409);
    expect((await inquiryRow(withdrawn)).status).toBe("withdrawn");
    const [{ n }] = await database.db
      .select({ n: count() })
      .from(inquiryMessages)
      .where(eq(inquiryMessages.inquiryId, withdrawn));
    expect(n).toBe(0);
  });

  it("keeps the ask to those who may: no visitors, no providers, no outsiders of an alliance-only resource", async () => {
    const resource = await newResource();
    const visitor = await ask(resource.id, undefined);
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("location")).toBe(
      `/login?${new URLSearchParams({ redirectTo: `/resources/${resource.id}` })}`,
    );
    expect((await ask(resource.id, people.rep)).status).toBe(403);
    expect((await ask(resource.id, people.outsider)).status).toBe(404);
    expect((await ask("not-a-uuid", people.asker)).status).toBe(404);
    const withdrawn = await newResource({ withdrawnAt: new Date() });
    expect((await ask(withdrawn.id, people.asker)).status).toBe(409);
    // A platform admin who does not represent the provider asks like anyone else.
    const publicOne = await newResource({ visibility: "public", allianceIds: [] });
    const id = idFrom(await ask(publicOne.id, people.admin));
    expect((await page(`/inquiries/${id}`, people.admin)).status).toBe(200);
    expect(await countOf(publicOne.id)).toBe(1);
    expect(await countOf(resource.id)).toBe(0);
    expect(await countOf(withdrawn.id)).toBe(0);
  });
});
