import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { allianceChains, alliances, auditLog, memberships, notifications } from "../../db/schema/index";
import { insertMemberships } from "../../db/seed-data/insert";
import { startSession } from "~/utils/auth.server";
import { createAlliance, createChain, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { useTestServer } from "../setup/server";
import { fieldErrors } from "./auth-helpers";

describe("alliance administration by platform admins", () => {
  const database = useTestDatabase();
  const server = useTestServer();
  const cookies = { admin: "", chair: "", member: "", plain: "" };
  const ids = { admin: "", chair: "", member: "", future: "" };
  let futureChairEmail = "";
  let existing: Awaited<ReturnType<typeof createAlliance>>;
  let chainSlugs: string[] = [];

  beforeAll(async () => {
    const { db } = database;
    chainSlugs = [(await createChain(db)).chain.slug, (await createChain(db)).chain.slug];
    existing = await createAlliance(db, {
      nameZh: "既有联盟",
      nameEn: "Existing Alliance",
      joinPolicy: "open",
    });
    const session = async (userId: string) =>
      (await startSession(server.services, userId)).setCookie.split(";")[0];
    const { user: admin } = await createUser(db, { platformRole: "admin" });
    const { user: chair } = await createUser(db);
    const { user: member } = await createUser(db);
    const { user: plain } = await createUser(db);
    const { user: future } = await createUser(db, { email: "Future.Chair@Example.com" });
    await insertMemberships(db, [
      { allianceId: existing.id, userId: chair.id, role: "chair", status: "active" },
      { allianceId: existing.id, userId: member.id, role: "member", status: "active" },
    ]);
    Object.assign(ids, { admin: admin.id, chair: chair.id, member: member.id, future: future.id });
    Object.assign(cookies, {
      admin: await session(admin.id),
      chair: await session(chair.id),
      member: await session(member.id),
      plain: await session(plain.id),
    });
    futureChairEmail = "future.chair@example.com";
  });

  const page = async (path: string, cookie: string | null, lang = "zh-CN") => {
    const res = await server.fetch(path, {
      headers: { ...(cookie ? { cookie } : {}), "accept-language": lang },
    });
    return { status: res.status, location: res.headers.get("location"), html: await res.text() };
  };
  const submit = (
    path: string,
    cookie: string | null,
    fields: Record<string, string>,
    chains: string[] = [],
  ) => {
    const body = new URLSearchParams(fields);
    for (const slug of chains) body.append("chains", slug);
    return server.fetch(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) },
      body,
    });
  };
  const newAlliance = (overrides: Record<string, string> = {}) => ({
    intent: "save",
    slug: "quantum-computing",
    nameZh: "天津市量子计算产业联盟",
    nameEn: "Tianjin Quantum Computing Alliance",
    descriptionZh: "量子计算软硬件协同创新。",
    descriptionEn: "Quantum hardware and software, together.",
    joinPolicy: "request",
    chairEmail: futureChairEmail,
    ...overrides,
  });
  /** The chain checkbox for `slug`, as rendered. */
  const chainBox = (html: string, slug: string) =>
    html.match(new RegExp(`<input type="checkbox" name="chains"[^>]*value="${slug}"[^>]*>`))?.[0];
  const row = async (slug: string) =>
    (await database.db.select().from(alliances).where(eq(alliances.slug, slug)))[0];
  const lastAudit = async (allianceId: string) =>
    (
      await database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.allianceId, allianceId))
        .orderBy(desc(auditLog.id))
        .limit(1)
    )[0];

  describe("creating", () => {
    it("sends visitors to log in and refuses everyone but platform admins with a 403", async () => {
      const visitor = await page("/alliances/new", null);
      expect(visitor.status).toBe(302);
      expect(visitor.location).toBe("/login?redirectTo=%2Falliances%2Fnew");
      expect((await submit("/alliances/new", null, newAlliance())).status).toBe(302);
      for (const who of ["chair", "member", "plain"] as const) {
        const res = await page("/alliances/new", cookies[who]);
        expect(res.status).toBe(403);
        expect(res.html).toContain("只有平台管理员可以进行此操作。");
        expect((await submit("/alliances/new", cookies[who], newAlliance(), chainSlugs)).status).toBe(403);
      }
      expect(await row("quantum-computing")).toBeUndefined();
    });

    it("offers admins, and only them, a link to the form with every chain to tick", async () => {
      expect((await page("/alliances", cookies.admin)).html).toContain('href="/alliances/new"');
      for (const who of [null, cookies.chair, cookies.plain]) {
        expect((await page("/alliances", who)).html).not.toContain('href="/alliances/new"');
      }
      const form = await page("/alliances/new", cookies.admin, "en");
      expect(form.status).toBe(200);
      expect(form.html).toContain("<title>New alliance · ");
      for (const slug of chainSlugs) expect(chainBox(form.html, slug)).toBeDefined();
    });

    it("founds the alliance with its chains and first chair, audited, and tells the chair", async () => {
      const res = await submit("/alliances/new", cookies.admin, newAlliance(), chainSlugs);
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("/alliances/quantum-computing/settings?done=created");
      const created = await row("quantum-computing");
      expect(created).toMatchObject({
        nameEn: "Tianjin Quantum Computing Alliance",
        joinPolicy: "request",
        archivedAt: null,
      });
      const links = await database.db
        .select()
        .from(allianceChains)
        .where(eq(allianceChains.allianceId, created.id));
      expect(links).toHaveLength(2);
      const [chair] = await database.db
        .select()
        .from(memberships)
        .where(eq(memberships.allianceId, created.id));
      expect(chair).toMatchObject({ userId: ids.future, role: "chair", status: "active" });
      expect(await lastAudit(created.id)).toMatchObject({
        action: "alliance.created",
        actorId: ids.admin,
        subjectUserId: ids.future,
      });
      const [told] = await database.db
        .select()
        .from(notifications)
        .where(eq(notifications.userId, ids.future));
      expect(told).toMatchObject({ type: "alliance.chair_appointed", href: "/alliances/quantum-computing" });

      const overview = await page("/alliances/quantum-computing", null);
      expect(overview.status).toBe(200);
      expect(overview.html).toContain("天津市量子计算产业联盟");
      expect((await page("/alliances", null)).html).toContain("天津市量子计算产业联盟");
      expect(
        (await page("/alliances/quantum-computing/settings?done=created", cookies.admin)).html,
      ).toContain("联盟已创建。");
    });

    it("names a taken slug and an unknown chair email, keeping everything typed (400)", async () => {
      const res = await submit(
        "/alliances/new",
        cookies.admin,
        newAlliance({ slug: existing.slug, chairEmail: "nobody@example.com", nameZh: "重复的联盟" }),
        [chainSlugs[1]],
      );
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(fieldErrors(html, "alliance-create", "slug")).toBe("此网址标识已被其他联盟使用。");
      expect(fieldErrors(html, "alliance-create", "chairEmail")).toBe(
        "没有使用此邮箱的用户，请先请对方注册。",
      );
      expect(html).toMatch(/name="nameZh"[^>]*value="重复的联盟"/);
      expect(html).toMatch(/name="chairEmail"[^>]*value="nobody@example.com"/);
      expect(chainBox(html, chainSlugs[1])).toContain('checked=""');
      expect(chainBox(html, chainSlugs[0])).not.toContain("checked");
      expect((await row(existing.slug)).nameZh).toBe("既有联盟");
    });

    it.each([
      [
        "slug",
        { slug: "Quantum" },
        "网址标识只能包含小写字母 a–z、数字和连字符，不能以连字符开头或结尾，长度 2–60。",
      ],
      ["slug", { slug: "new" }, "此网址标识为系统保留，请换一个。"],
      ["slug", { slug: "" }, "请填写网址标识。"],
      ["nameEn", { nameEn: "" }, "请填写英文名称。"],
      ["joinPolicy", { joinPolicy: "anyone" }, "请选择加入方式。"],
      ["chairEmail", { chairEmail: "not-an-email" }, "请输入有效的邮箱地址。"],
    ])("refuses a bad %s with a 400 naming it", async (field, overrides, message) => {
      const res = await submit(
        "/alliances/new",
        cookies.admin,
        newAlliance({ slug: "bad-input", ...overrides }),
      );
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(fieldErrors(html, "alliance-create", field)).toBe(message);
      expect(html).toMatch(/name="nameZh"[^>]*value="天津市量子计算产业联盟"/);
      expect(await row("bad-input")).toBeUndefined();
    });

    it("refuses a chain that does not exist", async () => {
      const res = await submit("/alliances/new", cookies.admin, newAlliance({ slug: "ghost-chains" }), [
        "no-such-chain",
      ]);
      expect(res.status).toBe(400);
      expect(fieldErrors(await res.text(), "alliance-create", "chains")).toBe("请只选择列出的产业链。");
      expect(await row("ghost-chains")).toBeUndefined();
    });
  });

  describe("settings", () => {
    const settings = () => `/alliances/${existing.slug}/settings`;
    const edit = (overrides: Record<string, string> = {}) => ({
      intent: "save",
      nameZh: "既有联盟（更名）",
      nameEn: "Existing Alliance, renamed",
      descriptionZh: "新的简介",
      descriptionEn: "A new description",
      joinPolicy: "invite",
      ...overrides,
    });

    it("sends visitors to log in and refuses members and the chair with a 403", async () => {
      const visitor = await page(settings(), null);
      expect(visitor.status).toBe(302);
      expect(visitor.location).toBe(`/login?redirectTo=${encodeURIComponent(settings())}`);
      for (const who of ["chair", "member", "plain"] as const) {
        expect((await page(settings(), cookies[who])).status).toBe(403);
        expect((await submit(settings(), cookies[who], edit(), chainSlugs)).status).toBe(403);
        expect((await submit(settings(), cookies[who], { intent: "archive" })).status).toBe(403);
      }
      expect(await row(existing.slug)).toMatchObject({ nameZh: "既有联盟", archivedAt: null });
      expect((await page("/alliances/no-such-alliance/settings", cookies.admin)).status).toBe(404);
    });

    it("shows admins the stored values and the settings tab", async () => {
      const res = await page(settings(), cookies.admin);
      expect(res.status).toBe(200);
      expect(res.html).toMatch(/name="nameEn"[^>]*value="Existing Alliance"/);
      expect(res.html).toMatch(/<option value="open" selected="">/);
      expect(res.html).not.toContain('name="slug"');
      expect(res.html).toContain("归档此联盟");
    });

    it("saves the settings and the chains covered, audited with what changed", async () => {
      const res = await submit(settings(), cookies.admin, edit(), [chainSlugs[0]]);
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe(`${settings()}?done=saved`);
      expect(await row(existing.slug)).toMatchObject({
        nameZh: "既有联盟（更名）",
        nameEn: "Existing Alliance, renamed",
        descriptionEn: "A new description",
        joinPolicy: "invite",
      });
      const links = await database.db
        .select()
        .from(allianceChains)
        .where(eq(allianceChains.allianceId, existing.id));
      expect(links).toHaveLength(1);
      const entry = await lastAudit(existing.id);
      expect(entry.action).toBe("alliance.edited");
      expect(entry.data.changed).toEqual(
        expect.arrayContaining([
          "nameZh",
          "nameEn",
          "descriptionZh",
          "descriptionEn",
          "joinPolicy",
          "chains",
        ]),
      );
      expect((await page(`${settings()}?done=saved`, cookies.admin, "en")).html).toContain(
        "The settings were saved.",
      );
    });

    it("refuses bad values with a 400, keeping what was typed", async () => {
      const before = await row(existing.slug);
      const res = await submit(settings(), cookies.admin, edit({ nameZh: "", nameEn: "Typed name" }), [
        "nope",
      ]);
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(fieldErrors(html, "alliance-edit", "nameZh")).toBe("请填写中文名称。");
      expect(html).toMatch(/name="nameEn"[^>]*value="Typed name"/);
      expect(await row(existing.slug)).toEqual(before);
    });

    it("archives (404 for its members afterwards) and restores, both audited", async () => {
      const archive = await submit(settings(), cookies.admin, { intent: "archive" });
      expect(archive.status).toBe(303);
      expect(archive.headers.get("location")).toBe(`${settings()}?done=archived`);
      expect((await row(existing.slug)).archivedAt).not.toBeNull();
      expect(await lastAudit(existing.id)).toMatchObject({ action: "alliance.archived", actorId: ids.admin });
      for (const who of [cookies.member, cookies.chair, null]) {
        expect((await page(`/alliances/${existing.slug}`, who)).status).toBe(404);
      }
      expect((await page(settings(), cookies.chair)).status).toBe(404);
      expect((await page("/alliances", cookies.member)).html).not.toContain("既有联盟（更名）");
      const asAdmin = await page(settings(), cookies.admin);
      expect(asAdmin.status).toBe(200);
      expect(asAdmin.html).toContain("恢复此联盟");

      // Archiving twice changes nothing and records nothing.
      const entries = async () =>
        (
          await database.db
            .select()
            .from(auditLog)
            .where(and(eq(auditLog.allianceId, existing.id), eq(auditLog.action, "alliance.archived")))
        ).length;
      expect(await entries()).toBe(1);
      expect((await submit(settings(), cookies.admin, { intent: "archive" })).status).toBe(303);
      expect(await entries()).toBe(1);

      const restore = await submit(settings(), cookies.admin, { intent: "restore" });
      expect(restore.status).toBe(303);
      expect((await row(existing.slug)).archivedAt).toBeNull();
      expect(await lastAudit(existing.id)).toMatchObject({ action: "alliance.restored" });
      expect((await page(`/alliances/${existing.slug}`, cookies.member)).status).toBe(200);
    });
  });
});
