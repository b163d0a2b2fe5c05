import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { notifications, resourceAlliances, resourceNodes, resources } from "../../db/schema/index";
import { noticeExpiredResources } from "~/models/resource-expiry.server";
import { listableResource } from "~/models/resource-list.server";
import { matches, parseSearchQuery } from "~/search/tsquery.server";
import type { Viewer } from "~/utils/permissions.server";
import { addMonths, chinaDay } from "~/validation/resource";
import {
  addMember,
  addRepresentative,
  createAlliance,
  createChain,
  createOrganization,
  createResource,
  createUser,
} from "../factories";
import { useTestDatabase } from "../setup/database";
import { signIn } from "../setup/live";
import { useTestServer } from "../setup/server";
import { fieldErrors } from "./auth-helpers";

/** Sharing, showing, editing, confirming and withdrawing resources, and who may do which. */
describe("shared resources", () => {
  const database = useTestDatabase();
  const server = useTestServer();

  type Person = { id: string; cookie: string; viewer: Viewer };
  const people = {
    provider: {} as Person,
    colleague: {} as Person,
    member: {} as Person,
    outsider: {} as Person,
    otherRep: {} as Person,
    admin: {} as Person,
  };
  let alliance: Awaited<ReturnType<typeof createAlliance>>;
  let otherAlliance: Awaited<ReturnType<typeof createAlliance>>;
  let chain: Awaited<ReturnType<typeof createChain>>;
  let org: Awaited<ReturnType<typeof createOrganization>>;
  let otherOrg: Awaited<ReturnType<typeof createOrganization>>;
  const node = (slug: string) => chain.nodes.get(slug)!.id;

  beforeAll(async () => {
    const { db } = database;
    [alliance, otherAlliance] = [await createAlliance(db), await createAlliance(db)];
    chain = await createChain(db);
    [org, otherOrg] = [await createOrganization(db), await createOrganization(db)];
    const person = async (platformRole: "admin" | null = null): Promise<Person> => {
      const { user } = await createUser(db, { platformRole });
      return {
        id: user.id,
        cookie: (await signIn(server.services, user.id)).cookie,
        viewer: { id: user.id, platformRole } as Viewer,
      };
    };
    for (const name of Object.keys(people) as (keyof typeof people)[])
      people[name] = await person(name === "admin" ? "admin" : null);
    await addRepresentative(db, { orgId: org.id, userId: people.provider.id, role: "admin" });
    await addRepresentative(db, { orgId: org.id, userId: people.colleague.id, role: "representative" });
    await addRepresentative(db, { orgId: otherOrg.id, userId: people.otherRep.id, role: "admin" });
    await addMember(db, { allianceId: alliance.id, userId: people.provider.id });
    await addMember(db, { allianceId: alliance.id, userId: people.member.id });
    await addMember(db, { allianceId: otherAlliance.id, userId: people.outsider.id });
  });

  const page = async (path: string, cookie?: string) => {
    const res = await server.fetch(path, { headers: cookie ? { cookie } : {} });
    return { status: res.status, location: res.headers.get("location"), html: await res.text() };
  };
  const send = (path: string, cookie: string | undefined, fields: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields))
      for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
    return server.fetch(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) },
      body,
    });
  };
  const form = (changes: Record<string, string | string[]> = {}) => ({
    kind: "service",
    title: "谐波减速器精度检测服务",
    description: "提供**谐波减速器**传动精度与回差检测。",
    orgId: org.id,
    contactUserId: people.colleague.id,
    nodeIds: [node("part-a"), node("assembly")],
    tags: "检测，精度",
    visibility: "alliance",
    allianceIds: [alliance.id],
    terms: "paid",
    modes: ["service_contract", "rental"],
    termsNote: "每台次 2000 元起",
    expiresOn: addMonths(chinaDay(), 6),
    ...changes,
  });
  const row = async (id: string) =>
    (await database.db.select().from(resources).where(eq(resources.id, id)))[0];
  const text = (html: string) => html.replace(/<[^>]+>/g, "");

  it("sends visitors to log in, and tells someone who represents no organization what to do", async () => {
    const visitor = await page("/resources/new");
    expect(visitor.status).toBe(302);
    expect(visitor.location).toBe("/login?redirectTo=%2Fresources%2Fnew");
    const member = await page("/resources/new", people.member.cookie);
    expect(member.status).toBe(200);
    expect(member.html).toContain("只有机构代表才能以机构名义共享资源");
    expect(member.html).toContain('href="/orgs/new"');
    expect(member.html).not.toContain('id="resource-create"');
  });

  it("offers the provider's organizations, their representatives, and a year ahead by default", async () => {
    const { status, html } = await page("/resources/new", people.provider.cookie);
    expect(status).toBe(200);
    expect(html).toContain(`value="${org.id}"`);
    expect(html).not.toContain(`value="${otherOrg.id}"`);
    expect(html).toContain(`value="${people.colleague.id}"`);
    expect(html).toContain(`value="${addMonths(chinaDay(), 12)}"`);
    expect(html).toContain(`value="${alliance.id}"`);
    expect(html).not.toContain(`value="${otherAlliance.id}"`);
  });

  it("shares a resource with its nodes, chains, alliances and search vector in one go", async () => {
    const res = await send("/resources/new", people.provider.cookie, form());
    expect(res.status).toBe(303);
    const id = res.headers.get("location")!.replace("/resources/", "");
    const saved = await row(id);
    expect(saved).toMatchObject({
      kind: "service",
      title: "谐波减速器精度检测服务",
      orgId: org.id,
      createdById: people.provider.id,
      contactUserId: people.colleague.id,
      visibility: "alliance",
      terms: "paid",
      modes: ["service_contract", "rental"],
      termsNote: "每台次 2000 元起",
      tags: ["检测", "精度"],
      chainIds: [chain.chain.id],
      expiresOn: addMonths(chinaDay(), 6),
      withdrawnAt: null,
      hiddenAt: null,
    });
    const nodes = await database.db.select().from(resourceNodes).where(eq(resourceNodes.resourceId, id));
    expect(nodes.map((n) => n.nodeId).sort()).toEqual([node("part-a"), node("assembly")].sort());
    const shared = await database.db
      .select()
      .from(resourceAlliances)
      .where(eq(resourceAlliances.resourceId, id));
    expect(shared.map((s) => s.allianceId)).toEqual([alliance.id]);
    const found = await database.db
      .select({ id: resources.id })
      .from(resources)
      .where(and(eq(resources.id, id), matches(resources.search, parseSearchQuery("减速器 检测"))));
    expect(found).toHaveLength(1);

    const shown = await page(`/resources/${id}`, people.member.cookie);
    expect(shown.status).toBe(200);
    const words = text(shown.html);
    expect(shown.html).toContain("<strong>谐波减速器</strong>");
    for (const expected of ["服务", "付费", "委托服务", "租用", "每台次 2000 元起", "部件甲", "整机", "检测"])
      expect(words).toContain(expected);
    expect(words).toContain(org.nameZh);
  });

  it("answers every bad field with 400, its message, and everything typed kept", async () => {
    const res = await send(
      "/resources/new",
      people.provider.cookie,
      form({
        title: "短",
        nodeIds: [],
        allianceIds: [],
        expiresOn: chinaDay(),
        tags: "一, 二, 三, 四, 五, 六, 七, 八, 九",
      }),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(fieldErrors(html, "resource-create", "title")).toBe("标题至少 5 个字。");
    expect(fieldErrors(html, "resource-create", "nodeIds")).toBe("请至少选择一个产业链环节。");
    expect(fieldErrors(html, "resource-create", "allianceIds")).toBe(
      "仅联盟成员可见时，请至少选择一个联盟。",
    );
    expect(fieldErrors(html, "resource-create", "expiresOn")).toBe("有效期必须晚于今天。");
    expect(fieldErrors(html, "resource-create", "tags")).toBe("最多 8 个标签。");
    expect(html).toContain('value="短"');
    expect(html).toContain("每台次 2000 元起");
    expect(html).toMatch(
      new RegExp(`value="service_contract"[^>]*checked|checked[^>]*value="service_contract"`),
    );
    expect(html).not.toMatch(new RegExp(`value="purchase"[^>]*checked|checked[^>]*value="purchase"`));
    expect(await database.db.select().from(resources).where(eq(resources.title, "短"))).toHaveLength(0);
  });

  it("checks the records: represented organization, its representative, own alliances, real nodes", async () => {
    const notRepresented = await send("/resources/new", people.provider.cookie, form({ orgId: otherOrg.id }));
    expect(notRepresented.status).toBe(400);
    expect(fieldErrors(await notRepresented.text(), "resource-create", "orgId")).toBe(
      "你不是这个机构的代表，不能以它的名义共享资源。",
    );
    const contact = await send(
      "/resources/new",
      people.provider.cookie,
      form({ contactUserId: people.member.id }),
    );
    expect(contact.status).toBe(400);
    expect(fieldErrors(await contact.text(), "resource-create", "contactUserId")).toBe(
      "联系人必须是所选机构的代表。",
    );
    const foreign = await send(
      "/resources/new",
      people.provider.cookie,
      form({ allianceIds: [otherAlliance.id] }),
    );
    expect(foreign.status).toBe(400);
    const foreignHtml = await foreign.text();
    expect(fieldErrors(foreignHtml, "resource-create", "allianceIds")).toBe("只能共享到你是正式成员的联盟。");
    expect(foreignHtml).toContain('value="谐波减速器精度检测服务"');
    const unknown = await send(
      "/resources/new",
      people.provider.cookie,
      form({ nodeIds: [crypto.randomUUID()] }),
    );
    expect(unknown.status).toBe(400);
    expect(fieldErrors(await unknown.text(), "resource-create", "nodeIds")).toBe(
      "有的环节不存在，请重新选择。",
    );
  });

  it("hides an alliance-only resource from everyone outside, and a hidden one from all but provider and moderators", async () => {
    const resource = await createResource(database.db, {
      orgId: org.id,
      visibility: "alliance",
      allianceIds: [alliance.id],
      title: "仅联盟可见的数据集",
    });
    const path = `/resources/${resource.id}`;
    expect((await page(path)).status).toBe(404);
    expect((await page(path, people.outsider.cookie)).status).toBe(404);
    expect((await page(path, people.otherRep.cookie)).status).toBe(404);
    expect((await page(path, people.member.cookie)).status).toBe(200);
    // A representative sees their organization's resources, member or not.
    expect((await page(path, people.colleague.cookie)).status).toBe(200);
    expect((await page(path, people.admin.cookie)).status).toBe(200);
    expect((await page("/resources/not-a-uuid", people.member.cookie)).status).toBe(404);
    expect((await page(`/resources/${crypto.randomUUID()}`, people.member.cookie)).status).toBe(404);

    await database.db
      .update(resources)
      .set({ hiddenAt: new Date(), hiddenReason: "重复发布" })
      .where(eq(resources.id, resource.id));
    expect((await page(path, people.member.cookie)).status).toBe(404);
    const own = await page(path, people.colleague.cookie);
    expect(own.status).toBe(200);
    expect(text(own.html)).toContain("此资源已被组织者隐藏，只有提供方和组织者能看到。理由：重复发布");
  });

  it("lists what the viewer may see, minus hidden and withdrawn resources", async () => {
    const { db } = database;
    const org2 = await createOrganization(db);
    const make = (overrides: Parameters<typeof createResource>[1]) => createResource(db, overrides);
    const open = await make({ orgId: org2.id });
    const members = await make({ orgId: org2.id, visibility: "alliance", allianceIds: [alliance.id] });
    const theirs = await make({ orgId: org.id, visibility: "alliance", allianceIds: [otherAlliance.id] });
    const hidden = await make({ orgId: org2.id, hiddenAt: new Date() });
    const withdrawn = await make({ orgId: org2.id, withdrawnAt: new Date() });
    const expired = await make({ orgId: org2.id, expiresOn: "2020-01-01" });
    const ids = [open, members, theirs, hidden, withdrawn, expired].map((r) => r.id);
    const listed = async (viewer: Viewer) =>
      (
        await db
          .select({ id: resources.id })
          .from(resources)
          .where(and(listableResource(viewer), eq(resources.orgId, org2.id)))
      )
        .concat(
          await db
            .select({ id: resources.id })
            .from(resources)
            .where(and(listableResource(viewer), eq(resources.id, theirs.id))),
        )
        .map((r) => r.id)
        .filter((id) => ids.includes(id))
        .sort();
    expect(await listed(null)).toEqual([open.id, expired.id].sort());
    expect(await listed(people.outsider.viewer)).toEqual([open.id, expired.id, theirs.id].sort());
    expect(await listed(people.member.viewer)).toEqual([open.id, members.id, expired.id].sort());
    expect(await listed(people.colleague.viewer)).toEqual([open.id, expired.id, theirs.id].sort());
    expect(await listed(people.admin.viewer)).toEqual([open.id, members.id, theirs.id, expired.id].sort());
  });

  it("lets the organization's representatives edit, and no one else", async () => {
    const resource = await createResource(database.db, {
      orgId: org.id,
      createdById: people.provider.id,
      contactUserId: people.provider.id,
      title: "三坐标测量机机时",
      kind: "lab_time",
      expiresOn: "2020-01-01",
      nodeIds: [node("part-b")],
    });
    const path = `/resources/${resource.id}/edit`;
    expect((await page(path)).location).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
    expect((await page(path, people.member.cookie)).status).toBe(403);
    expect((await page(path, people.otherRep.cookie)).status).toBe(403);
    const shown = await page(path, people.colleague.cookie);
    expect(shown.status).toBe(200);
    expect(shown.html).toContain('value="三坐标测量机机时"');
    expect(shown.html).toContain('value="2020-01-01"');

    // Keeping the passed day is allowed; moving to another past day is not.
    const kept = await send(
      path,
      people.colleague.cookie,
      form({
        title: "三坐标测量机机时（周末）",
        expiresOn: "2020-01-01",
        allianceIds: [],
        visibility: "public",
      }),
    );
    expect(kept.status).toBe(303);
    const saved = await row(resource.id);
    expect(saved.title).toBe("三坐标测量机机时（周末）");
    expect(saved.expiresOn).toBe("2020-01-01");
    const moved = await send(
      path,
      people.colleague.cookie,
      form({ expiresOn: "2020-01-02", visibility: "public" }),
    );
    expect(moved.status).toBe(400);
    expect(fieldErrors(await moved.text(), "resource-edit", "expiresOn")).toBe("有效期必须晚于今天。");
    // The colleague is in no alliance: sharing with one is refused.
    const foreign = await send(path, people.colleague.cookie, form({ allianceIds: [alliance.id] }));
    expect(foreign.status).toBe(400);
    expect((await send(path, people.member.cookie, form())).status).toBe(403);
  });

  it("asks the owner once per expiry, and confirming moves the date forward", async () => {
    const resource = await createResource(database.db, {
      orgId: org.id,
      createdById: people.provider.id,
      contactUserId: people.colleague.id,
      title: `过期的资源 ${crypto.randomUUID().slice(0, 6)}`,
      expiresOn: "2020-01-01",
    });
    const asked = () =>
      database.db
        .select({ userId: notifications.userId, href: notifications.href })
        .from(notifications)
        .where(
          and(
            eq(notifications.type, "resource.expiring"),
            eq(notifications.href, `/resources/${resource.id}`),
          ),
        );
    const publish = () => {};
    expect(await noticeExpiredResources(database.db, publish, new Date())).toBeGreaterThanOrEqual(1);
    expect((await asked()).map((n) => n.userId).sort()).toEqual(
      [people.provider.id, people.colleague.id].sort(),
    );
    await noticeExpiredResources(database.db, publish, new Date());
    expect(await asked()).toHaveLength(2);

    const path = `/resources/${resource.id}`;
    const visitor = await page(path);
    expect(text(visitor.html)).toContain("可能已过时");
    expect(visitor.html).not.toContain('value="confirm"');
    const owner = await page(path, people.colleague.cookie);
    expect(text(owner.html)).toContain("这条资源的有效期已于");
    expect(owner.html).toContain('value="confirm"');

    expect((await send(path, people.member.cookie, { intent: "confirm", months: "6" })).status).toBe(403);
    expect((await send(path, people.colleague.cookie, { intent: "confirm", months: "7" })).status).toBe(400);
    const confirmed = await send(path, people.colleague.cookie, { intent: "confirm", months: "6" });
    expect(confirmed.status).toBe(200);
    const saved = await row(resource.id);
    expect(saved.expiresOn).toBe(addMonths(chinaDay(), 6));
    expect(saved.expiryNoticeAt).toBeNull();
    expect(text(await confirmed.text())).toContain("已确认，有效期延长至");
    expect(text((await page(path)).html)).not.toContain("可能已过时");
  });

  it("withdraws a resource off the lists, keeps its page, and lists it again", async () => {
    const resource = await createResource(database.db, { orgId: org.id, title: "可撤下的资源" });
    const path = `/resources/${resource.id}`;
    expect((await send(path, people.provider.cookie, { intent: "withdraw" })).status).toBe(200);
    expect((await row(resource.id)).withdrawnAt).not.toBeNull();
    const shown = await page(path, people.member.cookie);
    expect(shown.status).toBe(200);
    expect(text(shown.html)).toContain("提供方已撤下这条资源");
    const listed = await database.db
      .select({ id: resources.id })
      .from(resources)
      .where(and(listableResource(people.member.viewer), eq(resources.id, resource.id)));
    expect(listed).toHaveLength(0);
    expect((await send(path, people.provider.cookie, { intent: "relist" })).status).toBe(200);
    expect((await row(resource.id)).withdrawnAt).toBeNull();
    expect((await send(path, people.provider.cookie, { intent: "explode" })).status).toBe(400);
  });
});
