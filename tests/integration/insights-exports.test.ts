import { beforeAll, describe, expect, it } from "vitest";
import { insightsTable, type InsightTable } from "~/models/insights/csv";
import { loadInsights } from "~/models/insights/figures.server";
import { parsePeriod, shanghaiDay } from "~/models/insights/period";
import { refreshInsights } from "~/models/insights/refresh.server";
import type { Insights } from "~/models/insights/types";
import { insertProblem } from "~/models/problems.server";
import { startSession } from "~/utils/auth.server";
import { readCsv } from "../csv-reader";
import { addMember, createAlliance, createChain, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { useTestServer } from "../setup/server";

/** The dashboard's exports: CSV per table (operators and organizers) and the printable alliance report. */
describe("insights exports", () => {
  const database = useTestDatabase();
  const server = useTestServer();

  // Names a spreadsheet could trip over: a quote and a comma in the alliance, a formula start in the chain.
  const allianceName = '天津市"智造",机器人产业联盟';
  const chainName = "=机器人链, 测试";
  const month = shanghaiDay(new Date()).slice(0, 7);
  const period = `period=month&month=${month}`;
  const parsed = parsePeriod(new URLSearchParams(period), new Date());
  if (!parsed.ok) throw new Error("the test's period is invalid");
  const shown = parsed.period;
  const range = `${shown.from}_${shown.to}`;

  const people = {} as Record<"admin" | "organizer" | "member" | "otherOrganizer", string>;
  let alliance: { id: string; slug: string };
  let other: { id: string; slug: string };
  let chainId: string;

  beforeAll(async () => {
    const { db } = database;
    const { chain, nodes } = await createChain(db, { nameZh: chainName, nameEn: "Robots, test" });
    chainId = chain.id;
    alliance = await createAlliance(db, {
      nameZh: allianceName,
      nameEn: "Robotics Alliance",
      chainIds: [chain.id],
    });
    other = await createAlliance(db, { nameZh: "另一个联盟", nameEn: "Another Alliance" });
    const user = async (overrides = {}) => (await createUser(db, overrides)).user;
    const admin = await user({ platformRole: "admin" });
    const organizer = await user();
    const member = await user();
    const otherOrganizer = await user();
    await addMember(db, { allianceId: alliance.id, userId: organizer.id, role: "organizer" });
    await addMember(db, { allianceId: alliance.id, userId: member.id });
    await addMember(db, { allianceId: other.id, userId: otherOrganizer.id, role: "organizer" });
    for (const title of ["减速器寿命不足", "伺服电机温升过高"])
      await insertProblem(db, {
        authorId: member.id,
        allianceId: alliance.id,
        title,
        body: "需要合作解决。",
        visibility: "public",
        urgency: "normal",
        nodeIds: [nodes.get("part-a")!.id],
        tags: [],
      });
    await refreshInsights(db, new Date());
    const sessions = { admin, organizer, member, otherOrganizer };
    for (const [who, row] of Object.entries(sessions)) {
      const { setCookie } = await startSession(server.services, row.id);
      people[who as keyof typeof people] = setCookie.split(";")[0];
    }
  });

  const get = (url: string, cookie: string | null, lang: "zh-CN" | "en" = "zh-CN") =>
    server.fetch(url, {
      headers: { "accept-language": lang, ...(cookie && { cookie }) },
      redirect: "manual",
    });

  /** The download as Excel reads it: BOM bytes, UTF-8, CRLF rows, quoted fields. */
  async function download(res: Response) {
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n").join("")).not.toMatch(/[\r\n]/);
    return { text, rows: readCsv(text.slice(1)), disposition: res.headers.get("content-disposition") ?? "" };
  }

  /** What the same period's figures say the table holds, as the spreadsheet shows it (all text). */
  async function expected(scope: string | null, table: InsightTable, locale: "zh-CN" | "en") {
    const insights: Insights = await loadInsights(database.db, {
      scope: { allianceId: scope },
      period: shown,
      filters: { chainId: null },
      now: new Date(),
    });
    const { header, rows } = insightsTable(insights, table, locale);
    // A cell that starts like a formula arrives as text, behind an apostrophe.
    const asText = (cell: string | number | null) =>
      cell === null ? "" : typeof cell === "string" && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : String(cell);
    return [header, ...rows.map((row) => row.map(asText))];
  }

  it("lets an organizer download the alliance's tables in Chinese, with the figures of the period", async () => {
    const url = (table: string) => `/alliances/${alliance.slug}/insights.csv?table=${table}&${period}`;
    const headline = await download(await get(url("headline"), people.organizer));
    expect(headline.rows[0].slice(0, 5)).toEqual(["成员", "新加入成员", "机构", "发布难题", "解决难题"]);
    expect(headline.rows[0]).toContain("首次响应时间中位数（小时）");
    expect(headline.rows[0]).toContain("出席率（%）");
    expect(headline.rows[1][3]).toBe("2");
    expect(headline.rows).toEqual(await expected(alliance.id, "headline", "zh-CN"));
    expect(headline.disposition).toBe(
      `attachment; filename="qilian-${alliance.slug}-headline-${range}.csv"; ` +
        `filename*=UTF-8''${encodeURIComponent(`七链-${allianceName}-概览-${range}.csv`)}`,
    );

    const byChain = await download(await get(url("byChain"), people.organizer));
    expect(byChain.rows).toEqual(await expected(alliance.id, "byChain", "zh-CN"));
    // The chain's name starts like a formula: it arrives as text, its comma inside one field.
    expect(byChain.text).toContain(`"'${chainName}",`);
    expect(byChain.rows[1][0]).toBe(`'${chainName}`);
    expect(byChain.rows[1][3]).toBe("2");

    const byAlliance = await download(await get(url("byAlliance"), people.organizer));
    expect(byAlliance.rows).toEqual(await expected(alliance.id, "byAlliance", "zh-CN"));
    expect(byAlliance.rows.map((row) => row[0])).toEqual(["联盟", allianceName]);
    expect(byAlliance.text).toContain('"天津市""智造"",机器人产业联盟"');

    for (const table of ["series", "heatmap", "collaborations", "weakLinks"] as const) {
      const csv = await download(await get(url(table), people.organizer));
      expect(csv.rows, table).toEqual(await expected(alliance.id, table, "zh-CN"));
    }
    const heatmap = await download(await get(url("heatmap"), people.organizer));
    expect(heatmap.rows).toContainEqual([`'${chainName}`, "部件甲", "2", "0"]);
  });

  it("writes the header in English for an English reader", async () => {
    const csv = await download(
      await get(`/alliances/${alliance.slug}/insights.csv?table=byChain&${period}`, people.organizer, "en"),
    );
    expect(csv.rows[0].slice(0, 3)).toEqual(["Chain", "Members", "Organizations"]);
    expect(csv.rows[0]).toContain("Median time to solution (days)");
    expect(csv.rows[1][0]).toBe("Robots, test");
    expect(csv.rows).toEqual(await expected(alliance.id, "byChain", "en"));
    expect(decodeURIComponent(csv.disposition.split("filename*=UTF-8''")[1])).toBe(
      `Qilian-Robotics Alliance-By chain-${range}.csv`,
    );
  });

  it("lets an operator download the platform's tables, or one alliance's", async () => {
    const platform = await download(
      await get(`/admin/insights.csv?table=byAlliance&${period}`, people.admin),
    );
    expect(platform.rows).toEqual(await expected(null, "byAlliance", "zh-CN"));
    expect(platform.rows.map((row) => row[0])).toEqual(expect.arrayContaining([allianceName, "另一个联盟"]));
    expect(platform.disposition).toMatch(/^attachment; filename="qilian-platform-byAlliance-/);
    expect(platform.disposition).toContain(encodeURIComponent("七链-全平台-按联盟-"));

    const one = await download(
      await get(`/admin/insights.csv?table=headline&alliance=${alliance.id}&${period}`, people.admin, "en"),
    );
    expect(one.rows).toEqual(await expected(alliance.id, "headline", "en"));
    expect(one.rows[0][0]).toBe("Members");
    expect(one.disposition).toMatch(new RegExp(`^attachment; filename="qilian-${alliance.slug}-headline-`));
  });

  it("refuses those who may not see the figures", async () => {
    const csv = `/alliances/${alliance.slug}/insights.csv?table=headline`;
    expect((await get(csv, people.member)).status).toBe(403);
    expect((await get(`/alliances/${other.slug}/insights.csv?table=headline`, people.organizer)).status).toBe(
      403,
    );
    expect((await get("/admin/insights.csv?table=headline", people.organizer)).status).toBe(403);
    for (const url of [csv, "/admin/insights.csv?table=headline", `/alliances/${alliance.slug}/report`]) {
      const visitor = await get(url, null);
      expect(visitor.status, url).toBe(302);
      expect(visitor.headers.get("location"), url).toMatch(/^\/login\?redirectTo=/);
    }
    expect((await get("/alliances/no-such-alliance/insights.csv?table=headline", people.admin)).status).toBe(
      404,
    );
  });

  it("answers a bad period, filter or table with a message in the reader's language", async () => {
    const base = `/alliances/${alliance.slug}/insights.csv`;
    const zh = await get(`${base}?table=headline&period=month&month=2025-13`, people.organizer);
    expect(zh.status).toBe(400);
    expect(zh.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await zh.text()).toBe("月份的格式应为 2025-03。");
    const en = await get(
      `${base}?table=headline&period=custom&from=2025-03-09&to=2025-03-01`,
      people.organizer,
      "en",
    );
    expect(en.status).toBe(400);
    expect(await en.text()).toBe("The end date cannot be before the start date.");

    const chain = await get(`${base}?table=headline&chain=not-a-uuid`, people.organizer);
    expect(chain.status).toBe(400);
    expect(await chain.text()).toBe("没有这条产业链。");
    const alliances = await get(`/admin/insights.csv?table=headline&alliance=${other.slug}`, people.admin);
    expect(alliances.status).toBe(400);
    const unknown = await get(
      `/admin/insights.csv?table=headline&alliance=00000000-0000-4000-8000-000000000000`,
      people.admin,
      "en",
    );
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toBe("There is no such alliance.");
    // A chain the alliance's figures do not cover is as unknown as a made-up one.
    const filtered = await download(
      await get(`${base}?table=byChain&chain=${chainId}&${period}`, people.organizer),
    );
    expect(filtered.rows).toHaveLength(2);

    for (const query of ["table=chains", "table=", ""]) {
      const res = await get(`${base}?${query}`, people.organizer);
      expect(res.status, query).toBe(404);
      expect(await res.text(), query).toContain("没有这张表。可以导出的表：headline, series, byChain");
    }
    expect((await get("/admin/insights.csv?table=nope", people.admin, "en")).status).toBe(404);
  });

  it("prints an alliance's period for its organizer, in the reader's language", async () => {
    const res = await get(`/alliances/${alliance.slug}/report?${period}`, people.organizer);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`${allianceName.replace(/"/g, "&quot;")} 数据报告`);
    expect(html).toMatch(new RegExp(`${month}-01 至 ${month}-\\d{2}`));
    expect(html).toContain("生成时间");
    expect(html).toContain("数据计算时间");
    expect(html).not.toContain("数据尚未计算");
    for (const section of ["主要数据", "图表", "按产业链", "难题最多的环节", "跨界合作", "薄弱环节"])
      expect(html, section).toContain(`>${section}</h2>`);
    expect(html.match(/<svg[\s>]/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(html).toContain("部件甲");
    // On screen only: the way back (keeping the period) and the Print button.
    expect(html).toMatch(/<nav[^>]*class="[^"]*print:hidden[^"]*"/);
    expect(html).toContain(`href="/alliances/${alliance.slug}/insights?period=month&amp;month=${month}"`);
    expect(html).toMatch(/<button[^>]*>打印<\/button>/);
    // The site's header and footer do not print either.
    expect(html).toMatch(/<header class="[^"]*print:hidden/);
    expect(html).toMatch(/<footer class="[^"]*print:hidden/);

    const en = await (
      await get(`/alliances/${alliance.slug}/report?${period}`, people.organizer, "en")
    ).text();
    expect(en).toContain("Robotics Alliance: period report");
    expect(en).toMatch(new RegExp(`${month}-01 to ${month}-\\d{2}`));
    expect(en).toContain(">Print</button>");
  });

  it("refuses the report to a member and answers a bad period with 400", async () => {
    expect((await get(`/alliances/${alliance.slug}/report`, people.member)).status).toBe(403);
    expect((await get(`/alliances/${alliance.slug}/report`, people.otherOrganizer)).status).toBe(403);
    const bad = await get(
      `/alliances/${alliance.slug}/report?period=quarter&quarter=2025-Q5`,
      people.organizer,
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("季度的格式应为 2025-Q1。");
  });

  it("ships the print stylesheet: A4 sheets, shell hidden, tables kept whole", async () => {
    // Operators may print any alliance's report.
    const res = await get(`/alliances/${alliance.slug}/report?${period}`, people.admin);
    expect(res.status).toBe(200);
    const html = await res.text();
    const href = html.match(/<link rel="stylesheet" href="([^"]+)"/)?.[1];
    expect(href).toMatch(/\.css(\?|$)/);
    const css = await (await server.fetch(href!)).text();
    expect(css).toMatch(/@page\s*\{[^}]*size:\s*A4[^}]*margin:\s*15mm/);
    expect(css).toMatch(/@media print\s*\{[^]*\.print\\:hidden\s*\{\s*display:\s*none/);
    expect(css).toMatch(/\.break-inside-avoid\s*\{\s*break-inside:\s*avoid/);
  });
});
