import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, organizations, orgPositions, orgRepresentatives } from "../../db/schema/index";
import { startSession } from "~/utils/auth.server";
import { addRepresentative, createOrganization, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { useTestServer } from "../setup/server";
import { fieldErrors } from "./auth-helpers";

describe("registering an organization", () => {
  const database = useTestDatabase();
  const server = useTestServer();
  let existing: Awaited<ReturnType<typeof createOrganization>>;
  const users = {
    creator: { id: "", cookie: "" },
    other: { id: "", cookie: "" },
    admin: { id: "", cookie: "" },
  };

  beforeAll(async () => {
    const { db } = database;
    existing = await createOrganization(db, { nameZh: "重名测试公司", nameEn: "Same Name Co." });
    const make = async (platformRole?: "admin") => {
      const { user } = await createUser(db, platformRole ? { platformRole } : {});
      return { id: user.id, cookie: (await startSession(server.services, user.id)).setCookie.split(";")[0] };
    };
    users.creator = await make();
    users.other = await make();
    users.admin = await make("admin");
  });

  const valid = (overrides: Record<string, string> = {}) => ({
    nameZh: "新登记科技有限公司",
    nameEn: "Newly Registered Tech Co.",
    kind: "institute",
    website: "https://new.example.com",
    city: "天津",
    descriptionZh: "中文简介",
    descriptionEn: "English description",
    ...overrides,
  });
  const submit = (cookie: string | null, params: URLSearchParams) =>
    server.fetch("/orgs/new", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) },
      body: params,
    });
  const page = async (path: string, cookie?: string) => {
    const res = await server.fetch(path, { headers: cookie ? { cookie } : {} });
    return { status: res.status, html: await res.text() };
  };
  const organizationCount = async () => (await database.db.select({ n: count() }).from(organizations))[0].n;
  const createdId = (res: Response) => {
    expect(res.status).toBe(303);
    const id = res.headers.get("location")?.match(/^\/orgs\/([0-9a-f-]{36})$/)?.[1];
    expect(id, `redirect to the new profile, got ${res.headers.get("location")}`).toBeDefined();
    return id!;
  };

  it("sends visitors to log in and back, and creates nothing for them", async () => {
    const before = await organizationCount();
    const res = await server.fetch("/orgs/new");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?redirectTo=%2Forgs%2Fnew");
    const post = await submit(
      null,
      new URLSearchParams(valid({ nameZh: "访客公司", nameEn: "Visitor Co." })),
    );
    expect(post.status).toBe(302);
    expect(post.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
    expect(await organizationCount()).toBe(before);
  });

  it("shows signed-in users the profile form without positions", async () => {
    const { status, html } = await page("/orgs/new", users.creator.cookie);
    expect(status).toBe(200);
    expect(html).toContain('id="org-create"');
    for (const field of ["nameZh", "nameEn", "kind", "city", "website", "descriptionZh", "descriptionEn"]) {
      expect(html, field).toContain(`name="${field}"`);
    }
    expect(html).not.toContain('type="checkbox"');
  });

  it("creates an unverified organization with its creator as admin, audited, and shows its profile", async () => {
    const params = new URLSearchParams(valid());
    // Positions are not part of registration: a stray field is ignored, not stored.
    params.append("supplies", "00000000-0000-4000-8000-000000000000");
    const id = createdId(await submit(users.creator.cookie, params));

    const [row] = await database.db.select().from(organizations).where(eq(organizations.id, id));
    expect(row).toMatchObject({
      nameZh: "新登记科技有限公司",
      nameEn: "Newly Registered Tech Co.",
      kind: "institute",
      website: "https://new.example.com",
      city: "天津",
      descriptionZh: "中文简介",
      descriptionEn: "English description",
      verified: false,
    });
    expect(row.slug).toMatch(/^newly-registered-tech-co-[0-9a-f]{8}$/);
    const reps = await database.db.select().from(orgRepresentatives).where(eq(orgRepresentatives.orgId, id));
    expect(reps.map((r) => ({ userId: r.userId, role: r.role }))).toEqual([
      { userId: users.creator.id, role: "admin" },
    ]);
    expect(await database.db.select().from(orgPositions).where(eq(orgPositions.orgId, id))).toEqual([]);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.orgId, id));
    expect(audit.map((a) => ({ action: a.action, actorId: a.actorId }))).toEqual([
      { action: "org.created", actorId: users.creator.id },
    ]);

    const profile = await page(`/orgs/${id}`, users.creator.cookie);
    expect(profile.status).toBe(200);
    expect(profile.html).toContain("新登记科技有限公司");
    // Being its admin, the creator may edit it; someone else may not.
    expect((await page(`/orgs/${id}/edit`, users.creator.cookie)).status).toBe(200);
    expect((await page(`/orgs/${id}/edit`, users.other.cookie)).status).toBe(403);
  });

  it("lets platform admins register one too", async () => {
    const id = createdId(
      await submit(
        users.admin.cookie,
        new URLSearchParams(valid({ nameZh: "平台登记", nameEn: "Admin Listed" })),
      ),
    );
    const [rep] = await database.db.select().from(orgRepresentatives).where(eq(orgRepresentatives.orgId, id));
    expect(rep).toMatchObject({ userId: users.admin.id, role: "admin" });
  });

  it("refuses bad values with a 400 naming each field and keeping everything typed", async () => {
    const before = await organizationCount();
    const res = await submit(
      users.other.cookie,
      new URLSearchParams(
        valid({
          nameZh: "",
          nameEn: "Kept English Name",
          kind: "spaceship",
          website: "ftp://files.example.com",
          city: "城".repeat(51),
          descriptionZh: "保留的中文简介",
          descriptionEn: "x".repeat(4001),
        }),
      ),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(fieldErrors(html, "org-create", "nameZh")).toBe("请填写中文名称。");
    expect(fieldErrors(html, "org-create", "kind")).toBe("请选择一种类型。");
    expect(fieldErrors(html, "org-create", "website")).toBe("请填写以 http:// 或 https:// 开头的网址。");
    expect(fieldErrors(html, "org-create", "city")).toBe("城市名称过长。");
    expect(fieldErrors(html, "org-create", "descriptionEn")).toBe("简介过长。");
    expect(fieldErrors(html, "org-create", "nameEn")).toBeUndefined();
    expect(html).toMatch(/name="nameEn"[^>]*value="Kept English Name"/);
    expect(html).toMatch(/name="website"[^>]*value="ftp:\/\/files.example.com"/);
    expect(html).toMatch(/name="city"[^>]*value="城{51}"/);
    expect(html).toMatch(/<textarea[^>]*name="descriptionZh"[^>]*>保留的中文简介<\/textarea>/);
    expect(await organizationCount()).toBe(before);
  });

  it("refuses a name already used in either language, ignoring case, as a field error", async () => {
    const before = await organizationCount();
    const sameEnglish = await submit(
      users.other.cookie,
      new URLSearchParams(valid({ nameZh: "全新的名字", nameEn: "  same NAME co.  " })),
    );
    expect(sameEnglish.status).toBe(400);
    const html = await sameEnglish.text();
    expect(fieldErrors(html, "org-create", "nameEn")).toBe("平台上已有同名机构。");
    expect(fieldErrors(html, "org-create", "nameZh")).toBeUndefined();
    expect(html).toMatch(/name="nameZh"[^>]*value="全新的名字"/);
    expect(html).toMatch(/name="descriptionEn"[^>]*>English description<\/textarea>/);

    // The Chinese name of one may not be another's English name either.
    const crossed = await submit(
      users.other.cookie,
      new URLSearchParams(valid({ nameZh: existing.nameEn.toUpperCase(), nameEn: existing.nameZh })),
    );
    expect(crossed.status).toBe(400);
    const crossedHtml = await crossed.text();
    expect(fieldErrors(crossedHtml, "org-create", "nameZh")).toBe("平台上已有同名机构。");
    expect(fieldErrors(crossedHtml, "org-create", "nameEn")).toBe("平台上已有同名机构。");
    expect(await organizationCount()).toBe(before);
  });

  it("lets only one of two simultaneous registrations of a name through", async () => {
    // Both requests get past their name check before either commits: a held lock on the creators' user
    // rows stops each one at its representative row (a foreign key) until both are waiting.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const holding = new Promise<void>((resolve) => (locked = resolve));
    const blocker = database.sql.begin(async (tx) => {
      await tx`select id from users where id in (${users.creator.id}, ${users.other.id}) for update`;
      locked();
      await released;
    });
    await holding;
    const params = () =>
      new URLSearchParams(valid({ nameZh: "同时登记公司", nameEn: "Racing Registration Co." }));
    const requests = Promise.all([
      submit(users.creator.cookie, params()),
      submit(users.other.cookie, params()),
    ]);
    const waiting = async () =>
      (
        await database.sql<{ n: number }[]>`
          select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`
      )[0].n;
    for (let tries = 0; (await waiting()) < 2; tries++) {
      expect(tries, "both registrations waiting").toBeLessThan(200);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    release();
    await blocker;
    const results = await requests;
    expect(results.map((r) => r.status).sort()).toEqual([303, 400]);
    const rows = await database.db
      .select()
      .from(organizations)
      .where(eq(organizations.nameEn, "Racing Registration Co."));
    expect(rows).toHaveLength(1);
  });

  it("offers registration on the directory to signed-in users only", async () => {
    expect((await page("/orgs", users.other.cookie)).html).toContain('href="/orgs/new"');
    expect((await page("/orgs")).html).not.toContain('href="/orgs/new"');
  });

  it("lists the organizations a user represents on the settings page", async () => {
    const { user } = await createUser(database.db);
    const cookie = (await startSession(server.services, user.id)).setCookie.split(";")[0];
    const none = await page("/settings", cookie);
    expect(none.html).toContain("您还没有代表任何机构。");

    await addRepresentative(database.db, { orgId: existing.id, userId: user.id, role: "representative" });
    const id = createdId(
      await submit(cookie, new URLSearchParams(valid({ nameZh: "设置页公司", nameEn: "Settings Page Co." }))),
    );
    const { html } = await page("/settings", cookie);
    expect(html).toContain("我的机构");
    expect(html).toMatch(new RegExp(`href="/orgs/${id}"[^>]*>设置页公司</a>`));
    expect(html).toMatch(new RegExp(`href="/orgs/${existing.id}"[^>]*>重名测试公司</a>`));
    expect(html).not.toContain("您还没有代表任何机构。");
  });
});
