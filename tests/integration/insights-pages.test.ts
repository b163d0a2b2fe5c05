import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { jobs } from "../../db/schema/index";
import { loadInsights } from "~/models/insights/figures.server";
import { parsePeriod } from "~/models/insights/period";
import { REFRESH_KIND, refreshInsights } from "~/models/insights/refresh.server";
import { startSession } from "~/utils/auth.server";
import { addMember, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { useTestServer } from "../setup/server";
import { post } from "./auth-helpers";
import { seedHistory, sh } from "./insights-history";

/**
 * The dashboard pages over the known history of tests/integration/insights-history.ts (figures checked
 * there): who may see which figures, the period form and its refusals, charts, tables and languages.
 */
describe("insights pages", () => {
  const database = useTestDatabase();
  const server = useTestServer();
  let h: Awaited<ReturnType<typeof seedHistory>>;
  const cookies = {} as Record<"admin" | "organizerA" | "memberA", string>;
  const march = "period=month&month=2025-03";
  const february = "period=month&month=2025-02";

  beforeAll(async () => {
    const { db } = database;
    h = await seedHistory(db);
    await refreshInsights(db, sh("2025-04-05 08:00"));
    const admin = (await createUser(db, { platformRole: "admin" })).user;
    const organizerA = (await createUser(db)).user;
    const memberA = (await createUser(db)).user;
    await addMember(db, { allianceId: h.allianceA.id, userId: organizerA.id, role: "organizer" });
    await addMember(db, { allianceId: h.allianceA.id, userId: memberA.id });
    for (const [who, user] of Object.entries({ admin, organizerA, memberA })) {
      const { setCookie } = await startSession(server.services, user.id);
      cookies[who as keyof typeof cookies] = setCookie.split(";")[0];
    }
  }, 60_000);

  const page = async (path: string, cookie: string | null, lang = "zh-CN") => {
    const res = await server.fetch(path, { headers: { "accept-language": lang, ...(cookie && { cookie }) } });
    return { status: res.status, location: res.headers.get("location"), html: await res.text() };
  };
  const figures = async (query: string, allianceId: string | null) => {
    const parsed = parsePeriod(new URLSearchParams(query), new Date());
    if (!parsed.ok) throw new Error("bad test period");
    return loadInsights(database.db, {
      scope: { allianceId },
      period: parsed.period,
      filters: { chainId: null },
      now: new Date(),
    });
  };
  /** A headline card's value: the <dd> right after its label. */
  const card = (html: string, label: string) =>
    new RegExp(`${label}</dt><dd[^>]*>([^<]*)</dd>`).exec(html)?.[1];
  const svgs = (html: string) => html.match(/<svg[^>]* role="img"[^>]*>[\s\S]*?<\/svg>/g) ?? [];

  it("shows an admin the platform's charts beside tables", async () => {
    const { status, html } = await page(`/admin?${march}`, cookies.admin);
    expect(status).toBe(200);
    expect(html).toContain("<title>数据看板 · 平台管理 · 七链</title>");
    // Series, by chain, heatmap and by alliance, each a figure with a caption and its table after it.
    const charts = svgs(html);
    expect(charts).toHaveLength(4);
    expect(html.match(/<figure\b/g)).toHaveLength(4);
    expect(html.match(/<figcaption\b/g)).toHaveLength(4);
    for (const id of ["series", "by-chain", "heatmap", "by-alliance", "collaborations", "weak-links"])
      expect(html).toMatch(new RegExp(`<table id="table-${id}"[^>]*><caption id="table-${id}-caption"`));
    expect(html).toContain('<th scope="col"');
    expect(html).toContain('<th scope="row"');
    // Every figure as loadInsights counts it: 7 problems posted, 5 solved, 60 % attendance, no median lost.
    const insights = await figures(march, null);
    expect(card(html, "发布的难题")).toBe(String(insights.headline.problemsPosted));
    expect(card(html, "解决的难题")).toBe(String(insights.headline.problemsSolved));
    expect(card(html, "出席率")).toBe("60%");
    expect(card(html, "首次响应中位时长（小时）")).toBe("8");
    expect(html).toContain(h.allianceA.nameZh);
    expect(html).toContain(h.allianceB.nameZh);
    expect(html).toContain("数据计算于 2025年4月5日");
    expect(html).toContain("立即更新");
    // The tables: a collaboration with its problem link and badges, weak links with reasons in words.
    const p1 = insights.collaborations.find((c) => c.title === "P1 伺服温升")!;
    expect(html).toContain(`href="/problems/${p1.problemId}"`);
    expect(html).toMatch(/P1 伺服温升[\s\S]*?跨联盟[\s\S]*?跨产业链/);
    expect(html).toContain("有 3 个未解决的难题");
    expect(html).toContain("2 家机构需要，平台上还没有机构供应");
    // CSV per table with the period; the platform has no single alliance report.
    expect(html).toContain('href="/admin/insights.csv?table=byChain&amp;period=month&amp;month=2025-03"');
    expect(html).toContain('href="/admin/insights.csv?table=headline&amp;period=month&amp;month=2025-03"');
    expect(html).not.toContain("/report?");
  });

  it("changes the figures and the charts with the period", async () => {
    const [marchPage, februaryPage] = [
      await page(`/admin?${march}`, cookies.admin),
      await page(`/admin?${february}`, cookies.admin),
    ];
    expect(februaryPage.status).toBe(200);
    const feb = await figures(february, null);
    expect(feb.headline.problemsPosted).not.toBe(7);
    expect(card(februaryPage.html, "发布的难题")).toBe(String(feb.headline.problemsPosted));
    expect(februaryPage.html).toContain("2025年2月1日 至 2025年2月28日");
    expect(februaryPage.html).toContain('value="2025-02"');
    const [marchSeries, februarySeries] = [svgs(marchPage.html)[0], svgs(februaryPage.html)[0]];
    expect(marchSeries).toContain("3月31日");
    expect(februarySeries).toContain("2月28日");
    expect(februarySeries).not.toBe(marchSeries);
    // A year is cut into months.
    const year = await page("/admin?period=year&year=2025", cookies.admin);
    expect(year.status).toBe(200);
    expect(svgs(year.html)[0]).toContain("2025年3月");
  });

  it("speaks English to an English reader, charts included", async () => {
    const { status, html } = await page(`/admin?${march}`, cookies.admin, "en");
    expect(status).toBe(200);
    expect(card(html, "Problems posted")).toBe("7");
    expect(html).toContain("Figures as of Sat, Apr 5, 2025");
    expect(html).toContain("Mar 1, 2025 to Mar 31, 2025");
    expect(html).toContain(h.allianceA.nameEn);
    const [series, byChain] = svgs(html);
    expect(series).toContain("<title>Over time</title>");
    expect(series).toContain("Problems posted");
    expect(series).toContain("Mar 31");
    expect(byChain).toContain(h.chainX.chain.nameEn);
    expect(byChain).not.toContain(h.chainX.chain.nameZh);
    expect(html).toContain("Refresh now");
  });

  it("sends a visitor to log in and refuses members", async () => {
    const visitor = await page(`/admin?${march}`, null);
    expect(visitor.status).toBe(302);
    expect(visitor.location).toMatch(/^\/login\?redirectTo=%2Fadmin/);
    const allianceVisitor = await page(`/alliances/${h.allianceA.slug}/insights`, null);
    expect(allianceVisitor.status).toBe(302);
    expect(allianceVisitor.location).toMatch(/^\/login\?redirectTo=/);
    expect((await page(`/admin?${march}`, cookies.memberA)).status).toBe(403);
    expect((await page(`/alliances/${h.allianceA.slug}/insights?${march}`, cookies.memberA)).status).toBe(
      403,
    );
    expect((await page(`/admin?${march}`, cookies.organizerA)).status).toBe(403);
  });

  it("shows an organizer their alliance's figures and no other's", async () => {
    const own = await page(`/alliances/${h.allianceA.slug}/insights?${march}`, cookies.organizerA);
    expect(own.status).toBe(200);
    const insights = await figures(march, h.allianceA.id);
    expect(insights.headline.problemsPosted).toBe(5);
    expect(card(own.html, "发布的难题")).toBe("5");
    // No alliance filter, no comparison with other alliances, no refresh for organizers.
    expect(own.html).not.toContain('name="alliance"');
    expect(own.html).not.toContain(h.allianceB.nameZh);
    expect(svgs(own.html)).toHaveLength(3);
    expect(own.html).not.toContain("立即更新");
    expect(own.html).toContain(
      `href="/alliances/${h.allianceA.slug}/insights.csv?table=weakLinks&amp;period=month&amp;month=2025-03"`,
    );
    expect(own.html).toContain(`href="/alliances/${h.allianceA.slug}/report?period=month&amp;month=2025-03"`);
    // ?alliance= means nothing on an alliance's page; B's page and the operators' filter are closed.
    const smuggled = await page(
      `/alliances/${h.allianceA.slug}/insights?${march}&alliance=${h.allianceB.id}`,
      cookies.organizerA,
    );
    expect(card(smuggled.html, "发布的难题")).toBe("5");
    expect((await page(`/alliances/${h.allianceB.slug}/insights?${march}`, cookies.organizerA)).status).toBe(
      403,
    );
    expect((await page(`/admin?${march}&alliance=${h.allianceB.id}`, cookies.organizerA)).status).toBe(403);
  });

  it("lets an admin narrow the platform to an alliance, and refuses one that does not exist", async () => {
    const b = await page(`/admin?${march}&alliance=${h.allianceB.id}`, cookies.admin);
    expect(b.status).toBe(200);
    expect(card(b.html, "发布的难题")).toBe(
      String((await figures(march, h.allianceB.id)).headline.problemsPosted),
    );
    expect(b.html).toContain(
      `href="/alliances/${h.allianceB.slug}/report?period=month&amp;month=2025-03&amp;alliance=${h.allianceB.id}"`,
    );
    expect(b.html).toMatch(new RegExp(`<option value="${h.allianceB.id}" selected="">`));
    for (const bogus of ["00000000-0000-4000-8000-000000000000", "not-an-id"]) {
      const refused = await page(`/admin?${march}&alliance=${bogus}`, cookies.admin);
      expect(refused.status).toBe(400);
      expect(refused.html).toContain("没有这个联盟。");
      expect(svgs(refused.html)).toHaveLength(0);
    }
    const chain = await page(`/admin?${march}&chain=${h.chainY.chain.id}`, cookies.admin);
    expect(chain.status).toBe(200);
    expect(svgs(chain.html)[1]).not.toContain(h.chainX.chain.nameZh);
    for (const bogus of ["00000000-0000-4000-8000-000000000000", "nope"]) {
      const refused = await page(`/admin?${march}&chain=${bogus}`, cookies.admin);
      expect(refused.status).toBe(400);
      expect(refused.html).toContain("没有这条产业链。");
    }
  });

  it("refuses a bad period with a 400 page that keeps what was typed", async () => {
    const month = await page("/admin?period=month&month=2025-13", cookies.admin);
    expect(month.status).toBe(400);
    expect(month.html).toContain('role="alert"');
    expect(month.html).toContain("统计期间有误，请修改后再查看。");
    expect(month.html).toContain("月份的格式应为 2025-03。");
    expect(month.html).toMatch(
      /id="insights-month"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="insights-month"/,
    );
    expect(month.html).toContain('value="2025-13"');
    expect(svgs(month.html)).toHaveLength(0);

    const custom = await page(
      `/alliances/${h.allianceA.slug}/insights?period=custom&from=2025-03-20&to=2025-03-01`,
      cookies.organizerA,
      "en",
    );
    expect(custom.status).toBe(400);
    expect(custom.html).toContain("The end date cannot be before the start date.");
    expect(custom.html).toContain('value="2025-03-20"');
    expect(custom.html).toContain('value="2025-03-01"');
    expect(custom.html).toMatch(/<option value="custom" selected="">/);

    const kind = await page("/admin?period=decade", cookies.admin);
    expect(kind.status).toBe(400);
    expect(kind.html).toContain("请选择月、季度、年或自定义时段。");
  });

  it("queues a refresh for an admin, once until it has run", async () => {
    const queued = async () =>
      (
        await database.db
          .select({ id: jobs.id })
          .from(jobs)
          .where(and(eq(jobs.kind, REFRESH_KIND), eq(jobs.status, "queued")))
      ).length;
    const before = await queued();
    const refresh = (path: string, cookie: string) =>
      server.fetch(path, post({ intent: "refresh" }, { cookie, "accept-language": "zh-CN" }));
    const first = await refresh(`/admin?index&${march}`, cookies.admin);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain("已安排更新");
    expect(await queued()).toBe(before + 1);
    const second = await refresh(`/admin?index&${march}`, cookies.admin);
    expect(await second.text()).toContain("更新已在排队");
    expect(await queued()).toBe(before + 1);
    const organizer = await refresh(`/alliances/${h.allianceA.slug}/insights?${march}`, cookies.organizerA);
    expect(organizer.status).toBe(403);
  });
});
