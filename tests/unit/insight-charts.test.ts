import { describe, expect, it } from "vitest";
import { bucketFormatter } from "~/charts/bucket-label";
import { heatmapGrid } from "~/charts/heatmap-grid";
import { insightCharts } from "~/charts/insight-charts.server";
import { LruCache } from "~/charts/lru";
import { cachedSvgCount } from "~/charts/render-svg.server";
import type { Insights } from "~/models/insights/types";

const hostile = "<img src=x onerror=alert(1)>";

function fixture(overrides: Partial<Insights> = {}): Insights {
  const chains = [
    { chainId: "c1", slug: "robots", nameZh: "智能机器人", nameEn: "Intelligent Robots" },
    { chainId: "c2", slug: "cars", nameZh: "智能网联汽车", nameEn: "Connected Vehicles" },
  ];
  const node = (chainId: string, n: number, posted: number, nameZh = `环节${n}`, nameEn = `Node ${n}`) => ({
    chainId,
    nodeId: `${chainId}-n${n}`,
    node: { nameZh, nameEn },
    problemsPosted: posted,
    problemsSolved: 0,
  });
  const zeroHeadline = {
    members: 12,
    membersJoined: 3,
    organizations: 5,
    problemsPosted: 9,
    problemsSolved: 4,
    medianFirstResponseHours: 5.5,
    medianSolutionDays: null,
    applications: 6,
    acceptances: 2,
    eventsHeld: 3,
    registrations: 40,
    attended: 31,
    attendanceRate: 0.775,
    resourcesShared: 7,
    inquiries: 11,
    matchesTakenUp: 1,
    crossAllianceSolutions: 1,
    crossChainSolutions: 2,
  };
  return {
    period: { kind: "month", from: "2025-03-01", to: "2025-03-31", bucket: "day" },
    scope: { allianceId: null },
    filters: { chainId: null },
    refreshedAt: "2025-03-31T08:00:00.000Z",
    headline: zeroHeadline,
    series: Array.from({ length: 31 }, (_, i) => ({
      start: `2025-03-${String(i + 1).padStart(2, "0")}`,
      problemsPosted: i % 3,
      problemsSolved: i % 2,
      registrations: i,
      attended: Math.floor(i / 2),
      resourcesShared: i % 4,
      inquiries: i % 5,
    })),
    byChain: chains.map((chain, i) => ({
      ...chain,
      members: 3,
      organizations: 2,
      problemsPosted: 5 + i,
      problemsSolved: 2,
      medianFirstResponseHours: null,
      medianSolutionDays: 3,
      applications: 1,
      acceptances: 1,
      eventsHeld: 1,
      resourcesShared: 2,
      inquiries: 3,
    })),
    byAlliance: [
      {
        allianceId: "a1",
        slug: "robotics",
        nameZh: "机器人产业联盟",
        nameEn: "Robotics Alliance",
        members: 8,
        organizations: 4,
        problemsPosted: 6,
        problemsSolved: 3,
        eventsHeld: 2,
        registrations: 20,
        attended: 15,
        resourcesShared: 4,
      },
      {
        allianceId: "a2",
        slug: "evil",
        nameZh: hostile,
        nameEn: hostile,
        members: 1,
        organizations: 1,
        problemsPosted: 3,
        problemsSolved: 1,
        eventsHeld: 1,
        registrations: 20,
        attended: 16,
        resourcesShared: 3,
      },
    ],
    chains,
    heatmap: [node("c1", 1, 2), node("c1", 2, 0, hostile, hostile), node("c1", 3, 4), node("c2", 1, 1)],
    collaborations: [],
    weakLinks: [],
    ...overrides,
  };
}

