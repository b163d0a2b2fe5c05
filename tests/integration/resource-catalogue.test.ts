import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { resources } from "../../db/schema/index";
import { searchVector } from "~/search/tsquery.server";
import {
  addMember,
  addRepresentative,
  createAlliance,
  createChain,
  createOrganization,
  createResource,
  createUser,
} from "../factories";
import { useTestDatabase } from "../setup/database";
import { signIn } from "../setup/live";
import { useQueryCounter } from "../setup/query-counter";
import { useTestServer } from "../setup/server";

/**
 * The catalogue (/resources), each alliance's resources tab, resources on the chain map and in the
 * global search: every filter, Chinese search with marked hits, keyset paging, visibility (an
 * alliance-only resource never reaches outsiders, not even as a count), inquiry counts for organizers
 * only, and a constant number of queries however many resources there are.
 */
describe("resource catalogue", () => {
  const database = useTestDatabase();
  const counter = useQueryCounter();
  const server = useTestServer({
    get DATABASE_URL() {
      return counter.url;
    },
  });

  type Fixture = Awaited<ReturnType<typeof makeFixture>>;
  let f: Fixture;

  const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  async function makeFixture() {
    const db = database.db;
    const { chain, nodes } = await createChain(db);
    const node = (slug: string) => nodes.get(slug)!.id;
    const firm = await createOrganization(db, { kind: "enterprise", nameZh: "津门机器人有限公司" });
    const institute = await createOrganization(db, { kind: "institute", nameZh: "天津精密传动研究院" });
    const [alliance, otherAlliance] = [await createAlliance(db), await createAlliance(db)];
    const person = async () => (await createUser(db)).user;
    const people = {
      member: await person(),
      organizer: await person(),
      outsider: await person(),
      otherMember: await person(),
      representative: await person(),
      admin: (await createUser(db, { platformRole: "admin" })).user,
    };
    await addMember(db, { allianceId: alliance.id, userId: people.member.id });
    await addMember(db, { allianceId: alliance.id, userId: people.organizer.id, role: "organizer" });
    await addMember(db, { allianceId: otherAlliance.id, userId: people.otherMember.id });
    await addRepresentative(db, { orgId: firm.id, userId: people.representative.id, role: "representative" });

    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    const r = {
      reducer: await createResource(db, {
        orgId: institute.id,
        kind: "result",
        title: "谐波减速器传动精度检测方法",
        description: "一种测量**谐波减速器**回差与传动精度的方法，适用于机器人关节的出厂检验。",
        terms: "free",
        modes: ["licensing"],
        tags: ["精密传动"],
        nodeIds: [node("part-a")],
        allianceIds: [alliance.id],
        createdAt: at(60),
      }),
      testing: await createResource(db, {
        orgId: firm.id,
        kind: "service",
        title: "机器人整机可靠性测试服务",
        description: "提供整机寿命、振动与温升测试，出具检测报告。",
        terms: "paid",
        modes: ["service_contract"],
        nodeIds: [node("assembly")],
        createdAt: at(50),
      }),
      membersOnly: await createResource(db, {
        orgId: firm.id,
        kind: "service",
        title: "焊接机器人点云标定服务",
        description: "仅向联盟成员开放的点云标定服务。",
        visibility: "alliance",
        terms: "negotiable",
        nodeIds: [node("use-a")],
        allianceIds: [alliance.id],
        createdAt: at(40),
      }),
      withdrawn: await createResource(db, {
        orgId: institute.id,
        kind: "equipment",
        title: "已撤回的三坐标测量机",
        nodeIds: [node("part-b")],
        withdrawnAt: new Date(),
        createdAt: at(30),
      }),
      hidden: await createResource(db, {
        orgId: firm.id,
        kind: "product",
        title: "被隐藏的推广产品",
        nodeIds: [node("part-b")],
        hiddenAt: new Date(),
        hiddenReason: "推广",
        createdAt: at(20),
      }),
      expired: await createResource(db, {
        orgId: institute.id,
        kind: "result",
        title: "行星减速器润滑工艺",
        description: "过期未确认的成果。",
        terms: "negotiable",
        nodeIds: [node("part-a")],
        expiresOn: daysFromNow(-3),
        createdAt: at(10),
      }),
      english: await createResource(db, {
        orgId: firm.id,
        kind: "product",
        title: "ROS2 motion planning toolkit",
        description: "Motion planning for industrial arms, built on ROS2 and MoveIt.",
        terms: "paid",
        createdAt: at(5),
      }),
    };
    const cookies = Object.fromEntries(
      await Promise.all(
        Object.entries(people).map(async ([name, user]) => [
          name,
          (await signIn(server.services, user.id)).cookie,
        ]),
      ),
    ) as Record<keyof typeof people, string>;
    return { chain, node, firm, institute, alliance, otherAlliance, people, cookies, r };
  }

  beforeAll(async () => {
    f = await makeFixture();
  });

  const page = async (path: string, headers: Record<string, string> = {}) => {
    const res = await server.fetch(path, { headers });
    return { status: res.status, html: await res.text() };
  };
  const as = (who: keyof Fixture["cookies"]) => ({ cookie: f.cookies[who] });
  const en = { "accept-language": "en" };
  /** The listed resources' ids, in order. */
  const listed = (html: string) => [...html.matchAll(/data-resource="([0-9a-f-]{36})"/g)].map((m) => m[1]);
  const nextLink = (html: string) =>
    html
      .match(/<a[^>]*rel="next"[^>]*href="([^"]+)"|<a[^>]*href="([^"]+)"[^>]*rel="next"/)
      ?.slice(1)
      .find(Boolean)
      ?.replaceAll("&amp;", "&") ?? null;
  /** One row of the list, by resource id. */
  const row = (html: string, id: string) =>
    html.match(new RegExp(`<li[^>]*data-resource="${id}"[\\s\\S]*?</li>`))?.[0] ?? "";

  it("lists what everyone may see, newest first, with kind, provider, terms and the expired mark", async () => {
    const { status, html } = await page("/resources");
    expect(status).toBe(200);
    expect(listed(html)).toEqual([f.r.english.id, f.r.expired.id, f.r.testing.id, f.r.reducer.id]);
    expect(html).toContain("共 4 项资源");
    const reducer = row(html, f.r.reducer.id);
    expect(reducer).toContain("科研成果");
    expect(reducer).toContain("天津精密传动研究院");
    expect(reducer).toContain("科研院所");
    expect(reducer).toContain("部件甲");
    expect(reducer).toContain("免费");
    expect(reducer).toContain("许可使用");
    expect(reducer).not.toContain("data-expired");
    expect(row(html, f.r.expired.id)).toContain("可能已过时");
    expect(row(html, f.r.expired.id)).toContain("data-expired");
    // the description's Markdown is shown as plain text
    expect(reducer).toContain("一种测量谐波减速器回差");
    expect(html).not.toContain("data-inquiry-count");

    const english = await page("/resources", en);
    expect(english.html).toContain("4 resources");
    expect(row(english.html, f.r.reducer.id)).toContain("Research result");
    expect(row(english.html, f.r.expired.id)).toContain("May be out of date");
    expect(row(english.html, f.r.testing.id)).toContain("Service contract");
  });

  it("filters by kind, chain, node, organization kind, alliance and terms, alone and together", async () => {
    const ids = async (search: string, who?: keyof Fixture["cookies"]) =>
      listed((await page(`/resources?${search}`, who ? as(who) : {})).html);
    expect(await ids("kind=service")).toEqual([f.r.testing.id]);
    expect(await ids("kind=result")).toEqual([f.r.expired.id, f.r.reducer.id]);
    expect(await ids(`chain=${f.chain.slug}`)).toEqual([f.r.expired.id, f.r.testing.id, f.r.reducer.id]);
    expect(await ids(`node=${f.node("part-a")}`)).toEqual([f.r.expired.id, f.r.reducer.id]);
    expect(await ids(`node=${f.node("assembly")}`)).toEqual([f.r.testing.id]);
    expect(await ids("orgKind=institute")).toEqual([f.r.expired.id, f.r.reducer.id]);
    expect(await ids("orgKind=enterprise")).toEqual([f.r.english.id, f.r.testing.id]);
    expect(await ids("orgKind=university")).toEqual([]);
    expect(await ids(`alliance=${f.alliance.slug}`)).toEqual([f.r.reducer.id]);
    expect(await ids(`alliance=${f.alliance.slug}`, "member")).toEqual([f.r.membersOnly.id, f.r.reducer.id]);
    expect(await ids(`alliance=${f.otherAlliance.slug}`)).toEqual([]);
    expect(await ids("terms=paid")).toEqual([f.r.english.id, f.r.testing.id]);
    expect(await ids("terms=free")).toEqual([f.r.reducer.id]);
    expect(await ids("kind=result&terms=negotiable&orgKind=institute")).toEqual([f.r.expired.id]);
    expect(await ids(`kind=service&chain=${f.chain.slug}`, "member")).toEqual([
      f.r.membersOnly.id,
      f.r.testing.id,
    ]);

    // the form shows the filters that are set, and the kind tabs keep the other filters
    const { html } = await page(`/resources?kind=result&terms=free`);
    expect(html).toMatch(/<option value="free" selected="">/);
    expect(html).toContain('aria-current="page"');
    expect(html).toContain('href="/resources?kind=service&amp;terms=free"');
    expect(html).toContain('href="/resources?terms=free"');
  });

  it("answers filter values it does not understand with the unfiltered list, never an error", async () => {
    const everything = listed((await page("/resources")).html);
    for (const search of [
      "kind=spaceship",
      "terms=free%00",
      "orgKind=../../etc",
      "node=not-a-uuid",
      "node=00000000-0000-0000-0000-00000000000Z",
      "chain=%E4%B8%83%E9%93%BE",
      "alliance=Robotics!",
      "sort=drop%20table",
      "cursor=garbage",
      "cursor=newest~2026-02-30T00:00:00.000000Z~00000000-0000-0000-0000-000000000000",
      "cursor=relevance~1e999~x~y",
      "kind=&terms=&node=&chain=",
      "kind=result&kind=service",
    ]) {
      const { status, html } = await page(`/resources?${search}`);
      expect(status, search).toBe(200);
      if (search !== "kind=result&kind=service") expect(listed(html), search).toEqual(everything);
    }
    // a well-formed node or chain nobody has, and search text with only tsquery syntax, match nothing
    for (const search of [
      "node=00000000-0000-0000-0000-000000000000",
      "chain=no-such-chain",
      `q=${encodeURIComponent("!&:*()|<->")}`,
      `q=${encodeURIComponent("'; drop table resources; --")}`,
    ]) {
      const { status, html } = await page(`/resources?${search}`);
      expect(status, search).toBe(200);
      expect(listed(html), search).toEqual([]);
      expect(html, search).toContain('data-testid="resource-empty"');
    }
    const tab = await page(`/alliances/${f.alliance.slug}/resources?kind=x&node=y&cursor=z&sort=w`);
    expect(tab.status).toBe(200);
    expect(listed(tab.html)).toEqual([f.r.reducer.id]);
  });

  it("searches Chinese and English text with the problems' engine, most relevant first, hits marked", async () => {
    const search = async (q: string, who?: keyof Fixture["cookies"]) => {
      const { status, html } = await page(`/resources?q=${encodeURIComponent(q)}`, who ? as(who) : {});
      expect(status).toBe(200);
      return html;
    };
    const reducer = await search("谐波减速器");
    expect(listed(reducer)).toEqual([f.r.reducer.id]);
    expect(row(reducer, f.r.reducer.id)).toContain("<mark");
    expect(row(reducer, f.r.reducer.id)).toMatch(
      /<mark[^>]*>谐波减速器<\/mark><span>传动精度检测方法<\/span>/,
    );
    expect(row(reducer, f.r.reducer.id)).toMatch(/测量<\/span><mark[^>]*>谐波减速器<\/mark><span>回差/);
    // a word inside a compound
    expect(listed(await search("减速器")).sort()).toEqual([f.r.reducer.id, f.r.expired.id].sort());
    // a title hit outranks a description hit, though the description's resource is newer
    expect(listed(await search("检测"))).toEqual([f.r.reducer.id, f.r.testing.id]);
    expect(listed(await search("精度 检测"))).toEqual([f.r.reducer.id]);
    // tags are searched, and full-width Latin letters fold
    expect(listed(await search("精密传动"))).toEqual([f.r.reducer.id]);
    const ros = await search("ＲＯＳ２ planning");
    expect(listed(ros)).toEqual([f.r.english.id]);
    expect(row(ros, f.r.english.id)).toMatch(
      /<mark[^>]*>ROS2<\/mark><span> motion <\/span><mark[^>]*>planning<\/mark>/,
    );
    // search with filters; newest first on request
    const filtered = await page(`/resources?q=${encodeURIComponent("减速器")}&kind=result&orgKind=institute`);
    expect(listed(filtered.html).sort()).toEqual([f.r.reducer.id, f.r.expired.id].sort());
    expect(
      listed((await page(`/resources?q=${encodeURIComponent("减速器")}&orgKind=enterprise`)).html),
    ).toEqual([]);
    const newest = await page(`/resources?q=${encodeURIComponent("减速器")}&sort=newest`);
    expect(listed(newest.html)).toEqual([f.r.expired.id, f.r.reducer.id]);
    expect(newest.html).toMatch(/<option value="newest" selected="">/);
    // nothing found: the empty state says for what, and members-only words reveal nothing
    const none = await search("点云");
    expect(listed(none)).toEqual([]);
    expect(none).toContain("没有找到与“点云”相关的资源");
    expect(listed(await search("点云", "member"))).toEqual([f.r.membersOnly.id]);
    expect(listed(await search("三坐标测量机"))).toEqual([]);
    expect(listed(await search("推广产品", "admin"))).toEqual([]);
  });

  it("never lists an alliance-only resource to outsiders, anywhere; members, its provider and admins see it", async () => {
    const slug = f.chain.slug;
    const paths = [
      "/resources",
      "/resources?q=%E7%82%B9%E4%BA%91",
      `/resources?alliance=${f.alliance.slug}`,
      "/resources?kind=service",
      `/alliances/${f.alliance.slug}/resources`,
      `/chains/${slug}/use-a`,
      "/search?q=%E7%82%B9%E4%BA%91",
    ];
    for (const who of [undefined, "outsider", "otherMember"] as const) {
      for (const path of paths) {
        const { status, html } = await page(path, who ? as(who) : {});
        expect(status, `${who} ${path}`).toBe(200);
        expect(html, `${who} ${path}`).not.toContain(f.r.membersOnly.id);
        expect(html, `${who} ${path}`).not.toContain("点云标定服务");
      }
    }
    for (const who of ["member", "organizer", "representative", "admin"] as const) {
      for (const path of paths) {
        const { html } = await page(path, as(who));
        expect(html, `${who} ${path}`).toContain(f.r.membersOnly.id);
      }
    }
    // withdrawn and hidden ones are listed to nobody, their provider and admins included
    for (const who of [undefined, "representative", "admin"] as const) {
      const { html } = await page("/resources", who ? as(who) : {});
      expect(html).not.toContain(f.r.withdrawn.id);
      expect(html).not.toContain(f.r.hidden.id);
    }
    // the chain map counts only public ones, so no number gives the members-only one away
    const map = await page(`/chains/${slug}`, as("member"));
    expect(map.html).not.toMatch(/data-node="use-a"/);
  });

  it("shows an alliance what is shared with it, and inquiry counts to its organizers only", async () => {
    await database.db.update(resources).set({ inquiryCount: 3 }).where(eq(resources.id, f.r.reducer.id));
    const path = `/alliances/${f.alliance.slug}/resources`;
    const visitor = await page(path);
    expect(visitor.status).toBe(200);
    expect(listed(visitor.html)).toEqual([f.r.reducer.id]);
    expect(visitor.html).toContain("共享到本联盟的资源");
    expect(visitor.html).toMatch(/href="\/alliances\/[^"]+\/resources"[^>]*>资源</);

    for (const who of ["member", "outsider", "representative"] as const) {
      const { html } = await page(path, as(who));
      expect(html, who).not.toContain("data-inquiry-count");
      expect(html, who).not.toContain("次咨询");
    }
    const organizer = await page(path, as("organizer"));
    expect(listed(organizer.html)).toEqual([f.r.membersOnly.id, f.r.reducer.id]);
    expect(row(organizer.html, f.r.reducer.id)).toContain('data-inquiry-count="3"');
    expect(row(organizer.html, f.r.reducer.id)).toContain("3 次咨询");
    expect(row(organizer.html, f.r.membersOnly.id)).toContain('data-inquiry-count="0"');
    expect(organizer.html).toContain("咨询次数仅组织者可见");
    const english = await page(path, { ...as("organizer"), ...en });
    expect(row(english.html, f.r.reducer.id)).toContain("Inquiries: 3");

    // filters within the tab; the tab's alliance is fixed whatever the link says
    expect(listed((await page(`${path}?kind=result`, as("member"))).html)).toEqual([f.r.reducer.id]);
    expect(listed((await page(`${path}?alliance=${f.otherAlliance.slug}`, as("member"))).html)).toEqual([
      f.r.membersOnly.id,
      f.r.reducer.id,
    ]);
    const other = await page(`/alliances/${f.otherAlliance.slug}/resources`, as("otherMember"));
    expect(listed(other.html)).toEqual([]);
    expect(other.html).toContain("还没有资源共享到本联盟。");
  });

  it("counts each node's public results and services on the chain page, and lists them on the node page", async () => {
    const slug = f.chain.slug;
    const map = await page(`/chains/${slug}`);
    expect(map.status).toBe(200);
    const section =
      map.html.match(/<section[^>]*data-testid="chain-resources"[\s\S]*?<\/section>/)?.[0] ?? "";
    expect(section).toMatch(/data-node="part-a"[\s\S]*?成果 2 · 服务 0/);
    expect(section).toMatch(/data-node="assembly"[\s\S]*?成果 0 · 服务 1/);
    expect(section).not.toContain('data-node="part-b"');
    expect(section).toContain(`href="/resources?chain=${slug}"`);
    const english = await page(`/chains/${slug}`, en);
    expect(english.html).toContain("2 results · 0 services");

    const node = await page(`/chains/${slug}/part-a`);
    expect(node.status).toBe(200);
    expect(node.html).toContain("共享的成果（2）");
    expect(node.html).toContain("提供的服务（0）");
    expect(node.html).toContain("这一环节还没有机构提供服务。");
    expect(listed(node.html)).toEqual([f.r.expired.id, f.r.reducer.id]);
    expect(node.html).toContain(`href="/resources?node=${f.node("part-a")}"`);

    const useA = await page(`/chains/${slug}/use-a`, as("member"));
    expect(useA.html).toContain("提供的服务（1）");
    expect(listed(useA.html)).toEqual([f.r.membersOnly.id]);
  });

  it("adds the most relevant resources to the global search, with a link to the rest", async () => {
    const { status, html } = await page(`/search?q=${encodeURIComponent("减速器")}`);
    expect(status).toBe(200);
    const section = html.match(/<section[^>]*data-testid="search-resources"[\s\S]*?<\/section>/)?.[0] ?? "";
    expect(listed(section)).toEqual(expect.arrayContaining([f.r.reducer.id, f.r.expired.id]));
    expect(section).toContain("<mark");
    expect(section).toContain(`href="/resources?q=${encodeURIComponent("减速器")}"`);
    expect((await page("/search")).html).not.toContain('data-testid="search-resources"');
  });

  it("pages by keyset in both orders without skipping or repeating a row, ties included", async () => {
    const org = await createOrganization(database.db, { kind: "university" });
    const tie = new Date(Date.now() - 86_400_000);
    const created: string[] = [];
    for (let i = 0; i < 45; i++) {
      const resource = await createResource(database.db, {
        orgId: org.id,
        kind: "document",
        title: i % 3 === 0 ? `分页测试文档 ${i} 分页测试` : `分页测试文档 ${i}`,
        // a third share one instant, so only the id tells them apart
        createdAt: i % 3 === 1 ? tie : new Date(tie.getTime() - i * 1000),
      });
      created.push(resource.id);
    }
    for (const start of [
      "/resources?orgKind=university",
      "/resources?q=%E5%88%86%E9%A1%B5%E6%B5%8B%E8%AF%95",
    ]) {
      const seen: string[] = [];
      let next: string | null = start;
      let pages = 0;
      while (next) {
        const { status, html } = await page(next);
        expect(status).toBe(200);
        seen.push(...listed(html));
        next = nextLink(html);
        pages++;
      }
      expect(pages, start).toBe(3);
      expect(new Set(seen).size, start).toBe(45);
      expect([...seen].sort(), start).toEqual([...created].sort());
    }
    // relevance: the titles that say it twice come first
    const first = listed((await page("/resources?q=%E5%88%86%E9%A1%B5%E6%B5%8B%E8%AF%95")).html);
    expect(first.slice(0, 15).sort()).toEqual(created.filter((_, i) => i % 3 === 0).sort());
    // a cursor from the other order starts again from the first page
    const newest = await page("/resources?q=%E5%88%86%E9%A1%B5%E6%B5%8B%E8%AF%95&sort=newest");
    const cursor = new URL(nextLink(newest.html)!, "http://x").searchParams.get("cursor")!;
    const crossed = await page(
      `/resources?q=%E5%88%86%E9%A1%B5%E6%B5%8B%E8%AF%95&cursor=${encodeURIComponent(cursor)}`,
    );
    expect(listed(crossed.html)).toEqual(first);
    await database.db.delete(resources).where(eq(resources.orgId, org.id));
  });

  it("costs the same number of queries with many more resources", async () => {
    const slug = f.chain.slug;
    const paths: [string, Record<string, string>][] = [
      ["/resources", {}],
      ["/resources?q=%E6%B5%8B%E8%AF%95%E6%9C%8D%E5%8A%A1", {}],
      [`/resources?kind=service&chain=${slug}&orgKind=enterprise&terms=paid`, as("member")],
      [`/alliances/${f.alliance.slug}/resources`, as("organizer")],
      [`/chains/${slug}`, {}],
      [`/chains/${slug}/assembly`, as("member")],
      ["/search?q=%E6%B5%8B%E8%AF%95", {}],
    ];
    /** The fewest statements each page costs over a few tries (a pool may open a connection). */
    const costs = async () => {
      const result: Record<string, number> = {};
      for (const [path, headers] of paths) {
        const counts: number[] = [];
        for (let i = 0; i < 3; i++) {
          counts.push(
            await counter.count(async () => {
              const res = await server.fetch(path, { headers });
              expect(res.status, path).toBe(200);
              await res.text();
            }),
          );
        }
        result[path] = Math.min(...counts);
      }
      return result;
    };
    const before = await costs();
    const vector = searchVector({ title: "批量测试服务", body: "批量插入的测试服务说明", tags: [] });
    await database.db.execute(sql`
      with inserted as (
        insert into resources (kind, title, description, org_id, visibility, terms, chain_ids, search, expires_on)
        select (array['service', 'result', 'dataset']::resource_kind[])[1 + n % 3], '批量测试服务 ' || n,
          '批量插入的测试服务说明', ${f.firm.id}, (case when n % 2 = 0 then 'public' else 'alliance' end)::resource_visibility,
          'paid', array[${f.chain.id}::uuid], ${vector}, current_date + 30
        from generate_series(1, 600) n
        returning id
      ), nodes as (
        insert into resource_nodes (resource_id, node_id) select id, ${f.node("assembly")} from inserted
      )
      insert into resource_alliances (resource_id, alliance_id) select id, ${f.alliance.id} from inserted`);
    const after = await costs();
    expect(after).toEqual(before);
    const assembly = await page(`/chains/${slug}/assembly`, as("member"));
    expect(assembly.html).toContain("提供的服务（201）");
    expect(listed((await page("/resources")).html)).toHaveLength(20);
    expect((await page("/resources")).html).toContain("共 304 项资源");
  });
});
