import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, sessions, users } from "../../db/schema/index";
import type { LiveSocket } from "~/realtime/live-client";
import { startSession } from "~/utils/auth.server";
import { createUser, FACTORY_PASSWORD } from "../factories";
import { client, connect, refusal, settle } from "../setup/live";
import { useTestServer } from "../setup/server";
import { alertText, logIn, post, setCookie } from "./auth-helpers";

const english = { "accept-language": "en" };

/** Suspending a user ends every session and socket at once; log-in, cookies and sockets stay refused until reinstated. */
describe("suspending and reinstating users", () => {
  const server = useTestServer();
  const db = () => server.services.db;

  const cookieOf = async (userId: string) =>
    (await startSession(server.services, userId)).setCookie.split(";")[0];

  async function people() {
    const { user: admin } = await createUser(db(), { platformRole: "admin", displayName: "运营甲" });
    const { user: target } = await createUser(db(), { displayName: "被停用的王五" });
    return { admin, target, adminCookie: await cookieOf(admin.id) };
  }

  /** A socket that records when the server said the session ended and when it closed the socket. */
  async function watchedSocket(cookie: string) {
    const socket = await connect(client(server.url, { cookie }));
    const seen: { event: string; at: number }[] = [];
    socket.on("session:ended", () => seen.push({ event: "session:ended", at: Date.now() }));
    socket.on("disconnect", (reason) => seen.push({ event: reason, at: Date.now() }));
    return { socket, seen };
  }

  const suspend = (cookie: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    server.fetch("/admin/users", post({ intent: "suspend", ...fields }, { cookie, ...headers }));

  const auditOf = (userId: string) =>
    db()
      .select({ action: auditLog.action, actorId: auditLog.actorId, reason: auditLog.reason })
      .from(auditLog)
      .where(eq(auditLog.subjectUserId, userId))
      .orderBy(auditLog.id);

  it("ends every session and closes every socket within a second, then refuses cookie, socket and log-in", async () => {
    const { admin, target, adminCookie } = await people();
    const phone = await logIn(server, target.email, FACTORY_PASSWORD);
    const laptop = await logIn(server, target.email, FACTORY_PASSWORD);
    const tabs = [await watchedSocket(phone), await watchedSocket(phone), await watchedSocket(laptop)];
    const bystander = await watchedSocket(adminCookie);

    const clicked = Date.now();
    const res = await suspend(adminCookie, { userId: target.id, reason: "发布违规广告" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("已停用 被停用的王五 的账号");
    const deadline = clicked + 1000;
    while (tabs.some((tab) => tab.seen.length < 2) && Date.now() < deadline) await settle(10);
    for (const tab of tabs) {
      // The page is told before the socket closes, so it can say the session ended.
      expect(tab.seen.map((s) => s.event)).toEqual(["session:ended", "io server disconnect"]);
      expect(tab.seen[1].at - clicked).toBeLessThan(1000);
    }
    await settle();
    expect(bystander.seen).toEqual([]);

    const [row] = await db().select().from(users).where(eq(users.id, target.id));
    expect(row.suspendedAt).toBeInstanceOf(Date);
    expect(row.suspendedById).toBe(admin.id);
    expect(row.suspendedReason).toBe("发布违规广告");
    expect(await db().select().from(sessions).where(eq(sessions.userId, target.id))).toEqual([]);
    expect(await auditOf(target.id)).toEqual([
      { action: "user.suspended", actorId: admin.id, reason: "发布违规广告" },
    ]);

    const settings = await server.fetch("/settings", { headers: { cookie: phone } });
    expect(settings.status).toBe(302);
    expect(settings.headers.get("location")).toMatch(/^\/login\?/);
    expect((await refusal(client(server.url, { cookie: laptop }))).data?.code).toBe("unauthenticated");

    // The right password learns of the suspension, in either language; a wrong one learns nothing.
    const refused = await server.fetch("/login", post({ email: target.email, password: FACTORY_PASSWORD }));
    expect(refused.status).toBe(403);
    expect(setCookie(refused, "qilian_session")).toBeUndefined();
    expect(alertText(await refused.text())).toBe(
      "此账号已被平台管理员停用，无法登录。如有疑问，请联系平台管理员。",
    );
    const refusedEn = await server.fetch(
      "/login",
      post({ email: target.email, password: FACTORY_PASSWORD }, english),
    );
    expect(alertText(await refusedEn.text())).toMatch(/^This account has been suspended/);
    const wrong = await server.fetch("/login", post({ email: target.email, password: "not the password" }));
    expect(wrong.status).toBe(400);
    expect(alertText(await wrong.text())).toBe("邮箱或密码不正确。");
    expect(await db().select().from(sessions).where(eq(sessions.userId, target.id))).toEqual([]);

    const listed = await server.fetch(`/admin/users?q=${encodeURIComponent(target.email)}`, {
      headers: { cookie: adminCookie },
    });
    const html = await listed.text();
    expect(html).toContain(`data-user-id="${target.id}"`);
    expect(html).toMatch(/已停用[\s\S]*由 运营甲 停用[\s\S]*原因：发布违规广告/);
    expect(html).toContain("恢复账号");

    for (const tab of [...tabs, bystander]) tab.socket.close();
  });

  it("reinstating lets the user log in again, and both steps are in the audit log", async () => {
    const { admin, target, adminCookie } = await people();
    expect((await suspend(adminCookie, { userId: target.id, reason: "核实身份" })).status).toBe(200);
    const back = await server.fetch(
      "/admin/users",
      post({ intent: "reinstate", userId: target.id, reason: "已核实" }, { cookie: adminCookie }),
    );
    expect(back.status).toBe(200);
    expect(await back.text()).toContain("已恢复 被停用的王五 的账号");
    const [row] = await db().select().from(users).where(eq(users.id, target.id));
    expect([row.suspendedAt, row.suspendedById, row.suspendedReason]).toEqual([null, null, null]);

    const cookie = await logIn(server, target.email, FACTORY_PASSWORD);
    expect((await server.fetch("/settings", { headers: { cookie } })).status).toBe(200);
    const socket: LiveSocket = await connect(client(server.url, { cookie }));
    socket.close();
    expect(await auditOf(target.id)).toEqual([
      { action: "user.suspended", actorId: admin.id, reason: "核实身份" },
      { action: "user.reinstated", actorId: admin.id, reason: "已核实" },
    ]);
  });

  it("suspending twice changes nothing the second time", async () => {
    const { target, adminCookie } = await people();
    await suspend(adminCookie, { userId: target.id, reason: "第一次" });
    const again = await suspend(adminCookie, { userId: target.id, reason: "第二次" });
    expect(again.status).toBe(200);
    const [row] = await db().select().from(users).where(eq(users.id, target.id));
    expect(row.suspendedReason).toBe("第一次");
    expect((await auditOf(target.id)).map((entry) => entry.reason)).toEqual(["第一次"]);
  });

  it("refuses to suspend oneself or another platform admin, saying why", async () => {
    const { admin, adminCookie } = await people();
    const { user: otherAdmin } = await createUser(db(), { platformRole: "admin" });
    const otherCookie = await cookieOf(otherAdmin.id);

    const self = await suspend(adminCookie, { userId: admin.id, reason: "试试" });
    expect(self.status).toBe(403);
    expect(await self.text()).toContain("不能停用您自己的账号。");
    const peer = await suspend(adminCookie, { userId: otherAdmin.id, reason: "试试" }, english);
    expect(peer.status).toBe(403);
    expect(await peer.text()).toContain("You cannot suspend another platform admin");

    for (const id of [admin.id, otherAdmin.id]) {
      const [row] = await db().select().from(users).where(eq(users.id, id));
      expect(row.suspendedAt).toBeNull();
      expect(await auditOf(id)).toEqual([]);
    }
    expect((await server.fetch("/admin/users", { headers: { cookie: otherCookie } })).status).toBe(200);
  });

  it("needs a reason: 400 with the message, keeping what was typed", async () => {
    const { target, adminCookie } = await people();
    const empty = await suspend(adminCookie, { userId: target.id, reason: "   " });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("请填写停用原因。");

    const long = "理由".repeat(251);
    const tooLong = await suspend(adminCookie, { userId: target.id, reason: long });
    expect(tooLong.status).toBe(400);
    const html = await tooLong.text();
    expect(html).toContain("原因不能超过 500 字。");
    expect(html).toMatch(new RegExp(`<textarea[^>]*name="reason"[^>]*>${long}</textarea>`));
    // The refused form comes back open, in the row it is about.
    expect(html).toMatch(new RegExp(`data-user-id="${target.id}"[\\s\\S]*?<details open=""`));

    const [row] = await db().select().from(users).where(eq(users.id, target.id));
    expect(row.suspendedAt).toBeNull();
    expect(await suspend(adminCookie, { userId: "", reason: "x" }).then((r) => r.status)).toBe(400);
    expect(await suspend(adminCookie, { intent: "delete", userId: target.id }).then((r) => r.status)).toBe(
      400,
    );
  });

  it("answers 404 for an unknown user", async () => {
    const { adminCookie } = await people();
    const res = await suspend(adminCookie, { userId: "no-such-user", reason: "x" });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("找不到该用户。");
    const reinstate = await server.fetch(
      "/admin/users",
      post({ intent: "reinstate", userId: "no-such-user" }, { cookie: adminCookie }),
    );
    expect(reinstate.status).toBe(404);
  });

  it("refuses a session or a socket of a suspended account even if one slipped past the suspension", async () => {
    const { target, adminCookie } = await people();
    await suspend(adminCookie, { userId: target.id, reason: "竞态" });
    // A log-in that checked the password just before the suspension committed would start a session after it.
    const late = await cookieOf(target.id);
    expect((await refusal(client(server.url, { cookie: late }))).data?.code).toBe("unauthenticated");
    const res = await server.fetch("/settings", { headers: { cookie: late } });
    expect(res.status).toBe(302);
    expect(res.headers.getSetCookie().join("\n")).toMatch(/qilian_session=;[^\n]*Max-Age=0/i);
    expect(await db().select().from(sessions).where(eq(sessions.userId, target.id))).toEqual([]);
  });

  it("is for platform admins only: 403 for members, the log-in page for visitors", async () => {
    const { target } = await people();
    const { user: member } = await createUser(db());
    const memberCookie = await cookieOf(member.id);
    const targetSessions = () => db().select().from(sessions).where(eq(sessions.userId, target.id));
    await cookieOf(target.id);

    for (const path of ["/admin/users", "/admin/organizations", "/admin/alliances", "/admin/audit"]) {
      const forbidden = await server.fetch(path, { headers: { cookie: memberCookie } });
      expect(forbidden.status, path).toBe(403);
      expect(await forbidden.text()).toContain("只有平台管理员可以进入此页面。");
      const visitor = await server.fetch(`${path}?q=x`);
      expect(visitor.status, path).toBe(302);
      expect(visitor.headers.get("location")).toBe(
        `/login?${new URLSearchParams({ redirectTo: `${path}?q=x` })}`,
      );
    }
    const posted = await suspend(memberCookie, { userId: target.id, reason: "越权" });
    expect(posted.status).toBe(403);
    expect((await suspend("", { userId: target.id, reason: "越权" })).status).toBe(302);
    const [row] = await db().select().from(users).where(eq(users.id, target.id));
    expect(row.suspendedAt).toBeNull();
    expect(await targetSessions()).toHaveLength(1);
  });
});
