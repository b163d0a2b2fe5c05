import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, memberships } from "../../db/schema/index";
import { startSession } from "~/utils/auth.server";
import { addMember, createAlliance, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { useTestServer } from "../setup/server";
import { post } from "./auth-helpers";

describe("alliance member management", () => {
  const database = useTestDatabase();
  const server = useTestServer();

  type Person = { id: string; cookie: string };
  let allianceA = { id: "", slug: "" };
  let allianceB = { id: "", slug: "" };
  const people = {} as Record<
    "chair" | "organizer" | "alice" | "bob" | "carol" | "dave" | "otherChair" | "otherMember",
    Person
  >;

  beforeAll(async () => {
    const db = database.db;
    allianceA = await createAlliance(db);
    allianceB = await createAlliance(db);
    const make = async (displayName: string, allianceId: string, role: "chair" | "organizer" | "member") => {
      const { user } = await createUser(db, { displayName });
      await addMember(db, { allianceId, userId: user.id, role });
      const { setCookie } = await startSession(server.services, user.id);
      return { id: user.id, cookie: setCookie.split(";")[0] };
    };
    people.chair = await make("理事长甲", allianceA.id, "chair");
    people.organizer = await make("组织者乙", allianceA.id, "organizer");
    people.alice = await make("成员爱丽丝", allianceA.id, "member");
    people.bob = await make("成员鲍勃", allianceA.id, "member");
    people.carol = await make("成员卡萝尔", allianceA.id, "member");
    people.dave = await make("成员戴夫", allianceA.id, "member");
    people.otherChair = await make("乙联盟理事长", allianceB.id, "chair");
    people.otherMember = await make("乙联盟成员", allianceB.id, "member");
  });

  const manage = async (who: Person | null, fields: Record<string, string>, slug = allianceA.slug) => {
    const res = await server.fetch(
      `/alliances/${slug}/members`,
      post(fields, who ? { cookie: who.cookie } : {}),
    );
    return { status: res.status, location: res.headers.get("location"), html: await res.text() };
  };
  const membership = async (allianceId: string, userId: string) => {
    const [row] = await database.db
      .select({ role: memberships.role, status: memberships.status })
      .from(memberships)
      .where(and(eq(memberships.allianceId, allianceId), eq(memberships.userId, userId)));
    return row;
  };
  const audits = (subjectUserId: string) =>
    database.db.select().from(auditLog).where(eq(auditLog.subjectUserId, subjectUserId));

  it("shows an organizer controls only for whom they may manage", async () => {
    const res = await server.fetch(`/alliances/${allianceA.slug}/members`, {
      headers: { cookie: people.organizer.cookie },
    });
    const html = await res.text();
    expect(html).toContain(`id="member-role-${people.alice.id}"`);
    expect(html).toContain(`id="member-remove-${people.alice.id}"`);
    expect(html).not.toContain(`id="member-role-${people.chair.id}"`);
    expect(html).not.toContain(`id="member-remove-${people.chair.id}"`);
    // Organizers cannot appoint a chair: the option is not offered.
    expect(html).not.toMatch(
      new RegExp(`id="member-role-${people.alice.id}"[\\s\\S]*?value="chair"[\\s\\S]*?</form>`),
    );

    const asMember = await (
      await server.fetch(`/alliances/${allianceA.slug}/members`, { headers: { cookie: people.alice.cookie } })
    ).text();
    expect(asMember).not.toContain('id="member-role-');
    expect(asMember).not.toContain('id="member-remove-');
  });

  it("lets an organizer promote a member to organizer, with an audit row", async () => {
    const res = await manage(people.organizer, {
      intent: "role",
      userId: people.alice.id,
      role: "organizer",
    });
    expect(res.status).toBe(200);
    expect(await membership(allianceA.id, people.alice.id)).toEqual({ role: "organizer", status: "active" });
    const [audit] = await audits(people.alice.id);
    expect(audit).toMatchObject({
      action: "membership.role_changed",
      actorId: people.organizer.id,
      allianceId: allianceA.id,
      data: { from: "member", to: "organizer" },
    });
    const page = await (
      await server.fetch(`/alliances/${allianceA.slug}/members?role=organizer`, {
        headers: { cookie: people.bob.cookie },
      })
    ).text();
    expect(page).toMatch(/成员爱丽丝[\s\S]{0,400}组织者/);
  });

  it("refuses an organizer touching the chair or appointing one (403), changing nothing", async () => {
    const attempts: Record<string, string>[] = [
      { intent: "role", userId: people.chair.id, role: "member" },
      { intent: "remove", userId: people.chair.id },
      { intent: "role", userId: people.bob.id, role: "chair" },
    ];
    for (const fields of attempts) {
      const res = await manage(people.organizer, fields);
      expect(res.status, JSON.stringify(fields)).toBe(403);
      expect(res.html).toContain("您没有权限进行此操作。");
    }
    expect(await membership(allianceA.id, people.chair.id)).toEqual({ role: "chair", status: "active" });
    expect(await membership(allianceA.id, people.bob.id)).toEqual({ role: "member", status: "active" });
    expect(await audits(people.chair.id)).toEqual([]);
  });

  it("keeps the last chair: stepping down is refused (409) with the message", async () => {
    const res = await manage(people.chair, { intent: "role", userId: people.chair.id, role: "member" });
    expect(res.status).toBe(409);
    expect(res.html).toContain("联盟必须保留一位理事长：请先任命另一位理事长，再退出或卸任。");
    expect(await membership(allianceA.id, people.chair.id)).toEqual({ role: "chair", status: "active" });

    const en = await server.fetch(
      `/alliances/${allianceA.slug}/members`,
      post(
        { intent: "remove", userId: people.chair.id },
        { cookie: people.chair.cookie, "accept-language": "en" },
      ),
    );
    expect(en.status).toBe(409);
    expect(await en.text()).toContain("An alliance must keep a chair");
    expect(await audits(people.chair.id)).toEqual([]);
  });

  it("refuses members, visitors and people outside the alliance", async () => {
    const asMember = await manage(people.bob, { intent: "remove", userId: people.carol.id });
    expect(asMember.status).toBe(403);
    const asVisitor = await manage(null, { intent: "remove", userId: people.carol.id });
    expect(asVisitor.status).toBe(302);
    expect(asVisitor.location).toMatch(/^\/login\?redirectTo=/);
    const asOtherChair = await manage(people.otherChair, { intent: "remove", userId: people.carol.id });
    expect(asOtherChair.status).toBe(403);
    expect(await membership(allianceA.id, people.carol.id)).toEqual({ role: "member", status: "active" });
  });

  it("refuses a member of another alliance posted by id, changing nothing there", async () => {
    const attempts: Record<string, string>[] = [
      { intent: "remove", userId: people.otherMember.id },
      { intent: "role", userId: people.otherMember.id, role: "organizer" },
      { intent: "role", userId: "no-such-user", role: "organizer" },
    ];
    for (const fields of attempts) {
      const res = await manage(people.organizer, fields);
      expect(res.status, JSON.stringify(fields)).toBe(409);
      expect(res.html).toContain("此人目前不是本联盟成员。");
    }
    expect(await membership(allianceB.id, people.otherMember.id)).toEqual({
      role: "member",
      status: "active",
    });
    expect(await membership(allianceA.id, people.otherMember.id)).toBeUndefined();
    expect(await audits(people.otherMember.id)).toEqual([]);
  });

  it("removes a member with a reason, audited, and the directory drops them", async () => {
    const res = await manage(people.organizer, {
      intent: "remove",
      userId: people.carol.id,
      reason: "长期未参加活动",
    });
    expect(res.status).toBe(200);
    expect(await membership(allianceA.id, people.carol.id)).toEqual({ role: "member", status: "removed" });
    const [audit] = await audits(people.carol.id);
    expect(audit).toMatchObject({
      action: "membership.removed",
      actorId: people.organizer.id,
      reason: "长期未参加活动",
      data: { from: "member", to: null },
    });
    const again = await manage(people.organizer, { intent: "remove", userId: people.carol.id });
    expect(again.status).toBe(409);
    const page = await (
      await server.fetch(`/alliances/${allianceA.slug}/members`, { headers: { cookie: people.bob.cookie } })
    ).text();
    expect(page).not.toContain("成员卡萝尔");
  });

  it("answers bad input with 400, the field named and the typed reason kept", async () => {
    const reason = "理".repeat(501);
    const res = await manage(people.organizer, { intent: "remove", userId: people.dave.id, reason });
    expect(res.status).toBe(400);
    expect(res.html).toMatch(
      new RegExp(`id="member-remove-${people.dave.id}-reason-error"[^>]*>[\\s\\S]*?理由不能超过 500 字。`),
    );
    const typed = res.html.match(
      new RegExp(`id="member-remove-${people.dave.id}-reason"[^>]*value="([^"]*)"`),
    );
    expect(typed?.[1]).toBe(reason);
    // The confirmation stays open so the error is seen.
    expect(res.html).toMatch(new RegExp(`<details[^>]*open=""[^>]*>[\\s\\S]{0,400}成员戴夫`));
    expect(await membership(allianceA.id, people.dave.id)).toEqual({ role: "member", status: "active" });

    const noUser = await manage(people.organizer, { intent: "role", role: "organizer" });
    expect(noUser.status).toBe(400);
    const noIntent = await manage(people.organizer, { userId: people.dave.id });
    expect(noIntent.status).toBe(400);
    expect(await audits(people.dave.id)).toEqual([]);
  });

  it("lets the chair hand over: appoint a second chair, then step down", async () => {
    const appoint = await manage(people.chair, { intent: "role", userId: people.bob.id, role: "chair" });
    expect(appoint.status).toBe(200);
    const stepDown = await manage(people.chair, {
      intent: "role",
      userId: people.chair.id,
      role: "organizer",
    });
    expect(stepDown.status).toBe(200);
    expect(await membership(allianceA.id, people.chair.id)).toEqual({ role: "organizer", status: "active" });
    expect(await membership(allianceA.id, people.bob.id)).toEqual({ role: "chair", status: "active" });
  });
});
