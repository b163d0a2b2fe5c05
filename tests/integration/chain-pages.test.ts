import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../db/seed";
import { listChainMaps } from "~/models/chains.server";
import { eq } from "drizzle-orm";
import { problems } from "../../db/schema/index";
import { insertProblem, type NewProblem } from "~/models/problems.server";
import { addPosition, createAlliance, createChain, createOrganization, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { useTestServer } from "../setup/server";

describe("chain map pages", () => {
  const database = useTestDatabase();
  const server = useTestServer();
  beforeAll(async () => {
    await seedDemoData(database.db);
  });

  const page = async (path: string, headers: Record<string, string> = {}) => {
    const res = await server.fetch(path, { headers });
    return { status: res.status, html: await res.text() };
  };
  const en = { "accept-language": "en" };
  /** The SVG link of one node: its attributes and everything drawn inside it. */
  const mapNode = (html: string, href: string) =>
    html.match(new RegExp(`<a href="${href}"[^>]*>[\\s\\S]*?</a>`))?.[0];

  it("draws all seven chains as server-rendered SVG maps, each with its number of weak links", async () => {
    const { status, html } = await page("/chains");
    expect(status).toBe(200);
    expect(html.match(/<svg[^>]*role="group"/g)).toHaveLength(7);
    expect(html).toContain("工业机器人");
    expect(html).toContain('href="/chains/industrial-robots"');
    // robot bodies and servos are wanted by two organizations each and supplied by none
    expect(html).toMatch(/工业机器人<\/a><\/h2><p[^>]*>2 个薄弱环节<\/p>/);
    expect(html).toMatch(/大数据<\/a><\/h2><p[^>]*>2 个薄弱环节<\/p>/);
    expect(html).toContain("图例");
    expect(mapNode(html, "/chains/big-data/cloud")).toContain("供 0 · 需 4");
    const english = await page("/chains", en);
    expect(english.html).toMatch(/Industrial Robots<\/a><\/h2><p[^>]*>Weak links: 2<\/p>/);
  });

  it("gives every seeded chain weak links and well-supplied nodes", async () => {
    for (const chain of await listChainMaps(database.db)) {
      const nodes = chain.stages.flat();
      expect(
        nodes.some((n) => n.weak.length > 0),
        chain.slug,
      ).toBe(true);
      expect(
        nodes.some((n) => n.suppliers > 0 && n.weak.length === 0),
        chain.slug,
      ).toBe(true);
    }
  });

  it("shows each node's counts on the map, weak ones marked in words, with labels for screen readers", async () => {
    const zh = await page("/chains/industrial-robots");
    expect(zh.status).toBe(200);
    const body = mapNode(zh.html, "/chains/industrial-robots/robot-body")!;
    expect(body).toContain('aria-label="机器人本体：0 家机构供应，2 家需要，薄弱环节"');
    expect(body).toContain("data-weak");
    expect(body).toContain("stroke-dasharray");
    expect(body).toContain("供 0 · 需 2");
    expect(body).toContain("⚠ 薄弱环节");
    const software = mapNode(zh.html, "/chains/industrial-robots/industrial-software")!;
    expect(software).toContain('aria-label="工业软件与仿真：2 家机构供应，1 家需要"');
    expect(software).toContain("供 2 · 需 1");
    expect(software).not.toContain("data-weak");
    expect(software).not.toContain("薄弱环节");
    expect(zh.html.match(/<a [^>]*data-weak/g)).toHaveLength(2);

    const english = await page("/chains/industrial-robots", en);
    const enBody = mapNode(english.html, "/chains/industrial-robots/robot-body")!;
    expect(enBody).toContain(
      'aria-label="Robot bodies: supplied by 0, needed by 2 organizations, a weak link"',
    );
    expect(enBody).toContain("0 supply · 2 need");
    expect(enBody).toContain("⚠ Weak link");
    expect(english.html).toContain("Key");
  });

  it("lists the nodes as text with the same counts, weak markers with reasons, and links to node pages", async () => {
    const zh = await page("/chains/industrial-robots");
    expect(zh.html).toMatch(
      /<a[^>]*href="\/chains\/industrial-robots\/robot-body"[^>]*>机器人本体<\/a><span[^>]*>供 0 · 需 2</,
    );
    expect(zh.html).toContain("2 家机构需要，平台上还没有机构供应");
    expect(zh.html).toMatch(/上游：精密减速器、控制器、伺服系统/);
    const english = await page("/chains/industrial-robots", en);
    expect(english.html).toContain("Robot bodies");
    expect(english.html).toMatch(/Upstream: Precision reducers, Controllers, Servo systems/);
    expect(english.html).toContain("2 organizations need it and none on the platform supplies it");
  });

  it("counts what organizations declared, and flags demand of more than twice the supply", async () => {
    const { chain, nodes } = await createChain(database.db);
    const orgs = await Promise.all(Array.from({ length: 7 }, () => createOrganization(database.db)));
    const assembly = nodes.get("assembly")!.id;
    for (const org of orgs.slice(0, 2))
      await addPosition(database.db, { orgId: org.id, nodeId: assembly, kind: "supplies" });
    for (const org of orgs.slice(2))
      await addPosition(database.db, { orgId: org.id, nodeId: assembly, kind: "needs" });
    // a second declaration of the same position changes nothing
    await addPosition(database.db, { orgId: orgs[0].id, nodeId: assembly, kind: "supplies" });
    await addPosition(database.db, { orgId: orgs[0].id, nodeId: nodes.get("part-a")!.id, kind: "supplies" });

    const zh = await page(`/chains/${chain.slug}`);
    expect(mapNode(zh.html, `/chains/${chain.slug}/assembly`)).toContain("供 2 · 需 5");
    expect(mapNode(zh.html, `/chains/${chain.slug}/assembly`)).toContain("data-weak");
    expect(mapNode(zh.html, `/chains/${chain.slug}/part-a`)).toContain("供 1 · 需 0");
    expect(mapNode(zh.html, `/chains/${chain.slug}/part-b`)).toContain("供 0 · 需 0");
    expect(zh.html).toContain("需要的机构（5 家）超过供应的机构（2 家）的两倍");

    const node = await page(`/chains/${chain.slug}/assembly`, en);
    expect(node.html).toContain("5 organizations need it, more than twice the 2 that supply it");
    expect(node.html).toContain("Organizations supplying it (2)");
    expect(node.html).toContain("Organizations needing it (5)");
    for (const org of orgs) expect(node.html).toContain(`href="/orgs/${org.id}"`);
  });

  it("counts a node's open public problems, weak from the third; alliance-only, hidden and solved ones are left out", async () => {
    const { db } = database;
    const { chain, nodes } = await createChain(db);
    const partA = nodes.get("part-a")!.id;
    const { user } = await createUser(db);
    const alliance = await createAlliance(db);
    const post = (overrides: Partial<NewProblem>) =>
      insertProblem(db, {
        authorId: user.id,
        title: "节点难题计数",
        body: "正文",
        visibility: "public",
        urgency: "normal",
        nodeIds: [partA],
        tags: [],
        ...overrides,
      });
    await post({});
    await post({ status: "in_progress" });
    await post({ status: "solved" });
    await post({ allianceId: alliance.id, visibility: "alliance" });
    const hidden = await post({});
    await db.update(problems).set({ hiddenAt: new Date() }).where(eq(problems.id, hidden));

    const before = await page(`/chains/${chain.slug}/part-a`);
    expect(before.html).toContain("该环节的公开待解决难题：2 个");
    expect(before.html).toContain(`href="/problems?node=${partA}"`);
    expect(before.html).toContain("不是薄弱环节");
    await post({});
    const after = await page(`/chains/${chain.slug}/part-a`);
    expect(after.html).toContain("有 3 个未解决的难题");
    expect(mapNode((await page(`/chains/${chain.slug}`)).html, `/chains/${chain.slug}/part-a`)).toContain(
      "data-weak",
    );
  });

  it("shows a node page with its chain, neighbours, weak-link status and organizations", async () => {
    const zh = await page("/chains/industrial-robots/robot-body");
    expect(zh.status).toBe(200);
    expect(zh.html).toMatch(/<h1[^>]*>机器人本体<\/h1>/);
    expect(zh.html).toContain("Robot bodies");
    expect(zh.html).toMatch(/所属产业链：<a[^>]*href="\/chains\/industrial-robots"[^>]*>工业机器人<\/a>/);
    for (const up of ["reducers", "controllers", "servos", "system-integration"])
      expect(zh.html).toContain(`href="/chains/industrial-robots/${up}"`);
    expect(zh.html).toContain("这是一个薄弱环节");
    expect(zh.html).toContain("2 家机构需要，平台上还没有机构供应");
    expect(zh.html).toContain("供应该环节的机构（0）");
    expect(zh.html).toContain("平台上还没有机构供应这一环节。");
    expect(zh.html).toContain("需要该环节的机构（2）");
    expect(zh.html).toMatch(/href="\/orgs\/[0-9a-f-]{36}"[^>]*>天津津开机器人系统集成有限公司<\/a>/);
    expect(zh.html).toMatch(/天津智能科技产业技术研究院<\/a>[\s\S]*?科研院所 · 天津/);

    const en1 = await page("/chains/industrial-robots/industrial-software", en);
    expect(en1.status).toBe(200);
    expect(en1.html).toMatch(/<h1[^>]*>Industrial software and simulation<\/h1>/);
    expect(en1.html).toContain("工业软件与仿真");
    expect(en1.html).toContain("Not a weak link");
    expect(en1.html).toContain("Organizations supplying it (2)");
    expect(en1.html).toContain(">Tianjin Institute of Intelligent Technology Industry</a>");
    expect(en1.html).toContain(">School of Artificial Intelligence, Haihe University of Technology</a>");
    expect(en1.html).toContain("This is where the chain starts; nothing is upstream of it.");
    expect(en1.html).toMatch(
      /href="\/chains\/industrial-robots\/system-integration"[^>]*>System integration</,
    );
  });

  it("marks verified organizations on a node page", async () => {
    const { html } = await page("/chains/independent-it/cpu", en);
    expect(html).toMatch(/Haihe Xinsuan Computing Technology Co., Ltd.<\/a><span[^>]*>✓ [^<]+<\/span>/);
    expect(html).toMatch(/Jinwan Basic Software Co., Ltd.<\/a><span[^>]*>✓/);
  });

  it("answers an unknown chain or node with a 404 in the reader's language", async () => {
    const res = await page("/chains/no-such-chain", en);
    expect(res.status).toBe(404);
    expect(res.html).toContain("We could not find that chain.");
    for (const path of [
      "/chains/no-such-chain/robot-body",
      "/chains/industrial-robots/no-such-node",
      "/chains/industrial-robots/cpu",
    ]) {
      const zh = await page(path);
      expect(zh.status, path).toBe(404);
      expect(zh.html).toContain("找不到该环节。");
    }
    expect((await page("/chains/industrial-robots/cpu", en)).html).toContain(
      "We could not find that link of the chain.",
    );
  });
});
