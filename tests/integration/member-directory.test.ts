import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "../../db/schema/index";
import { startSession } from "~/utils/auth.server";
import {
  addMember,
  addPosition,
  addRepresentative,
  createAlliance,
  createChain,
  createOrganization,
  createUser,
} from "../factories";
import { useTestDatabase } from "../setup/database";
import { useQueryCounter } from "../setup/query-counter";
import { useTestServer } from "../setup/server";
import { post } from "./auth-helpers";

/** The member rows of a directory page, by the user id each row carries. */
const rowIds = (html: string) => [...html.matchAll(/data-member="([^"]+)"/g)].map((m) => m[1]);

describe("alliance member directory", () => {
  const database = useTestDatabase();
  const counter = useQueryCounter();
  const server = useTestServer({
    get DATABASE_URL() {
      return counter.url;
    },
  });

  type Person = { id: string; email: string; cookie: string };
  const people = {} as Record<
    "chair" | "organizer" | "wang" | "emily" | "hidden" | "pending" | "outsider",
    Person
  >;
  let slug = "";
  let nodes: { partA: string; assembly: string; useB: string };

  beforeAll(async () => {
    const db = database.db;
    const alliance = await createAlliance(db);
    slug = alliance.slug;
    const chain = await createChain(db);
    nodes = {
      partA: chain.nodes.get("part-a")!.id,
      assembly: chain.nodes.get("assembly")!.id,
      useB: chain.nodes.get("use-b")!.id,
    };
    const chip = await createOrganization(db, {
      nameZh: "海河芯算科技有限公司",
      nameEn: "Haihe Xinsuan Computing Co., Ltd.",
      kind: "enterprise",
    });
    const university = await createOrganization(db, {
      nameZh: "渤海理工大学",
      nameEn: "Bohai University of Technology",
      kind: "university",
    });
    await addPosition(db, { orgId: chip.id, nodeId: nodes.partA, kind: "supplies" });
    await addPosition(db, { orgId: university.id, nodeId: nodes.assembly, kind: "needs" });

    const make = async (displayName: string) => {
      const { user } = await createUser(db, { displayName });
      const { setCookie } = await startSession(server.services, user.id);
      return { id: user.id, email: user.email, cookie: setCookie.split(";")[0] };
    };
    people.chair = await make("理事长甲");
    people.organizer = await make("组织者乙");
    people.wang = await make("王磊");
    people.emily = await make("Emily Zhou");
    people.hidden = await make("不公开的丙");
    people.pending = await make("申请人丁");
    people.outsider = await make("局外人戊");

    await addMember(db, { allianceId: alliance.id, userId: people.chair.id, role: "chair" });
    await addMember(db, { allianceId: alliance.id, userId: people.organizer.id, role: "organizer" });
    await addMember(db, { allianceId: alliance.id, userId: people.wang.id });
    await addMember(db, { allianceId: alliance.id, userId: people.emily.id });
    await addMember(db, { allianceId: alliance.id, userId: people.hidden.id });
    await addMember(db, { allianceId: alliance.id, userId: people.pending.id, status: "pending" });
    await addRepresentative(db, { orgId: chip.id, userId: people.wang.id, role: "admin" });
    await addRepresentative(db, { orgId: university.id, userId: people.emily.id, role: "representative" });
    await db.update(users).set({ hideEmail: true }).where(eq(users.id, people.emily.id));
    await db.update(users).set({ listedInDirectory: false }).where(eq(users.id, people.hidden.id));
  });

  const page = async (path: string, who?: Person, headers: Record<string, string> = {}) => {
    const res = await server.fetch(path, { headers: { ...(who && { cookie: who.cookie }), ...headers } });
    return { status: res.status, location: res.headers.get("location"), html: await res.text() };
  };
  const members = (search = "") => `/alliances/${slug}/members${search}`;

  it("sends visitors to log in, and coming back lands on the same search", async () => {
    const search = `?q=${encodeURIComponent("王")}&role=member`;
    const res = await page(members(search));
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/login?${new URLSearchParams({ redirectTo: members(search) })}`);
  });

  it("lists active, listed members with role, organizations and kind, member since — not applicants", async () => {
    const { status, html } = await page(members(), people.wang);
    expect(status).toBe(200);
    expect(html).toContain("成员名录");
    expect(rowIds(html).sort()).toEqual(
      [people.chair.id, people.organizer.id, people.wang.id, people.emily.id].sort(),
    );
    // Chair first, then organizers, then members.
    expect(rowIds(html).slice(0, 2)).toEqual([people.chair.id, people.organizer.id]);
    expect(html).toMatch(/王磊[\s\S]{0,300}成员[\s\S]{0,600}海河芯算科技有限公司[\s\S]{0,200}企业/);
    expect(html).toMatch(/href="\/orgs\/[0-9a-f-]{36}"/);
    expect(html).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 加入/);
    expect(html).toContain("共 4 名成员符合条件");
    expect(html).not.toContain("申请人丁");
    // Unlisted people are left out of the list, not of the alliance: the header still counts them.
    expect(html).not.toContain("不公开的丙");
    expect(html).toMatch(/成员<\/dt><dd[^>]*>5<\/dd>/);
  });

  it("shows emails to members unless hidden; organizers see hidden ones and unlisted people, marked", async () => {
    const asMember = await page(members(), people.wang);
    expect(asMember.html).toContain(people.chair.email);
    expect(asMember.html).not.toContain(people.emily.email);

    const asOrganizer = await page(members(), people.organizer);
    expect(asOrganizer.html).toContain(people.emily.email);
    expect(asOrganizer.html).toContain("不公开的丙");
    expect(asOrganizer.html).toMatch(/不公开的丙[\s\S]{0,600}未公开/);
    expect(rowIds(asOrganizer.html)).toHaveLength(5);
    expect(asOrganizer.html).toContain("共 5 名成员符合条件");
  });

  it("shows signed-in people outside the alliance the directory without any email", async () => {
    const { status, html } = await page(members(), people.outsider);
    expect(status).toBe(200);
    expect(rowIds(html)).toHaveLength(4);
    expect(html).not.toContain("@test.qilian.example");
  });

  it("searches display names and organization names in Chinese and English, ignoring case", async () => {
    const ids = async (q: string) =>
      rowIds((await page(members(`?q=${encodeURIComponent(q)}`), people.wang)).html);
    expect(await ids("王")).toEqual([people.wang.id]);
    expect(await ids("emily")).toEqual([people.emily.id]);
    expect(await ids("芯算")).toEqual([people.wang.id]);
    expect(await ids("xinsuan")).toEqual([people.wang.id]);
    expect(await ids("BOHAI")).toEqual([people.emily.id]);
    expect(await ids("理工")).toEqual([people.emily.id]);
    // LIKE wildcards typed by a user are plain characters.
    expect(await ids("%")).toEqual([]);
    expect(await ids("_")).toEqual([]);
    const none = await page(members("?q=nobody-like-this"), people.wang);
    expect(none.html).toContain("没有符合条件的成员");
    expect(none.html).toContain("共 0 名成员符合条件");
    // The search stays in the box.
    expect(none.html).toContain('value="nobody-like-this"');
  });

  it("filters by role, organization kind and chain node (supplied or needed)", async () => {
    const ids = async (search: string) => rowIds((await page(members(search), people.wang)).html);
    expect(await ids("?role=organizer")).toEqual([people.organizer.id]);
    expect(await ids("?role=chair")).toEqual([people.chair.id]);
    expect((await ids("?role=member")).sort()).toEqual([people.wang.id, people.emily.id].sort());
    expect(await ids("?kind=university")).toEqual([people.emily.id]);
    expect(await ids("?kind=enterprise")).toEqual([people.wang.id]);
    expect(await ids("?kind=agency")).toEqual([]);
    expect(await ids(`?node=${nodes.partA}`)).toEqual([people.wang.id]);
    expect(await ids(`?node=${nodes.assembly}`)).toEqual([people.emily.id]);
    expect(await ids(`?node=${nodes.useB}`)).toEqual([]);
    expect(await ids(`?kind=enterprise&q=emily`)).toEqual([]);
    // Unknown values are ignored, never a server error.
    expect(await ids("?role=king&kind=castle&node=not-a-uuid&page=-3")).toHaveLength(4);
    // The node select groups nodes by chain and keeps the choice.
    const { html } = await page(members(`?node=${nodes.assembly}`), people.wang);
    expect(html).toMatch(/<optgroup label="测试产业链[^"]*">[\s\S]*?部件甲/);
    expect(html).toMatch(new RegExp(`<option value="${nodes.assembly}" selected="">整机</option>`));
  });

  it("lets a member hide their email and leave the directory in their settings", async () => {
    const settings = await page("/settings", people.wang);
    expect(settings.html).toContain("隐私");
    expect(settings.html).toMatch(/name="listedInDirectory"[^>]*checked/);

    const saved = await server.fetch(
      "/settings",
      post({ intent: "privacy", hideEmail: "on" }, { cookie: people.wang.cookie }),
    );
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe("/settings?done=privacy");
    const [row] = await database.db.select().from(users).where(eq(users.id, people.wang.id));
    expect(row).toMatchObject({ hideEmail: true, listedInDirectory: false });
    const confirmed = await page("/settings?done=privacy", people.wang);
    expect(confirmed.html).toContain("隐私设置已保存。");
    expect(confirmed.html).toMatch(/name="hideEmail"[^>]*checked/);
    expect(confirmed.html).not.toMatch(/name="listedInDirectory"[^>]*checked/);

    const asMember = await page(members(), people.emily);
    expect(rowIds(asMember.html)).not.toContain(people.wang.id);
    const asOrganizer = await page(members(), people.organizer);
    expect(asOrganizer.html).toContain(people.wang.email);

    const bad = await server.fetch(
      "/settings",
      post(
        { intent: "privacy", hideEmail: "maybe", listedInDirectory: "on" },
        { cookie: people.wang.cookie },
      ),
    );
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toMatch(/id="privacy-hideEmail-error"[^>]*>[\s\S]*?请勾选或取消勾选此项。/);
    expect(html).toMatch(/name="listedInDirectory"[^>]*checked/);

    const back = await server.fetch(
      "/settings",
      post({ intent: "privacy", listedInDirectory: "on" }, { cookie: people.wang.cookie }),
    );
    expect(back.status).toBe(303);
    const [after] = await database.db.select().from(users).where(eq(users.id, people.wang.id));
    expect(after).toMatchObject({ hideEmail: false, listedInDirectory: true });
  });

  describe("with thousands of members", () => {
    let bigSlug = "";
    let viewer: Person;
    beforeAll(async () => {
      const big = await createAlliance(database.db);
      bigSlug = big.slug;
      const { user } = await createUser(database.db, { displayName: "大联盟成员" });
      const { setCookie } = await startSession(server.services, user.id);
      viewer = { id: user.id, email: user.email, cookie: setCookie.split(";")[0] };
      await addMember(database.db, { allianceId: big.id, userId: user.id, role: "chair" });
      // 120 members first: enough for three pages.
      await bulkMembers(big.id, 1, 120);
    });

    /** Members `from`..`to`, each representing an organization of their own that supplies part A. */
    async function bulkMembers(allianceId: string, from: number, to: number) {
      await database.db.execute(sql`
        with new_users as (
          insert into users (id, email, display_name, password_hash)
          select 'bulk-' || n, 'bulk' || n || '@example.org', '批量成员' || lpad(n::text, 5, '0'), 'x'
          from generate_series(${from}::int, ${to}::int) n
          returning id
        ), new_members as (
          insert into memberships (alliance_id, user_id, role, status, joined_at)
          select ${allianceId}::uuid, id, 'member', 'active', now() from new_users
        ), new_orgs as (
          insert into organizations (slug, name_zh, name_en, kind)
          select 'bulk-org-' || id, '批量单位' || id, 'Bulk organization ' || id, 'enterprise' from new_users
          returning id, slug
        ), reps as (
          insert into org_representatives (org_id, user_id, role)
          select o.id, substring(o.slug from 10), 'admin' from new_orgs o
        )
        insert into org_positions (org_id, node_id, kind)
        select id, ${nodes.partA}::uuid, 'supplies' from new_orgs`);
    }

    it("pages 50 at a time with links that keep the search", async () => {
      const first = await page(`/alliances/${bigSlug}/members?q=批量`, viewer);
      expect(rowIds(first.html)).toHaveLength(50);
      expect(first.html).toContain("共 120 名成员符合条件");
      expect(first.html).toContain("第 1 / 3 页");
      expect(first.html).toContain(`href="/alliances/${bigSlug}/members?q=%E6%89%B9%E9%87%8F&amp;page=2"`);
      expect(first.html).toContain("批量成员00001");
      const third = await page(`/alliances/${bigSlug}/members?q=批量&page=3`, viewer);
      expect(rowIds(third.html)).toHaveLength(20);
      expect(third.html).toContain("批量成员00120");
      expect(third.html).toContain("第 3 / 3 页");
      expect(third.html).toContain(`href="/alliances/${bigSlug}/members?q=%E6%89%B9%E9%87%8F&amp;page=2"`);
      const beyond = await page(`/alliances/${bigSlug}/members?page=40`, viewer);
      expect(beyond.status).toBe(200);
      expect(rowIds(beyond.html)).toEqual([]);
    });

    it("costs the same number of queries with 5,000 members", async () => {
      const searches = ["", "?q=批量单位", `?node=${nodes.partA}&kind=enterprise&role=member&page=2`];
      const costs = async () => {
        const result: Record<string, number> = {};
        for (const search of searches) {
          const counts: number[] = [];
          for (let i = 0; i < 3; i++) {
            counts.push(
              await counter.count(async () => {
                expect((await page(`/alliances/${bigSlug}/members${search}`, viewer)).status).toBe(200);
              }),
            );
          }
          result[search] = Math.min(...counts);
        }
        return result;
      };
      const before = await costs();
      await bulkMembers((await findAllianceId(bigSlug))!, 121, 5000);
      const after = await costs();
      // The layout's own queries (session, alliance, overview, live topics) plus the directory's four.
      for (const search of searches) expect(before[search], search).toBeLessThanOrEqual(14);
      expect(after).toEqual(before);
      const { html } = await page(`/alliances/${bigSlug}/members?q=批量`, viewer);
      expect(html).toContain("共 5000 名成员符合条件");
      expect(rowIds(html)).toHaveLength(50);
    });

    async function findAllianceId(allianceSlug: string) {
      const rows = await database.db.execute<{ id: string }>(
        sql`select id from alliances where slug = ${allianceSlug}`,
      );
      return rows[0]?.id;
    }
  });
});
