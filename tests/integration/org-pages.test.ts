import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../db/seed";
import { auditLog, organizations, users } from "../../db/schema/index";
import { startSession } from "~/utils/auth.server";
import { addPosition, addRepresentative, createChain, createOrganization, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { useQueryCounter } from "../setup/query-counter";
import { useTestServer } from "../setup/server";
import { post } from "./auth-helpers";

describe("organization directory and profile", () => {
  const database = useTestDatabase();
  const counter = useQueryCounter();
  const server = useTestServer({
    get DATABASE_URL() {
      return counter.url;
    },
  });
  let org: Awaited<ReturnType<typeof createOrganization>>;
  let chainSlug: string;
  const people: Record<"admin" | "listed" | "unlisted" | "outsider" | "platformAdmin", string> = {
    admin: "",
    listed: "",
    unlisted: "",
    outsider: "",
    platformAdmin: "",
  };

  beforeAll(async () => {
    const { db } = database;
    await seedDemoData(db);
    org = await createOrganization(db, {
      nameZh: "百分之百_测试研究院",
      nameEn: "Hundred Percent_Test Institute",
      kind: "institute",
      city: "天津",
      website: "https://hundred.example.org",
      descriptionZh: "一家用于测试的研究院。",
      descriptionEn: "An institute that exists for tests.",
    });
    const chain = await createChain(db);
    chainSlug = chain.chain.slug;
    await addPosition(db, { orgId: org.id, nodeId: chain.nodes.get("part-a")!.id, kind: "supplies" });
    await addPosition(db, { orgId: org.id, nodeId: chain.nodes.get("assembly")!.id, kind: "needs" });
    const admin = await createUser(db, { displayName: "机构管理员甲" });
    const listed = await createUser(db, { displayName: "公开代表乙" });
    const unlisted = await createUser(db, { displayName: "隐身代表丙" });
    const outsider = await createUser(db);
    const [platformAdmin] = await db.select().from(users).where(eq(users.platformRole, "admin"));
    await db.update(users).set({ listedInDirectory: false }).where(eq(users.id, unlisted.user.id));
    await addRepresentative(db, { orgId: org.id, userId: admin.user.id, role: "admin" });
    await addRepresentative(db, { orgId: org.id, userId: listed.user.id, role: "representative" });
    await addRepresentative(db, { orgId: org.id, userId: unlisted.user.id, role: "representative" });
    const cookie = async (userId: string) =>
      (await startSession(server.services, userId)).setCookie.split(";")[0];
    people.admin = await cookie(admin.user.id);
    people.listed = await cookie(listed.user.id);
    people.unlisted = await cookie(unlisted.user.id);
    people.outsider = await cookie(outsider.user.id);
    people.platformAdmin = await cookie(platformAdmin.id);
  });

  const page = async (path: string, headers: Record<string, string> = {}) => {
    const res = await server.fetch(path, { headers });
    return { status: res.status, html: await res.text(), location: res.headers.get("location") };
  };

  describe("profile", () => {
    it("shows the name in the reader's language first, kind, city, website, description and badge", async () => {
      const zh = await page(`/orgs/${org.id}`);
      expect(zh.status).toBe(200);
      expect(zh.html).toMatch(/<h1[^>]*>百分之百_测试研究院<\/h1>/);
      expect(zh.html).toContain("Hundred Percent_Test Institute");
      expect(zh.html).toContain("科研院所");
      expect(zh.html).toContain("一家用于测试的研究院。");
      expect(zh.html).toMatch(/<a href="https:\/\/hundred\.example\.org"[^>]*rel="nofollow noopener"/);
      expect(zh.html).not.toContain("此机构已由平台管理员认证");

      const en = await page(`/orgs/${org.id}`, { "accept-language": "en" });
      expect(en.html).toMatch(/<h1[^>]*>Hundred Percent_Test Institute<\/h1>/);
      expect(en.html).toContain("Research institute");
      expect(en.html).toContain("An institute that exists for tests.");
    });

    it("groups positions by chain, each node linking to its page", async () => {
      const { html } = await page(`/orgs/${org.id}`);
      expect(html).toMatch(
        new RegExp(`供应</dt><dd>[\\s\\S]*?href="/chains/${chainSlug}/part-a"[^>]*>部件甲`),
      );
      expect(html).toMatch(
        new RegExp(`需求</dt><dd>[\\s\\S]*?href="/chains/${chainSlug}/assembly"[^>]*>整机`),
      );
      expect(html).not.toMatch(new RegExp(`href="/chains/${chainSlug}/use-a"`));
    });

    it("names representatives with their role, leaving out unlisted ones except for admins", async () => {
      const anonymous = await page(`/orgs/${org.id}`);
      expect(anonymous.html).toMatch(/机构管理员甲[\s\S]{0,200}机构管理员/);
      expect(anonymous.html).toContain("公开代表乙");
      expect(anonymous.html).not.toContain("隐身代表丙");
      expect((await page(`/orgs/${org.id}`, { cookie: people.outsider })).html).not.toContain("隐身代表丙");
      expect((await page(`/orgs/${org.id}`, { cookie: people.listed })).html).not.toContain("隐身代表丙");
      expect((await page(`/orgs/${org.id}`, { cookie: people.admin })).html).toContain("隐身代表丙");
      expect((await page(`/orgs/${org.id}`, { cookie: people.platformAdmin })).html).toContain("隐身代表丙");
    });

    it("never turns a website that is not http(s) into a link", async () => {
      const risky = await createOrganization(database.db, { website: "javascript:alert(1)" });
      const { status, html } = await page(`/orgs/${risky.id}`);
      expect(status).toBe(200);
      expect(html).toContain("javascript:alert(1)");
      expect(html).not.toMatch(/href="javascript:/);
    });

    it.each([
      ["an unknown uuid", "/orgs/00000000-0000-4000-8000-000000000000"],
      ["a non-uuid id", "/orgs/not-a-uuid"],
      ["a quote", "/orgs/%27%3B%20drop%20table"],
    ])("answers %s with a 404 in the reader's language", async (_name, path) => {
      const zh = await page(path);
      expect(zh.status).toBe(404);
      expect(zh.html).toContain("找不到该机构。");
      const en = await page(path, { "accept-language": "en" });
      expect(en.html).toContain("We could not find that organization.");
    });

    it("links organization names on an alliance page to their profiles", async () => {
      const { html } = await page("/alliances/robotics");
      const [jinkai] = await database.db
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.slug, "jinkai-robotics"));
      expect(html).toContain(`href="/orgs/${jinkai.id}"`);
    });
  });

  describe("verification", () => {
    const verify = (cookie?: string, intent = "verify") =>
      server.fetch(`/orgs/${org.id}`, post({ intent }, cookie ? { cookie } : {}));
    const isVerified = async () =>
      (await database.db.select().from(organizations).where(eq(organizations.id, org.id)))[0].verified;

    it("is refused to visitors (log in), representatives and the organization's own admins", async () => {
      const anonymous = await verify();
      expect(anonymous.status).toBe(302);
      expect(anonymous.headers.get("location")).toBe(`/login?redirectTo=%2Forgs%2F${org.id}`);
      expect((await verify(people.listed)).status).toBe(403);
      expect((await verify(people.admin)).status).toBe(403);
      expect((await verify(people.outsider)).status).toBe(403);
      expect(await isVerified()).toBe(false);
      expect((await page(`/orgs/${org.id}`, { cookie: people.admin })).html).not.toContain("认证此机构");
    });

    it("is a platform admin's button, shown as a badge with accessible text and recorded in the audit log", async () => {
      expect((await page(`/orgs/${org.id}`, { cookie: people.platformAdmin })).html).toContain("认证此机构");
      const res = await verify(people.platformAdmin);
      expect(res.status).toBe(303);
      expect(await isVerified()).toBe(true);
      const { html } = await page(`/orgs/${org.id}`);
      expect(html).toMatch(/<span class="sr-only">此机构已由平台管理员认证<\/span>/);

      expect((await verify(people.platformAdmin, "unverify")).status).toBe(303);
      expect(await isVerified()).toBe(false);
      const entries = await database.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.orgId, org.id)))
        .orderBy(auditLog.id);
      expect(entries.map((e) => e.action)).toEqual(["org.verified", "org.unverified"]);
    });

    it("refuses an unknown intent with a 400", async () => {
      expect((await verify(people.platformAdmin, "explode")).status).toBe(400);
    });
  });

  describe("directory", () => {
    const names = (html: string) => [...html.matchAll(/href="\/orgs\/([0-9a-f-]{36})"/g)].map((m) => m[1]);

    it("lists every organization, with counts, linking to profiles", async () => {
      const [{ n }] = await database.db.select({ n: sql<number>`count(*)::int` }).from(organizations);
      const { status, html } = await page("/orgs");
      expect(status).toBe(200);
      expect(new Set(names(html)).size).toBe(n);
      expect(html).toContain(`共 ${n} 家机构`);
      expect(html).toContain("天津海河芯算科技有限公司");
      expect(html).toMatch(/3 名代表/);
    });

    it("searches Chinese and English names, ignoring case, with % and _ taken literally", async () => {
      const zh = await page(`/orgs?q=${encodeURIComponent("百分之百")}`);
      expect(names(zh.html)).toEqual([org.id]);
      const en = await page(`/orgs?q=${encodeURIComponent("hUNDRED percent")}`);
      expect(names(en.html)).toEqual([org.id]);
      const underscore = await page(`/orgs?q=${encodeURIComponent("_")}`);
      expect(names(underscore.html)).toEqual([org.id]);
      const percent = await page(`/orgs?q=${encodeURIComponent("%")}`);
      expect(names(percent.html)).toEqual([]);
      expect(percent.html).toContain("没有符合条件的机构。");
    });

    it("filters by kind and by verification, and counts what each filter would give", async () => {
      const universities = await database.db
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.kind, "university"));
      const byKind = await page("/orgs?kind=university");
      expect(new Set(names(byKind.html))).toEqual(new Set(universities.map((u) => u.id)));
      expect(byKind.html).toContain(`高校 (${universities.length})`);

      const verified = await database.db
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.verified, true));
      const onlyVerified = await page("/orgs?verified=yes", { "accept-language": "en" });
      expect(new Set(names(onlyVerified.html))).toEqual(new Set(verified.map((v) => v.id)));
      expect(onlyVerified.html).toContain(`Verified (${verified.length})`);
      expect(names((await page("/orgs?verified=no")).html)).toContain(org.id);
    });

    it("treats filters it does not understand as no filter", async () => {
      const all = await page("/orgs");
      const odd = await page("/orgs?kind=spaceship&verified=maybe&q=");
      expect(odd.status).toBe(200);
      expect(names(odd.html)).toEqual(names(all.html));
    });

    it("costs the same number of queries with 300 more organizations", async () => {
      const cost = async (path: string) => {
        const counts: number[] = [];
        for (let i = 0; i < 3; i++) {
          counts.push(await counter.count(async () => expect((await page(path)).status).toBe(200)));
        }
        return Math.min(...counts);
      };
      const before = await cost("/orgs");
      const searchBefore = await cost("/orgs?q=tech&kind=enterprise");
      await database.db.execute(sql`
        insert into organizations (slug, name_zh, name_en, kind, verified)
        select 'bulk-org-' || n, '批量机构' || n, 'Bulk Tech ' || n, 'enterprise', n % 2 = 0
        from generate_series(1, 300) n`);
      expect(await cost("/orgs")).toBe(before);
      expect(await cost("/orgs?q=tech&kind=enterprise")).toBe(searchBefore);
      expect(before).toBeLessThanOrEqual(4);
    });
  });
});