describe("insight charts", () => {
  it("draws every chart as SVG, the alliance bars only for the platform", () => {
    const charts = insightCharts(fixture(), "zh-CN");
    for (const svg of [charts.series, charts.byChain, charts.heatmap, charts.byAlliance]) {
      expect(svg).toMatch(/^<svg[^>]* role="img" aria-label="[^"]+"/);
      expect(svg).toMatch(/<title>[^<]+<\/title><desc>[^<]+<\/desc>/);
      expect(svg).toContain("</svg>");
      expect(svg).toMatch(/<(path|rect)\b/);
    }
    const alliance = insightCharts(fixture({ scope: { allianceId: "a1" } }), "zh-CN");
    expect(alliance.byAlliance).toBeNull();
  });

  it("labels the charts in the reader's language, dates included", () => {
    const zh = insightCharts(fixture(), "zh-CN");
    expect(zh.series).toContain("发布的难题");
    expect(zh.series).toContain("3月4日");
    expect(zh.series).toContain("<title>随时间的变化</title>");
    expect(zh.byChain).toContain("智能机器人");
    expect(zh.heatmap).toContain("智能网联汽车");
    expect(zh.heatmap).toContain("环节（从上游到下游）");
    expect(zh.byAlliance).toContain("机器人产业联盟");

    const en = insightCharts(fixture(), "en");
    expect(en.series).toContain("Problems posted");
    expect(en.series).toContain("Mar 4");
    expect(en.series).toContain("<title>Over time</title>");
    expect(en.series).toContain("Mar 1, 2025 to Mar 31, 2025");
    expect(en.byChain).toContain("Intelligent Robots");
    expect(en.byChain).not.toContain("智能机器人");
    expect(en.heatmap).toContain("Node (upstream to downstream)");
    expect(en.byAlliance).toContain("Robotics Alliance");
  });

  it("escapes a hostile alliance or chain name, and draws no node name at all", () => {
    // The heatmap numbers its columns; the table beside it names the nodes (one of them hostile here).
    for (const locale of ["zh-CN", "en"] as const)
      expect(insightCharts(fixture(), locale).heatmap).not.toMatch(/<img|onerror/i);

    const evil = fixture({
      chains: [{ chainId: "c1", slug: "x", nameZh: hostile, nameEn: hostile }],
      byChain: [{ ...fixture().byChain[0], nameZh: hostile, nameEn: hostile }],
    });
    for (const locale of ["zh-CN", "en"] as const) {
      const charts = insightCharts(evil, locale);
      for (const svg of [charts.byChain, charts.heatmap, charts.byAlliance ?? ""]) {
        expect(svg).not.toMatch(/<img/i);
        expect(svg).toContain("&lt;img src=x onerror=alert(1)&gt;");
      }
    }
  });

  it("draws a chart once and then serves it from the cache", () => {
    const insights = fixture({
      period: { kind: "month", from: "2024-02-01", to: "2024-02-29", bucket: "day" },
    });
    const before = cachedSvgCount();
    const first = insightCharts(insights, "en");
    const afterFirst = cachedSvgCount();
    expect(afterFirst).toBe(before + 4);
    const again = insightCharts(structuredClone(insights), "en");
    expect(cachedSvgCount()).toBe(afterFirst);
    expect(again).toEqual(first);
    expect(again.series).toBe(first.series);

    const changed = insightCharts(
      { ...insights, series: insights.series.map((p) => ({ ...p, problemsPosted: p.problemsPosted + 1 })) },
      "en",
    );
    expect(changed.series).not.toBe(first.series);
    expect(changed.byChain).toBe(first.byChain);
  });

  it("lays the heatmap out as chain rows, upstream first", () => {
    const grid = heatmapGrid(fixture());
    expect(grid.columns).toBe(3);
    expect(grid.rows.map((row) => [row.chainId, row.cells.map((cell) => cell.nodeId)])).toEqual([
      ["c1", ["c1-n1", "c1-n2", "c1-n3"]],
      ["c2", ["c2-n1"]],
    ]);
  });

  it("names a bucket by its day, or its month for a year", () => {
    const month = { kind: "month", from: "2025-03-01", to: "2025-03-31", bucket: "day" } as const;
    expect(bucketFormatter(month, "zh-CN")("2025-03-04")).toBe("3月4日");
    expect(bucketFormatter(month, "en")("2025-03-04")).toBe("Mar 4");
    const year = { kind: "year", from: "2025-01-01", to: "2025-12-31", bucket: "month" } as const;
    expect(bucketFormatter(year, "zh-CN")("2025-07-01")).toBe("2025年7月");
    expect(bucketFormatter(year, "en")("2025-07-01")).toBe("Jul 2025");
    const across = { kind: "custom", from: "2024-12-20", to: "2025-01-10", bucket: "day" } as const;
    expect(bucketFormatter(across, "en")("2024-12-31")).toBe("Dec 31, 2024");
  });
});

describe("LRU cache", () => {
  it("forgets the least recently used entry beyond its capacity", () => {
    const cache = new LruCache<string>(2);
    cache.set("a", "1");
    cache.set("b", "2");
    expect(cache.get("a")).toBe("1");
    cache.set("c", "3");
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe("1");
    expect(cache.get("c")).toBe("3");
    expect(cache.size).toBe(2);
  });
});
