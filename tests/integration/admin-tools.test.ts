import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, memberships, organizations, users } from "../../db/schema/index";
import { startSession } from "~/utils/auth.server";
import { addMember, addRepresentative, createAlliance, createOrganization, createUser } from "../factories";
import { useTestServer } from "../setup/server";
import { post } from "./auth-helpers";

const token = () => crypto.randomBytes(4).toString("hex");
const english = { "accept-language": "en" };

/** Every value of `attribute` in the page, in order. */
const attributeValues = (html: string, attribute: string) =>
  [...html.matchAll(new RegExp(`${attribute}="([^"]+)"`, "g"))].map((match) => match[1]);

/** The href of the link labelled `label`, unescaped. */
function linkTo(html: string, label: string): string | null {
  const match = new RegExp(`<a[^>]*href="([^"]+)"[^>]*>${label}</a>`).exec(html);
  return match ? match[1].replaceAll("&amp;", "&") : null;
}

/** Organizations, users and alliance chairs for the operators, and the audit log with its filters. */
describe("admin tools", () => {
  const server = useTestServer();
  const db = () => server.services.db;
  let admin: { id: string };
  let cookie: string;

  beforeAll(async () => {
    ({ user: admin } = await createUser(db(), { platformRole: "admin", displayName: "平台运营乙" }));
    cookie = (await startSession(server.services, admin.id)).setCookie.split(";")[0];
  });

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await server.fetch(path, { headers: { cookie, ...headers } });
    return { status: res.status, html: await res.text() };
  };
  const send = async (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) => {
    const res = await server.fetch(path, post(fields, { cookie, ...headers }));
    return { status: res.status, html: await res.text() };
  };

  /** Users inserted in one statement: they share their creation instant to the microsecond. */
  async function manyUsers(count: number, name: string) {
    const id = token();
    const rows = Array.from({ length: count }, (_, i) => ({
      id: crypto.randomUUID(),
      email: `page-${id}-${i}@test.qilian.example`,
      displayName: `${name}${i}`,
      passwordHash: "not-a-real-hash",
    }));
    await db().insert(users).values(rows);
    return { id, rows };
  }

  describe("users", () => {
    it("finds users by Chinese name or email, ignoring case, and pages through ties without losing any", async () => {
      const name = `分页用户${token()}号`;
      const { id, rows } = await manyUsers(30, name);
      const first = await get(`/admin/users?q=${encodeURIComponent(name)}`);
      expect(first.status).toBe(200);
      const firstIds = attributeValues(first.html, "data-user-id");
      expect(firstIds).toHaveLength(25);
      expect(linkTo(first.html, "回到第一页")).toBeNull();
      const next = linkTo(first.html, "下一页");
      expect(next).toMatch(/^\/admin\/users\?q=.+&after=/);
      const second = await get(next!);
      const secondIds = attributeValues(second.html, "data-user-id");
      expect(secondIds).toHaveLength(5);
      expect(linkTo(second.html, "下一页")).toBeNull();
      expect(linkTo(second.html, "回到第一页")).toBe(`/admin/users?${new URLSearchParams({ q: name })}`);
      expect(new Set([...firstIds, ...secondIds])).toEqual(new Set(rows.map((row) => row.id)));

      const byEmail = await get(`/admin/users?q=PAGE-${id.toUpperCase()}-1`);
      // -1, -10 … -19
      expect(attributeValues(byEmail.html, "data-user-id")).toHaveLength(11);

      await db().update(users).set({ suspendedAt: new Date() }).where(eq(users.id, rows[3].id));
      const suspended = await get(`/admin/users?q=${encodeURIComponent(name)}&status=suspended`);
      expect(attributeValues(suspended.html, "data-user-id")).toEqual([rows[3].id]);
      const active = await get(`/admin/users?q=${encodeURIComponent(name)}&status=active&after=garbage`);
      expect(active.status).toBe(200);
      expect(attributeValues(active.html, "data-user-id")).not.toContain(rows[3].id);
    });

    it("shows each user's organizations, alliances with their role, and the search in English", async () => {
      const { user } = await createUser(db(), { displayName: `多身份用户${token()}` });
      const org = await createOrganization(db(), { nameZh: `身份机构${token()}` });
      await addRepresentative(db(), { orgId: org.id, userId: user.id, role: "admin" });
      const alliance = await createAlliance(db(), { nameZh: `身份联盟${token()}` });
      await addMember(db(), { allianceId: alliance.id, userId: user.id, role: "organizer" });
      const { html } = await get(`/admin/users?q=${encodeURIComponent(user.displayName)}`);
      expect(html).toContain(org.nameZh);
      expect(html).toContain(`${alliance.nameZh}（组织者）`);
      expect(html).toContain("当前会话 0 个");
      const en = await get(`/admin/users?q=${encodeURIComponent(user.displayName)}`, english);
      expect(en.html).toContain(`${alliance.nameEn} (Organizer)`);
      expect(en.html).toContain("Suspend account");
    });
  });

  describe("organizations", () => {
    it("lists unverified organizations first, and verifies and revokes with audit entries", async () => {
      const name = `认证测试${token()}`;
      const verified = await createOrganization(db(), { nameZh: `${name}甲`, verified: true });
      const pending = await createOrganization(db(), { nameZh: `${name}乙` });
      const list = await get(`/admin/organizations?q=${encodeURIComponent(name)}`);
      expect(attributeValues(list.html, "data-org-id")).toEqual([pending.id, verified.id]);

      const done = await send("/admin/organizations", { intent: "verify", orgId: pending.id });
      expect(done.status).toBe(200);
      expect(done.html).toContain(`已认证 ${name}乙。`);
      const revoked = await send("/admin/organizations", { intent: "unverify", orgId: verified.id });
      expect(revoked.html).toContain(`已撤销 ${name}甲 的认证。`);
      const rows = await db()
        .select({ id: organizations.id, verified: organizations.verified })
        .from(organizations)
        .where(eq(organizations.id, pending.id));
      expect(rows).toEqual([{ id: pending.id, verified: true }]);
      const audit = await db()
        .select({ action: auditLog.action, actorId: auditLog.actorId, orgId: auditLog.orgId })
        .from(auditLog)
        .where(eq(auditLog.actorId, admin.id))
        .orderBy(auditLog.id);
      expect(audit.filter((entry) => entry.orgId === pending.id || entry.orgId === verified.id)).toEqual([
        { action: "org.verified", actorId: admin.id, orgId: pending.id },
        { action: "org.unverified", actorId: admin.id, orgId: verified.id },
      ]);

      const unverifiedOnly = await get(`/admin/organizations?q=${encodeURIComponent(name)}&verified=no`);
      expect(attributeValues(unverifiedOnly.html, "data-org-id")).toEqual([verified.id]);
    });

    it("refuses bad requests with 400 and unknown organizations with 404", async () => {
      const bad = await send("/admin/organizations", { intent: "verify", orgId: "not-a-uuid" });
      expect(bad.status).toBe(400);
      expect(bad.html).toContain("请求无效，请刷新页面后重试。");
      expect(
        (await send("/admin/organizations", { intent: "delete", orgId: crypto.randomUUID() })).status,
      ).toBe(400);
      const missing = await send(
        "/admin/organizations",
        { intent: "verify", orgId: crypto.randomUUID() },
        english,
      );
      expect(missing.status).toBe(404);
      expect(missing.html).toContain("That organization does not exist.");
    });

    it("pages organizations created in the same instant without skipping any", async () => {
      const name = `同刻机构${token()}`;
      const rows = Array.from({ length: 30 }, (_, i) => ({
        slug: `same-instant-${token()}-${i}`,
        nameZh: `${name}${i}`,
        nameEn: `Same Instant ${i}`,
        kind: "enterprise" as const,
      }));
      const inserted = await db().insert(organizations).values(rows).returning({ id: organizations.id });
      const first = await get(`/admin/organizations?q=${encodeURIComponent(name)}`);
      const next = linkTo(first.html, "下一页");
      const second = await get(next!);
      const seen = [
        ...attributeValues(first.html, "data-org-id"),
        ...attributeValues(second.html, "data-org-id"),
      ];
      expect(seen).toHaveLength(30);
      expect(new Set(seen)).toEqual(new Set(inserted.map((row) => row.id)));
    });
  });

  describe("alliances", () => {
    async function allianceWithLeaders() {
      const alliance = await createAlliance(db(), { nameZh: `主席测试${token()}` });
      const person = async (displayName: string) => (await createUser(db(), { displayName })).user;
      const chair = await person(`赵理事${token()}`);
      const organizer = await person(`钱组织${token()}`);
      const member = await person(`孙成员${token()}`);
      const outsider = await person(`李局外${token()}`);
      await addMember(db(), { allianceId: alliance.id, userId: chair.id, role: "chair" });
      await addMember(db(), { allianceId: alliance.id, userId: organizer.id, role: "organizer" });
      await addMember(db(), { allianceId: alliance.id, userId: member.id });
      return { alliance, chair, organizer, member, outsider };
    }
    const roleOf = async (allianceId: string, userId: string) =>
      (
        await db()
          .select({ role: memberships.role })
          .from(memberships)
          .where(and(eq(memberships.allianceId, allianceId), eq(memberships.userId, userId)))
      )[0]?.role;

    it("shows each alliance's chairs and organizers and lists the members who could become chair", async () => {
      const { alliance, chair, organizer, member } = await allianceWithLeaders();
      const { html } = await get("/admin/alliances");
      const card = html.slice(html.indexOf(`data-alliance="${alliance.slug}"`)).split("data-alliance=")[1];
      expect(card).toMatch(
        new RegExp(`理事长[\\s\\S]*${chair.displayName}[\\s\\S]*组织者[\\s\\S]*${organizer.displayName}`),
      );
      expect(card).toContain("成员 3 名");
      expect(card).toContain(`href="/alliances/${alliance.slug}"`);

      const panel = (page: string) =>
        page.slice(page.indexOf('id="appoint-panel"'), page.indexOf("</section>"));
      const candidates = panel((await get(`/admin/alliances?appoint=${alliance.slug}`)).html);
      expect(candidates).toContain(organizer.displayName);
      expect(candidates).toContain(member.displayName);
      expect(candidates).not.toContain(chair.displayName);
      const narrowed = panel((await get(`/admin/alliances?appoint=${alliance.slug}&q=孙成员`)).html);
      expect(narrowed).toContain(member.displayName);
      expect(narrowed).not.toContain(organizer.displayName);
      expect((await get("/admin/alliances?appoint=no-such-alliance")).html).not.toContain(
        'id="appoint-panel"',
      );
    });

    it("appoints a chair from the members, with the audit entry, and keeps the last-chair rule", async () => {
      const { alliance, chair, member, outsider } = await allianceWithLeaders();
      const appointed = await send("/admin/alliances", {
        intent: "appoint",
        allianceId: alliance.id,
        userId: member.id,
        reason: "换届选举",
      });
      expect(appointed.status).toBe(200);
      expect(appointed.html).toContain(`已任命 ${member.displayName} 为 ${alliance.nameZh} 的理事长。`);
      expect(await roleOf(alliance.id, member.id)).toBe("chair");
      const audit = await db()
        .select({
          action: auditLog.action,
          actorId: auditLog.actorId,
          reason: auditLog.reason,
          data: auditLog.data,
        })
        .from(auditLog)
        .where(and(eq(auditLog.allianceId, alliance.id), eq(auditLog.subjectUserId, member.id)));
      expect(audit).toEqual([
        {
          action: "membership.role_changed",
          actorId: admin.id,
          reason: "换届选举",
          data: { from: "member", to: "chair" },
        },
      ]);

      const stepDown = (userId: string) =>
        send("/admin/alliances", { intent: "stepDown", allianceId: alliance.id, userId });
      expect((await stepDown(chair.id)).status).toBe(200);
      expect(await roleOf(alliance.id, chair.id)).toBe("member");
      const last = await stepDown(member.id);
      expect(last.status).toBe(409);
      expect(last.html).toContain("联盟必须保留一位理事长");
      expect(await roleOf(alliance.id, member.id)).toBe("chair");

      const stranger = await send("/admin/alliances", {
        intent: "appoint",
        allianceId: alliance.id,
        userId: outsider.id,
      });
      expect(stranger.status).toBe(409);
      expect(stranger.html).toContain("此人目前不是本联盟成员。");
      expect(await roleOf(alliance.id, outsider.id)).toBeUndefined();

      const bad = await send("/admin/alliances", { intent: "appoint", allianceId: "x", userId: member.id });
      expect(bad.status).toBe(400);
      const missing = await send("/admin/alliances", {
        intent: "appoint",
        allianceId: crypto.randomUUID(),
        userId: member.id,
      });
      expect(missing.status).toBe(404);
      expect(missing.html).toContain("找不到该联盟。");
    });

    it("pages through the alliances by slug", async () => {
      for (let i = 0; i < 21; i++) await createAlliance(db());
      const first = await get("/admin/alliances");
      const firstSlugs = attributeValues(first.html, "data-alliance");
      expect(firstSlugs).toHaveLength(20);
      const second = await get(linkTo(first.html, "下一页")!);
      const secondSlugs = attributeValues(second.html, "data-alliance");
      expect(secondSlugs.length).toBeGreaterThan(0);
      expect(secondSlugs.every((slug) => slug > firstSlugs[firstSlugs.length - 1])).toBe(true);
    });
  });

  describe("audit log", () => {
    const run = token();
    let alliance: { id: string; slug: string };
    let org: { id: string; nameZh: string };
    let entries: number[];

    beforeAll(async () => {
      const { user: first } = await createUser(db(), {
        displayName: `审计员甲${run}`,
        email: `audit-a-${run}@test.qilian.example`,
      });
      const { user: second } = await createUser(db(), { displayName: `审计员乙${run}` });
      alliance = await createAlliance(db(), { nameZh: `审计联盟${run}` });
      org = await createOrganization(db(), { nameZh: `审计机构${run}` });
      const rows = await db()
        .insert(auditLog)
        .values([
          // 23:59:59 on 1 March in Beijing
          {
            action: "membership.role_changed",
            actorId: first.id,
            allianceId: alliance.id,
            createdAt: new Date("2026-03-01T15:59:59.999Z"),
          },
          // midnight starting 2 March in Beijing
          {
            action: "org.representative_joined",
            actorId: first.id,
            orgId: org.id,
            createdAt: new Date("2026-03-01T16:00:00Z"),
          },
          {
            action: "org.representative.role",
            actorId: second.id,
            orgId: org.id,
            reason: "调整",
            createdAt: new Date("2026-03-02T15:59:59Z"),
          },
          // An underscore in a filter must not match any character.
          {
            action: "membership.roleXchanged",
            actorId: second.id,
            allianceId: alliance.id,
            createdAt: new Date("2026-03-02T16:00:00Z"),
          },
          { action: "user.suspended", actorId: second.id, createdAt: new Date("2026-03-03T02:00:00Z") },
        ])
        .returning({ id: auditLog.id });
      entries = rows.map((row) => row.id);
    });

    const listed = async (filters: Record<string, string>) => {
      const page = await get(`/admin/audit?${new URLSearchParams({ who: run, ...filters })}`);
      expect(page.status).toBe(200);
      return attributeValues(page.html, "data-audit-id").map(Number);
    };
    const pick = (...indexes: number[]) => indexes.map((i) => entries[i]);

    it("filters by who: a Chinese name, or an email in any case", async () => {
      expect(await listed({})).toEqual(pick(4, 3, 2, 1, 0));
      expect(await listed({ who: `审计员甲${run}` })).toEqual(pick(1, 0));
      expect(await listed({ who: `AUDIT-A-${run.toUpperCase()}` })).toEqual(pick(1, 0));
    });

    it("filters by what: one action, or every action under a dotted prefix", async () => {
      expect(await listed({ action: "membership.role_changed" })).toEqual(pick(0));
      expect(await listed({ action: "membership" })).toEqual(pick(3, 0));
      expect(await listed({ action: "org.representative" })).toEqual(pick(2));
      expect(await listed({ action: "user.suspended" })).toEqual(pick(4));
      expect(await listed({ action: "user.reinstated" })).toEqual([]);
    });

    it("filters by where: an alliance, or part of an organization's name", async () => {
      expect(await listed({ alliance: alliance.slug })).toEqual(pick(3, 0));
      expect(await listed({ org: org.nameZh.slice(2) })).toEqual(pick(2, 1));
      const { html } = await get(`/admin/audit?who=${run}&org=${encodeURIComponent(org.nameZh)}`);
      expect(html).toContain(`href="/orgs/${org.id}"`);
      expect(html).toContain("调整");
    });

    it("filters by when in Beijing days, both ends inclusive", async () => {
      expect(await listed({ from: "2026-03-02" })).toEqual(pick(4, 3, 2, 1));
      expect(await listed({ to: "2026-03-01" })).toEqual(pick(0));
      expect(await listed({ from: "2026-03-02", to: "2026-03-02" })).toEqual(pick(2, 1));
      expect(await listed({ from: "2026-03-03", to: "2026-03-03" })).toEqual(pick(4, 3));
      const { html } = await get(`/admin/audit?who=${run}&to=2026-03-01`);
      expect(html).toContain("2026年3月1日 23:59");
    });

    it("refuses bad filters with 400 and a message, keeping what was typed, never a 500", async () => {
      const cases: [Record<string, string>, string][] = [
        [{ from: "2026-02-30" }, "请输入有效日期（YYYY-MM-DD）。"],
        [{ to: "tomorrow" }, "请输入有效日期（YYYY-MM-DD）。"],
        [{ from: "2026-03-03", to: "2026-03-01" }, "截止日期不能早于起始日期。"],
        [{ action: "DROP TABLE audit_log" }, "操作名称只能包含小写字母、下划线和点"],
        [{ alliance: "不存在" }, "未知的联盟。"],
        [{ before: "abc" }, "分页参数无效。"],
        [{ before: "99999999999999999999" }, "分页参数无效。"],
        [{ who: "长".repeat(101) }, "不能超过 100 个字符。"],
      ];
      for (const [filters, message] of cases) {
        const page = await get(`/admin/audit?${new URLSearchParams(filters)}`);
        expect(page.status, JSON.stringify(filters)).toBe(400);
        expect(page.html).toContain(message);
        expect(page.html).toContain("部分筛选条件无效");
        expect(attributeValues(page.html, "data-audit-id")).toEqual([]);
      }
      const kept = await get(`/admin/audit?from=2026-02-30&who=${encodeURIComponent("审计员")}`);
      expect(kept.html).toMatch(/name="from"[^>]*value="2026-02-30"|value="2026-02-30"[^>]*name="from"/);
      expect(kept.html).toMatch(/value="审计员"/);
      expect(kept.html).toMatch(
        /id="audit-from"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="audit-from"/,
      );
      const en = await get("/admin/audit?from=2026-02-30", english);
      expect(en.html).toContain("Enter a real date (YYYY-MM-DD).");
    });

    it("pages by id, newest first", async () => {
      const { user } = await createUser(db(), { displayName: `翻页审计${token()}` });
      const inserted = await db()
        .insert(auditLog)
        .values(Array.from({ length: 60 }, () => ({ action: "org.updated", actorId: user.id })))
        .returning({ id: auditLog.id });
      const first = await get(`/admin/audit?who=${encodeURIComponent(user.displayName)}`);
      const firstIds = attributeValues(first.html, "data-audit-id").map(Number);
      expect(firstIds).toHaveLength(50);
      const older = linkTo(first.html, "更早的记录");
      expect(older).toMatch(/before=\d+/);
      const second = await get(older!);
      const secondIds = attributeValues(second.html, "data-audit-id").map(Number);
      expect(secondIds).toHaveLength(10);
      expect([...firstIds, ...secondIds]).toEqual(inserted.map((row) => row.id).reverse());
      expect(linkTo(second.html, "回到最新记录")).toBe(
        `/admin/audit?who=${encodeURIComponent(user.displayName)}`,
      );
    });

    it("leaves an alliance's own audit tab as it was", async () => {
      const { status, html } = await get(`/alliances/${alliance.slug}/audit`);
      expect(status).toBe(200);
      // Its own entries only: the role change and the odd action, not the organization's.
      expect(html.match(/<li class="px-4 py-3 text-sm">/g)).toHaveLength(2);
      expect(html).toContain(`审计员甲${run}`);
    });
  });
});
