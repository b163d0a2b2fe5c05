import { and, desc, eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog, emailOutbox, invitations, memberships, notifications } from "../../db/schema/index";
import type { LiveActivity } from "~/realtime/types";
import { userTopic } from "~/realtime/topics";
import { addMember, createAlliance, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { client, connect, signIn, subscribe, until } from "../setup/live";
import { useTestServer } from "../setup/server";
import { fieldErrors, post, signUp } from "./auth-helpers";

describe("joining, deciding, leaving and invitations", () => {
  const database = useTestDatabase();
  const server = useTestServer();

  type Alliance = Awaited<ReturnType<typeof createAlliance>>;
  let alliance: Alliance;
  let chair: { id: string; cookie: string };
  let organizer: { id: string; cookie: string };

  const person = async (overrides: { email?: string } = {}) => {
    const { user } = await createUser(database.db, overrides);
    const { cookie } = await signIn(server.services, user.id);
    return { id: user.id, email: user.email, displayName: user.displayName, cookie };
  };

  const membershipOf = async (allianceId: string, userId: string) => {
    const [row] = await database.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.allianceId, allianceId), eq(memberships.userId, userId)));
    return row;
  };

  const auditActions = async (allianceId: string) =>
    (
      await database.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.allianceId, allianceId))
        .orderBy(auditLog.id)
    ).map((r) => r.action);

  const notificationsOf = (userId: string) =>
    database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(desc(notifications.id));

  const act = (slug: string, cookie: string, fields: Record<string, string>, path = "membership") =>
    server.fetch(`/alliances/${slug}/${path}`, post(fields, { cookie }));

  beforeEach(async () => {
    alliance = await createAlliance(database.db, { joinPolicy: "request" });
    chair = await person();
    organizer = await person();
    await addMember(database.db, { allianceId: alliance.id, userId: chair.id, role: "chair" });
    await addMember(database.db, { allianceId: alliance.id, userId: organizer.id, role: "organizer" });
  });

  it("joins an open alliance at once, and a second join changes nothing", async () => {
    const open = await createAlliance(database.db, { joinPolicy: "open" });
    const user = await person();
    const first = await act(open.slug, user.cookie, { intent: "join" });
    expect(first.status).toBe(200);
    expect(await membershipOf(open.id, user.id)).toMatchObject({ status: "active", role: "member" });
    expect((await membershipOf(open.id, user.id)).joinedAt).toBeInstanceOf(Date);
    expect((await act(open.slug, user.cookie, { intent: "join" })).status).toBe(200);
    expect(await auditActions(open.id)).toEqual(["membership.joined"]);
  });

  it("sends a visitor to log in, and refuses an invitation-only alliance with a clear message", async () => {
    const anonymous = await server.fetch(`/alliances/${alliance.slug}/membership`, post({ intent: "join" }));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login\?redirectTo=/);

    const closed = await createAlliance(database.db, { joinPolicy: "invite" });
    const user = await person();
    const res = await act(closed.slug, user.cookie, { intent: "join" });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("本联盟仅限受邀加入。");
    expect(await membershipOf(closed.id, user.id)).toBeUndefined();
  });

  it("takes a request once however often it is sent, and tells the organizers", async () => {
    const applicant = await person();
    for (let i = 0; i < 3; i++) {
      const res = await act(alliance.slug, applicant.cookie, { intent: "join", message: "我们做谐波减速器" });
      expect(res.status).toBe(200);
    }
    expect(await membershipOf(alliance.id, applicant.id)).toMatchObject({
      status: "pending",
      message: "我们做谐波减速器",
    });
    expect(await auditActions(alliance.id)).toEqual(["membership.requested"]);
    for (const leader of [chair, organizer]) {
      const [note] = await notificationsOf(leader.id);
      expect(note).toMatchObject({
        type: "membership.requested",
        href: `/alliances/${alliance.slug}/requests`,
      });
    }
    const page = await server.fetch(`/alliances/${alliance.slug}/requests`, {
      headers: { cookie: organizer.cookie },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(applicant.displayName);
    expect(html).toContain("我们做谐波减速器");
  });

  it("refuses an over-long note with a field error and keeps nothing half-done", async () => {
    const applicant = await person();
    const res = await act(alliance.slug, applicant.cookie, { intent: "join", message: "长".repeat(501) });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("留言不能超过 500 字。");
    expect(await membershipOf(alliance.id, applicant.id)).toBeUndefined();
  });

  it("approves a request: the applicant becomes a member and is told live; approving twice is harmless", async () => {
    const applicant = await person();
    await act(alliance.slug, applicant.cookie, { intent: "join" });

    const socket = await connect(client(server.url, { cookie: applicant.cookie }));
    const received: LiveActivity[] = [];
    socket.on("activity", (activity) => received.push(activity));
    expect((await subscribe(socket, { topic: userTopic(applicant.id), after: 1e12 })).ok).toBe(true);

    const decide = () =>
      act(alliance.slug, organizer.cookie, { intent: "approve", userId: applicant.id }, "requests");
    expect((await decide()).status).toBe(200);
    expect(await membershipOf(alliance.id, applicant.id)).toMatchObject({ status: "active", role: "member" });
    await until(
      () => received.some((a) => a.type === "notification" && a.payload.type === "membership.approved"),
      "the approval to reach the applicant live",
    );
    socket.disconnect();

    expect((await decide()).status).toBe(200);
    expect(await auditActions(alliance.id)).toEqual(["membership.requested", "membership.approved"]);
    const [note] = await notificationsOf(applicant.id);
    expect(note).toMatchObject({ type: "membership.approved", href: `/alliances/${alliance.slug}` });
  });

  it("rejects only with a reason, which the applicant is told", async () => {
    const applicant = await person();
    await act(alliance.slug, applicant.cookie, { intent: "join" });

    const bare = await act(
      alliance.slug,
      organizer.cookie,
      { intent: "reject", userId: applicant.id },
      "requests",
    );
    expect(bare.status).toBe(400);
    expect(fieldErrors(await bare.text(), `decide-${applicant.id}`, "reason")).toBe(
      "请填写理由，申请人会看到它。",
    );
    expect(await membershipOf(alliance.id, applicant.id)).toMatchObject({ status: "pending" });

    const res = await act(
      alliance.slug,
      organizer.cookie,
      { intent: "reject", userId: applicant.id, reason: "本联盟暂只接收本市单位" },
      "requests",
    );
    expect(res.status).toBe(200);
    expect(await membershipOf(alliance.id, applicant.id)).toMatchObject({ status: "rejected" });
    const [note] = await notificationsOf(applicant.id);
    expect(note).toMatchObject({ type: "membership.rejected" });
    expect(note.data).toMatchObject({ reason: "本联盟暂只接收本市单位" });
    // A rejected applicant may ask again.
    expect((await act(alliance.slug, applicant.cookie, { intent: "join" })).status).toBe(200);
    expect(await membershipOf(alliance.id, applicant.id)).toMatchObject({ status: "pending" });
  });

  it("lets a member leave, but never the last chair", async () => {
    const member = await person();
    await addMember(database.db, { allianceId: alliance.id, userId: member.id });
    expect((await act(alliance.slug, member.cookie, { intent: "leave" })).status).toBe(200);
    expect(await membershipOf(alliance.id, member.id)).toMatchObject({ status: "left" });

    const res = await act(alliance.slug, chair.cookie, { intent: "leave" });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("联盟必须保留一位理事长");
    expect(await membershipOf(alliance.id, chair.id)).toMatchObject({ status: "active", role: "chair" });
    const zh = await server.fetch(`/alliances/${alliance.slug}`, { headers: { cookie: chair.cookie } });
    expect(await zh.text()).toContain("退出联盟");
  });

  it("withdraws a pending request", async () => {
    const applicant = await person();
    await act(alliance.slug, applicant.cookie, { intent: "join" });
    expect((await act(alliance.slug, applicant.cookie, { intent: "cancel" })).status).toBe(200);
    expect(await membershipOf(alliance.id, applicant.id)).toMatchObject({ status: "left" });
    // Deciding a withdrawn request says so rather than letting the person in.
    const late = await act(
      alliance.slug,
      organizer.cookie,
      { intent: "approve", userId: applicant.id },
      "requests",
    );
    expect(late.status).toBe(409);
    expect(await membershipOf(alliance.id, applicant.id)).toMatchObject({ status: "left" });
  });

  it("does not let an organizer of one alliance decide another's requests, even with a swapped id", async () => {
    const other = await createAlliance(database.db, { joinPolicy: "request" });
    const applicant = await person();
    await act(other.slug, applicant.cookie, { intent: "join" });

    const direct = await act(
      other.slug,
      organizer.cookie,
      { intent: "approve", userId: applicant.id },
      "requests",
    );
    expect(direct.status).toBe(403);
    const swapped = await act(
      alliance.slug,
      organizer.cookie,
      { intent: "approve", userId: applicant.id },
      "requests",
    );
    expect(swapped.status).toBe(409);
    expect(await membershipOf(other.id, applicant.id)).toMatchObject({ status: "pending" });
    expect(await membershipOf(alliance.id, applicant.id)).toBeUndefined();
  });

  describe("invitations", () => {
    const invite = async (fields: Record<string, string>) => {
      const res = await act(alliance.slug, organizer.cookie, { intent: "invite", ...fields }, "invitations");
      return { status: res.status, html: await res.text() };
    };
    const linkIn = (html: string) => html.match(/https?:\/\/[^"<\s]+\/invitations\/[A-Za-z0-9_-]+/)![0];

    it("mails an invitation; a newcomer signs up and joins with it, once", async () => {
      const { status, html } = await invite({ mode: "email", email: "Newcomer@Example.com", days: "3" });
      expect(status).toBe(200);
      const url = new URL(linkIn(html));
      const [mail] = await database.db
        .select()
        .from(emailOutbox)
        .where(eq(emailOutbox.to, "newcomer@example.com"));
      expect(mail.text).toContain(url.toString());
      expect(mail.subject).toContain(alliance.nameZh);

      const visitor = await server.fetch(url.pathname);
      expect(visitor.status).toBe(200);
      const page = await visitor.text();
      expect(page).toContain(alliance.nameZh);
      expect(page).toContain("n***@example.com");
      expect(page).not.toContain("newcomer@example.com");

      const newcomer = await signUp(server, { email: "newcomer@example.com" });
      const accepted = await server.fetch(url.pathname, post({}, { cookie: newcomer.cookie }));
      expect(accepted.status).toBe(303);
      expect(accepted.headers.get("location")).toBe(`/alliances/${alliance.slug}`);

      const again = await server.fetch(url.pathname, { headers: { cookie: newcomer.cookie } });
      expect(again.status).toBe(410);
      expect(await again.text()).toContain("此邀请链接已被使用过");
      expect(await auditActions(alliance.id)).toEqual([
        "membership.invited",
        "membership.invitation_accepted",
      ]);
    });

    it("refuses an invitation meant for another address, an expired one and a revoked one", async () => {
      const { html } = await invite({ mode: "email", email: "someone@example.com" });
      const url = new URL(linkIn(html));
      const stranger = await person();
      const wrong = await server.fetch(url.pathname, post({}, { cookie: stranger.cookie }));
      expect(wrong.status).toBe(403);
      expect(await membershipOf(alliance.id, stranger.id)).toBeUndefined();

      await database.db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) });
      const expired = await server.fetch(url.pathname, { headers: { "accept-language": "en" } });
      expect(expired.status).toBe(410);
      expect(await expired.text()).toContain("This invitation link has expired");

      const link = new URL(linkIn((await invite({ mode: "link" })).html));
      const [open] = await database.db.select().from(invitations).where(isNull(invitations.email));
      expect(
        (await act(alliance.slug, organizer.cookie, { intent: "revoke", id: open?.id ?? "" }, "invitations"))
          .status,
      ).toBe(200);
      expect((await server.fetch(link.pathname)).status).toBe(410);
    });

    it("lets anyone holding a link join, and tells an existing invitee live in their notifications", async () => {
      const invitee = await person({ email: "known@example.com" });
      await invite({ mode: "email", email: "known@example.com" });
      const [note] = await notificationsOf(invitee.id);
      expect(note).toMatchObject({ type: "membership.invited" });
      expect(note.href).toMatch(/^\/invitations\//);

      const link = new URL(linkIn((await invite({ mode: "link" })).html));
      const someone = await person();
      expect((await server.fetch(link.pathname, post({}, { cookie: someone.cookie }))).status).toBe(303);
      expect(await membershipOf(alliance.id, someone.id)).toMatchObject({ status: "active" });
    });

    it("checks the invitation form: a bad email and bad days are field errors, values kept", async () => {
      const { status, html } = await invite({ mode: "email", email: "not-an-email", days: "99" });
      expect(status).toBe(400);
      expect(fieldErrors(html, "invite", "email")).toBeTruthy();
      expect(fieldErrors(html, "invite", "days")).toBe("有效期须为 1 到 30 天。");
      expect(html).toContain('value="not-an-email"');
    });
  });
});
