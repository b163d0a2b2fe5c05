import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, emailOutbox, invitations, orgRepresentatives, users } from "../../db/schema/index";
import { hashInvitationToken } from "~/models/invitations.server";
import { startSession } from "~/utils/auth.server";
import { addRepresentative, createOrganization, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { useTestServer } from "../setup/server";
import { alertText, fieldErrors, post } from "./auth-helpers";

describe("organization representatives and invitations", () => {
  const database = useTestDatabase();
  const server = useTestServer();
  let org: Awaited<ReturnType<typeof createOrganization>>;
  let otherOrg: Awaited<ReturnType<typeof createOrganization>>;
  const ids = { admin: "", representative: "", otherAdmin: "", otherRep: "" };
  const cookies = { admin: "", representative: "", otherAdmin: "", plain: "", platformAdmin: "" };

  beforeAll(async () => {
    const { db } = database;
    org = await createOrganization(db, { nameZh: "代表测试公司", nameEn: "Representatives Test Co." });
    otherOrg = await createOrganization(db);
    const make = async (displayName: string, role?: "admin" | "representative", target = org.id) => {
      const { user } = await createUser(db, { displayName });
      if (role) await addRepresentative(db, { orgId: target, userId: user.id, role });
      return { id: user.id, cookie: (await startSession(server.services, user.id)).setCookie.split(";")[0] };
    };
    const admin = await make("唯一管理员", "admin");
    const representative = await make("普通代表", "representative");
    const otherAdmin = await make("别家管理员", "admin", otherOrg.id);
    const otherRep = await make("别家代表", "representative", otherOrg.id);
    const plain = await make("路人");
    const platformAdmin = await createUser(db, { platformRole: "admin" });
    Object.assign(ids, {
      admin: admin.id,
      representative: representative.id,
      otherAdmin: otherAdmin.id,
      otherRep: otherRep.id,
    });
    Object.assign(cookies, {
      admin: admin.cookie,
      representative: representative.cookie,
      otherAdmin: otherAdmin.cookie,
      plain: plain.cookie,
      platformAdmin: (await startSession(server.services, platformAdmin.user.id)).setCookie.split(";")[0],
    });
  });

  const path = () => `/orgs/${org.id}/representatives`;
  const act = (cookie: string, fields: Record<string, string>, target = path()) =>
    server.fetch(target, post(fields, { cookie }));
  const roles = async (orgId = org.id) =>
    Object.fromEntries(
      (
        await database.db
          .select({ userId: orgRepresentatives.userId, role: orgRepresentatives.role })
          .from(orgRepresentatives)
          .where(eq(orgRepresentatives.orgId, orgId))
      ).map((r) => [r.userId, r.role]),
    );
  const lastAudit = async () =>
    (
      await database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.orgId, org.id))
        .orderBy(desc(auditLog.id))
        .limit(1)
    )[0];

  describe("who may manage", () => {
    it("sends visitors to log in", async () => {
      const res = await server.fetch(path());
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent(path())}`);
    });

    it.each(["plain", "representative", "otherAdmin"] as const)("refuses a %s with a 403", async (who) => {
      expect((await server.fetch(path(), { headers: { cookie: cookies[who] } })).status).toBe(403);
      const before = await roles();
      const res = await act(cookies[who], { intent: "remove", userId: ids.representative });
      expect(res.status).toBe(403);
      expect((await act(cookies[who], { intent: "inviteLink" })).status).toBe(403);
      expect(await roles()).toEqual(before);
    });

    it("lets the organization's admin and platform admins in", async () => {
      for (const cookie of [cookies.admin, cookies.platformAdmin]) {
        const res = await server.fetch(path(), { headers: { cookie } });
        expect(res.status).toBe(200);
        const html = await res.text();
        expect(html).toMatch(/唯一管理员[\s\S]{0,300}机构管理员/);
        expect(html).toContain("普通代表");
      }
    });

    it("does not let an admin act on another organization's people through their own (swapped ids)", async () => {
      const res = await act(cookies.admin, { intent: "remove", userId: ids.otherRep });
      expect(res.status).toBe(400);
      expect(alertText(await res.text())).toBe("此人不是本机构的代表。");
      expect((await roles(otherOrg.id))[ids.otherRep]).toBe("representative");
    });

    it("answers malformed buttons with a 400", async () => {
      expect(
        (await act(cookies.admin, { intent: "role", userId: ids.representative, role: "owner" })).status,
      ).toBe(400);
      expect((await act(cookies.admin, { intent: "revoke", invitationId: "x" })).status).toBe(400);
      expect((await act(cookies.admin, { intent: "bogus" })).status).toBe(400);
      expect(
        (await server.fetch("/orgs/not-a-uuid/representatives", { headers: { cookie: cookies.admin } }))
          .status,
      ).toBe(404);
    });
  });

  describe("the last admin", () => {
    it("can be neither demoted, removed, nor leave, with a clear message", async () => {
      const demote = await act(cookies.admin, { intent: "role", userId: ids.admin, role: "representative" });
      expect(demote.status).toBe(400);
      expect(alertText(await demote.text())).toBe("机构至少要有一名管理员：请先指定另一位管理员。");
      const remove = await act(cookies.platformAdmin, { intent: "remove", userId: ids.admin });
      expect(remove.status).toBe(400);
      const leave = await server.fetch(
        `/orgs/${org.id}`,
        post({ intent: "leave" }, { cookie: cookies.admin, "accept-language": "en" }),
      );
      expect(leave.status).toBe(400);
      expect(alertText(await leave.text())).toBe(
        "An organization needs at least one admin: appoint another admin first.",
      );
      expect((await roles())[ids.admin]).toBe("admin");
    });

    it("may step down once another admin is appointed; every change is audited", async () => {
      const promote = await act(cookies.admin, { intent: "role", userId: ids.representative, role: "admin" });
      expect(promote.status).toBe(303);
      expect(await lastAudit()).toMatchObject({
        action: "org.representative.role",
        actorId: ids.admin,
        subjectUserId: ids.representative,
        data: { from: "representative", to: "admin" },
      });
      const demote = await act(cookies.admin, { intent: "role", userId: ids.admin, role: "representative" });
      expect(demote.status).toBe(303);
      expect(await roles()).toMatchObject({ [ids.admin]: "representative", [ids.representative]: "admin" });
      // The new admin restores the original arrangement for the tests that follow.
      expect(
        (await act(cookies.representative, { intent: "role", userId: ids.admin, role: "admin" })).status,
      ).toBe(303);
      expect(
        (await act(cookies.admin, { intent: "role", userId: ids.representative, role: "representative" }))
          .status,
      ).toBe(303);
    });

    it("lets a representative leave, and an admin remove one", async () => {
      const { user } = await createUser(database.db);
      await addRepresentative(database.db, { orgId: org.id, userId: user.id, role: "representative" });
      const cookie = (await startSession(server.services, user.id)).setCookie.split(";")[0];
      const leave = await server.fetch(`/orgs/${org.id}`, post({ intent: "leave" }, { cookie }));
      expect(leave.status).toBe(303);
      expect((await roles())[user.id]).toBeUndefined();
      expect(await lastAudit()).toMatchObject({ action: "org.representative.left", subjectUserId: user.id });
      // Someone who represents nothing here has nothing to leave.
      expect((await server.fetch(`/orgs/${org.id}`, post({ intent: "leave" }, { cookie }))).status).toBe(403);

      await addRepresentative(database.db, { orgId: org.id, userId: user.id, role: "representative" });
      const remove = await act(cookies.admin, { intent: "remove", userId: user.id });
      expect(remove.status).toBe(303);
      expect((await roles())[user.id]).toBeUndefined();
      expect(await lastAudit()).toMatchObject({ action: "org.representative.removed", actorId: ids.admin });
    });
  });

  describe("invitations", () => {
    it("by email: queues a bilingual mail with the absolute link, in the same transaction as the invitation", async () => {
      const res = await act(cookies.admin, {
        intent: "inviteEmail",
        email: "New.Person@Example.org",
        days: "5",
      });
      expect(res.status).toBe(303);
      const [mail] = await database.db
        .select()
        .from(emailOutbox)
        .where(eq(emailOutbox.to, "new.person@example.org"));
      expect(mail.subject).toContain("代表测试公司");
      expect(mail.subject).toContain("Representatives Test Co.");
      const token = mail.text.match(new RegExp(`${server.url}/invitations/([A-Za-z0-9_-]+)`))?.[1];
      expect(token).toBeDefined();
      const [invitation] = await database.db
        .select()
        .from(invitations)
        .where(eq(invitations.tokenHash, hashInvitationToken(token!)));
      expect(invitation).toMatchObject({
        orgId: org.id,
        email: "new.person@example.org",
        invitedBy: ids.admin,
      });
      const days = (invitation.expiresAt.getTime() - invitation.createdAt.getTime()) / 86_400_000;
      expect(Math.round(days)).toBe(5);
      expect(await lastAudit()).toMatchObject({ action: "org.invitation.created" });

      const page = await (await server.fetch(path(), { headers: { cookie: cookies.admin } })).text();
      expect(page).toMatch(/new\.person@example\.org[\s\S]{0,300}待接受/);
    });

    it("by email: refuses a bad address or a current representative with a 400 that keeps what was typed", async () => {
      const bad = await act(cookies.admin, { intent: "inviteEmail", email: "not-an-email", days: "40" });
      expect(bad.status).toBe(400);
      const html = await bad.text();
      expect(fieldErrors(html, "org-invite-email", "email")).toBe("请填写有效的电子邮箱。");
      expect(fieldErrors(html, "org-invite-email", "days")).toBe("有效天数须在 1 至 30 之间。");
      expect(html).toMatch(/name="email"[^>]*value="not-an-email"/);

      const [existing] = await database.db.select().from(users).where(eq(users.id, ids.representative));
      const again = await act(cookies.admin, { intent: "inviteEmail", email: existing.email.toUpperCase() });
      expect(again.status).toBe(400);
      expect(fieldErrors(await again.text(), "org-invite-email", "email")).toBe("此人已是本机构的代表。");
    });

    it("by link: shows the link once with its expiry, lists it, and revokes it", async () => {
      const res = await act(cookies.admin, { intent: "inviteLink", days: "3" }, path());
      expect(res.status).toBe(200);
      const html = await res.text();
      const url = html.match(new RegExp(`value="(${server.url}/invitations/[A-Za-z0-9_-]+)"`))?.[1];
      expect(url).toBeDefined();
      expect(html).toContain("此链接只显示这一次");
      const token = url!.split("/").pop()!;
      const [invitation] = await database.db
        .select()
        .from(invitations)
        .where(eq(invitations.tokenHash, hashInvitationToken(token)));
      expect(invitation).toMatchObject({ orgId: org.id, email: null });

      const listed = await (await server.fetch(path(), { headers: { cookie: cookies.admin } })).text();
      expect(listed).not.toContain(token);
      expect(listed).toContain(`name="invitationId" value="${invitation.id}"`);

      // Another organization's admin cannot revoke it through their own page.
      const swapped = await act(
        cookies.otherAdmin,
        { intent: "revoke", invitationId: invitation.id },
        `/orgs/${otherOrg.id}/representatives`,
      );
      expect(swapped.status).toBe(400);

      expect((await act(cookies.admin, { intent: "revoke", invitationId: invitation.id })).status).toBe(303);
      const [revoked] = await database.db.select().from(invitations).where(eq(invitations.id, invitation.id));
      expect(revoked.revokedAt).not.toBeNull();
      expect(await lastAudit()).toMatchObject({ action: "org.invitation.revoked" });
      const twice = await act(cookies.admin, { intent: "revoke", invitationId: invitation.id });
      expect(twice.status).toBe(400);
      expect(alertText(await twice.text())).toBe("此邀请已不可撤销（已使用、已过期或已撤销）。");
      const after = await (await server.fetch(path(), { headers: { cookie: cookies.admin } })).text();
      expect(after).toMatch(/邀请链接[\s\S]{0,300}已撤销/);
    });

    it("shows the change log to the organization's admins", async () => {
      const html = await (
        await server.fetch(path(), { headers: { cookie: cookies.admin, "accept-language": "en" } })
      ).text();
      expect(html).toContain("Change log");
      expect(html).toMatch(/唯一管理员 made 普通代表 Organization admin/);
      expect(html).toContain("唯一管理员 revoked an invitation");
    });
  });
});
