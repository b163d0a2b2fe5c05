import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, contentReports, notifications, resources } from "../../db/schema/index";
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
import { useTestServer } from "../setup/server";
import { post } from "./auth-helpers";

/** Reporting resources, and their moderators hiding, restoring and dismissing with a reason. */
describe("resource reports and moderation", () => {
  const database = useTestDatabase();
  const server = useTestServer();

  type Person = { id: string; cookie: string };
  const people = {
    provider: {} as Person,
    contact: {} as Person,
    organizer: {} as Person,
    otherOrganizer: {} as Person,
    member: {} as Person,
    outsider: {} as Person,
    admin: {} as Person,
  };
  let alliance: Awaited<ReturnType<typeof createAlliance>>;
  let otherAlliance: Awaited<ReturnType<typeof createAlliance>>;
  let org: Awaited<ReturnType<typeof createOrganization>>;

  beforeAll(async () => {
    const { db } = database;
    [alliance, otherAlliance] = [await createAlliance(db), await createAlliance(db)];
    org = await createOrganization(db);
    for (const name of Object.keys(people) as (keyof typeof people)[]) {
      const { user } = await createUser(db, { platformRole: name === "admin" ? "admin" : null });
      people[name] = { id: user.id, cookie: (await signIn(server.services, user.id)).cookie };
    }
    await addRepresentative(db, { orgId: org.id, userId: people.provider.id, role: "admin" });
    await addRepresentative(db, { orgId: org.id, userId: people.contact.id, role: "representative" });
    await addMember(db, { allianceId: alliance.id, userId: people.organizer.id, role: "organizer" });
    await addMember(db, { allianceId: alliance.id, userId: people.member.id });
    await addMember(db, {
      allianceId: otherAlliance.id,
      userId: people.otherOrganizer.id,
      role: "organizer",
    });
  });

  const resourceOf = (overrides: Partial<Parameters<typeof createResource>[1]> = {}) =>
    createResource(database.db, {
      orgId: org.id,
      createdById: people.provider.id,
      contactUserId: people.contact.id,
      title: "精密轴承寿命试验台",
      allianceIds: [alliance.id],
      ...overrides,
    });
  const to = (id: string, feature: string, who: Person | null, fields: Record<string, string>) =>
    server.fetch(`/resources/${id}/${feature}`, post(fields, who ? { cookie: who.cookie } : {}));
  const page = async (id: string, who?: Person) => {
    const res = await server.fetch(`/resources/${id}`, { headers: who ? { cookie: who.cookie } : {} });
    return { status: res.status, html: (await res.text()).replace(/<[^>]+>/g, "") };
  };
  const reports = (id: string) =>
    database.db
      .select({ status: contentReports.status, allianceId: contentReports.allianceId })
      .from(contentReports)
      .where(eq(contentReports.subjectId, id))
      .orderBy(asc(contentReports.id));

  it("files one report per person, in the first alliance's queue, and says so the second time", async () => {
    const { id } = await resourceOf();
    const visitor = await to(id, "report", null, { reason: "广告" });
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("location")).toBe(
      `/login?redirectTo=${encodeURIComponent(`/resources/${id}`)}`,
    );
    const empty = await to(id, "report", people.member, { reason: "  " });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(await empty.json())).toContain("resource.error.reasonRequired");
    expect((await to(id, "report", people.member, { reason: "虚假宣传" })).status).toBe(302);
    const again = await to(id, "report", people.member, { reason: "再次举报" });
    expect(again.status).toBe(409);
    expect(await reports(id)).toEqual([{ status: "open", allianceId: alliance.id }]);
    expect((await page(id, people.member)).html).toContain("已举报");
  });

  it("does not let outsiders report what they cannot see", async () => {
    const { id } = await resourceOf({ visibility: "alliance" });
    expect((await to(id, "report", people.outsider, { reason: "看看" })).status).toBe(404);
    expect(await reports(id)).toEqual([]);
  });

  it("lets an organizer of a sharing alliance hide with a reason: reports resolved, logged, owners told", async () => {
    const { id } = await resourceOf({ title: "可被隐藏的资源" });
    await to(id, "report", people.member, { reason: "重复发布" });
    expect((await to(id, "moderation", people.member, { intent: "hide", reason: "x" })).status).toBe(403);
    expect((await to(id, "moderation", people.otherOrganizer, { intent: "hide", reason: "x" })).status).toBe(
      403,
    );
    const noReason = await to(id, "moderation", people.organizer, { intent: "hide", reason: "" });
    expect(noReason.status).toBe(400);
    expect((await database.db.select().from(resources).where(eq(resources.id, id)))[0].hiddenAt).toBeNull();

    const organizerPage = await page(id, people.organizer);
    expect(organizerPage.html).toContain("待处理的举报（1）");
    expect(organizerPage.html).toContain("重复发布");

    expect(
      (await to(id, "moderation", people.organizer, { intent: "hide", reason: "与联盟无关" })).status,
    ).toBe(302);
    const [row] = await database.db.select().from(resources).where(eq(resources.id, id));
    expect(row).toMatchObject({ hiddenById: people.organizer.id, hiddenReason: "与联盟无关" });
    expect(await reports(id)).toEqual([{ status: "hidden", allianceId: alliance.id }]);
    const logged = await database.db
      .select({ action: auditLog.action, allianceId: auditLog.allianceId, reason: auditLog.reason })
      .from(auditLog)
      .where(eq(auditLog.actorId, people.organizer.id));
    expect(logged).toContainEqual({
      action: "resource.hidden",
      allianceId: alliance.id,
      reason: "与联盟无关",
    });
    const told = await database.db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.type, "resource.hidden"), eq(notifications.href, `/resources/${id}`)));
    expect(told.map((n) => n.userId).sort()).toEqual([people.provider.id, people.contact.id].sort());

    expect((await page(id, people.member)).status).toBe(404);
    expect((await page(id)).status).toBe(404);
    expect((await page(id, people.provider)).html).toContain("理由：与联盟无关");
    const audit = await server.fetch(`/alliances/${alliance.slug}/audit`, {
      headers: { cookie: people.organizer.cookie },
    });
    expect((await audit.text()).replace(/<[^>]+>/g, "")).toContain("隐藏了");

    expect((await to(id, "moderation", people.organizer, { intent: "restore", reason: "误判" })).status).toBe(
      302,
    );
    expect((await page(id, people.member)).status).toBe(200);
  });

  it("dismisses a report without hiding, only among this resource's reports", async () => {
    const [{ id }, other] = [await resourceOf(), await resourceOf()];
    await to(id, "report", people.member, { reason: "看起来可疑" });
    await to(other.id, "report", people.member, { reason: "另一条" });
    const [report] = await database.db
      .select({ id: contentReports.id })
      .from(contentReports)
      .where(eq(contentReports.subjectId, other.id));
    expect(
      (await to(id, "moderation", people.organizer, { intent: "dismiss", reportId: String(report.id) }))
        .status,
    ).toBe(404);
    const [own] = await database.db
      .select({ id: contentReports.id })
      .from(contentReports)
      .where(eq(contentReports.subjectId, id));
    expect(
      (await to(id, "moderation", people.organizer, { intent: "dismiss", reportId: String(own.id) })).status,
    ).toBe(302);
    expect(await reports(id)).toEqual([{ status: "dismissed", allianceId: alliance.id }]);
    expect((await page(id, people.member)).status).toBe(200);
  });

  it("leaves a resource shared with no alliance to platform admins, logged for its organization", async () => {
    const { id } = await resourceOf({ allianceIds: [] });
    expect((await to(id, "moderation", people.organizer, { intent: "hide", reason: "x" })).status).toBe(403);
    expect((await to(id, "moderation", people.admin, { intent: "hide", reason: "违规内容" })).status).toBe(
      302,
    );
    const logged = await database.db
      .select({ orgId: auditLog.orgId, allianceId: auditLog.allianceId })
      .from(auditLog)
      .where(and(eq(auditLog.actorId, people.admin.id), eq(auditLog.action, "resource.hidden")));
    expect(logged).toEqual([{ orgId: org.id, allianceId: null }]);
  });
});
