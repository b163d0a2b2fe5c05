import { describe, expect, it } from "vitest";
import {
  insightsCsv,
  insightsCsvFileName,
  insightsCsvResponse,
  insightsTable,
  insightTables,
  isInsightTable,
} from "~/models/insights/csv";
import type { Insights } from "~/models/insights/types";
import { readCsv } from "../csv-reader";

const robotics = { nameZh: "天津市机器人产业联盟", nameEn: "Tianjin Robotics Industry Alliance" };
const chain = { chainId: "c1", slug: "robots", nameZh: "机器人", nameEn: "Robots" };
const node = { nameZh: "减速器", nameEn: "Reducers" };

function insights(overrides: Partial<Insights> = {}): Insights {
  return {
    period: { kind: "month", from: "2025-03-01", to: "2025-03-31", bucket: "day" },
    scope: { allianceId: "a1" },
    filters: { chainId: null },
    refreshedAt: "2025-03-31T15:50:00.000Z",
    headline: {
      members: 12345,
      membersJoined: 3,
      organizations: 7,
      problemsPosted: 40,
      problemsSolved: 11,
      medianFirstResponseHours: 26.41666,
      medianSolutionDays: null,
      applications: 9,
      acceptances: 4,
      eventsHeld: 2,
      registrations: 8,
      attended: 7,
      attendanceRate: 0.875,
      resourcesShared: 5,
      inquiries: 6,
      matchesTakenUp: 1,
      crossAllianceSolutions: 2,
      crossChainSolutions: 3,
    },
    series: [
      {
        start: "2025-03-01",
        problemsPosted: 1,
        problemsSolved: 0,
        registrations: 2,
        attended: 1,
        resourcesShared: 0,
        inquiries: 4,
      },
    ],
    byChain: [
      {
        ...chain,
        members: 4,
        organizations: 2,
        problemsPosted: 10,
        problemsSolved: 3,
        medianFirstResponseHours: 2,
        medianSolutionDays: 12.25,
        applications: 5,
        acceptances: 1,
        eventsHeld: 1,
        resourcesShared: 2,
        inquiries: 3,
      },
    ],
    byAlliance: [
      {
        ...robotics,
        allianceId: "a1",
        slug: "robotics",
        members: 5,
        organizations: 3,
        problemsPosted: 10,
        problemsSolved: 3,
        eventsHeld: 1,
        registrations: 8,
        attended: 7,
        resourcesShared: 2,
      },
    ],
    chains: [chain],
    heatmap: [{ chainId: "c1", nodeId: "n1", node, problemsPosted: 6, problemsSolved: 2 }],
    collaborations: [
      {
        problemId: "p1",
        title: '=HYPERLINK("http://evil","点我"), "减速器"',
        solvedAt: "2025-03-10T17:30:00.000Z",
        posterOrg: { nameZh: "甲公司, 天津", nameEn: "Jia Co., Tianjin" },
        solverOrg: null,
        crossesAlliance: true,
        crossesChain: false,
      },
    ],
    weakLinks: [
      {
        chainId: "c1",
        chain: { nameZh: chain.nameZh, nameEn: chain.nameEn },
        nodeId: "n1",
        node,
        reasons: ["singleSupplier", "openProblems"],
        suppliers: 1,
        needs: 3,
        openProblems: 4,
      },
    ],
    ...overrides,
  };
}

const expected = {
  headline: {
    zh: [
      "成员",
      "新加入成员",
      "机构",
      "发布难题",
      "解决难题",
      "首次响应时间中位数（小时）",
      "解决用时中位数（天）",
      "揭榜申请",
      "揭榜成功",
      "举办活动",
      "报名人次",
      "出席人次",
      "出席率（%）",
      "共享资源",
      "资源咨询",
      "促成对接",
      "跨联盟解决的难题",
      "跨产业链解决的难题",
    ],
    en0: "Members",
    row: [
      "12345",
      "3",
      "7",
      "40",
      "11",
      "26.4",
      "",
      "9",
      "4",
      "2",
      "8",
      "7",
      "87.5",
      "5",
      "6",
      "1",
      "2",
      "3",
    ],
  },
  series: {
    zh: ["日期", "发布难题", "解决难题", "报名人次", "出席人次", "共享资源", "资源咨询"],
    en0: "Day",
    row: ["2025-03-01", "1", "0", "2", "1", "0", "4"],
  },
  byChain: {
    zh: [
      "产业链",
      "成员",
      "机构",
      "发布难题",
      "解决难题",
      "首次响应时间中位数（小时）",
      "解决用时中位数（天）",
      "揭榜申请",
      "揭榜成功",
      "举办活动",
      "共享资源",
      "资源咨询",
    ],
    en0: "Chain",
    row: ["机器人", "4", "2", "10", "3", "2", "12.3", "5", "1", "1", "2", "3"],
  },
  byAlliance: {
    zh: ["联盟", "成员", "机构", "发布难题", "解决难题", "举办活动", "报名人次", "出席人次", "共享资源"],
    en0: "Alliance",
    row: ["天津市机器人产业联盟", "5", "3", "10", "3", "1", "8", "7", "2"],
  },
  heatmap: {
    zh: ["产业链", "环节", "发布难题", "解决难题"],
    en0: "Chain",
    row: ["机器人", "减速器", "6", "2"],
  },
  collaborations: {
    zh: ["难题", "解决时间（北京时间）", "发布机构", "解决机构", "跨联盟", "跨产业链"],
    en0: "Problem",
    // The title is a formula to Excel: it stays text behind an apostrophe, commas and quotes intact.
    row: ['\'=HYPERLINK("http://evil","点我"), "减速器"', "2025-03-11 01:30", "甲公司, 天津", "", "是", "否"],
  },
  weakLinks: {
    zh: ["产业链", "环节", "原因", "供应机构", "需求机构", "未解决难题"],
    en0: "Chain",
    row: ["机器人", "减速器", "仅一家机构供应；未解决难题积压", "1", "3", "4"],
  },
} as const;

describe("insights CSV", () => {
  it("knows its seven tables and nothing else", () => {
    expect(insightTables).toEqual(Object.keys(expected));
    for (const table of insightTables) expect(isInsightTable(table)).toBe(true);
    for (const other of ["", "HEADLINE", "chains", null, undefined, 3])
      expect(isInsightTable(other)).toBe(false);
  });

  for (const table of insightTables) {
    it(`writes the ${table} table with a Chinese header, a BOM and CRLF line ends`, () => {
      const text = insightsCsv(insights(), table, "zh-CN");
      expect(text.startsWith("\uFEFF")).toBe(true);
      expect(text.endsWith("\r\n")).toBe(true);
      expect(text.replace(/\r\n/g, "")).not.toMatch(/\n/);
      const [header, ...rows] = readCsv(text.slice(1));
      expect(header).toEqual(expected[table].zh);
      expect(rows).toEqual([expected[table].row]);
    });

    it(`writes the ${table} table in English`, () => {
      const { header, rows } = insightsTable(insights(), table, "en");
      expect(header[0]).toBe(expected[table].en0);
      expect(header).toHaveLength(expected[table].zh.length);
      expect(header.join("")).not.toMatch(/[\u4e00-\u9fff]/);
      expect(rows).toHaveLength(1);
    });
  }

  it("names and words follow the language; numbers stay raw", () => {
    const en = (table: (typeof insightTables)[number]) => insightsTable(insights(), table, "en").rows[0];
    expect(en("byAlliance")[0]).toBe("Tianjin Robotics Industry Alliance");
    expect(en("heatmap").slice(0, 2)).toEqual(["Robots", "Reducers"]);
    expect(en("weakLinks")[2]).toBe("single supplier; open problems pile up");
    expect(en("collaborations").slice(2)).toEqual(["Jia Co., Tianjin", null, "yes", "no"]);
    expect(en("headline")[0]).toBe(12345);
    const header = insightsTable(insights(), "headline", "en").header;
    expect(header).toContain("Median time to first response (hours)");
    expect(header).toContain("Median time to solution (days)");
    expect(header).toContain("Attendance rate (%)");
  });

  it("names the time series' first column after its bucket", () => {
    const byWeek = insights({
      period: { kind: "quarter", from: "2025-01-01", to: "2025-03-31", bucket: "week" },
    });
    expect(insightsTable(byWeek, "series", "zh-CN").header[0]).toBe("周起始日");
    const byMonth = insights({
      period: { kind: "year", from: "2025-01-01", to: "2025-12-31", bucket: "month" },
    });
    expect(insightsTable(byMonth, "series", "en").header[0]).toBe("Month starting");
  });

  it("keeps only the named columns, in the table's order, for the printed report", () => {
    expect(insightsTable(insights(), "byChain", "en", ["problemsSolved", "chain"])).toEqual({
      header: ["Chain", "Problems solved"],
      rows: [["Robots", 3]],
    });
  });

  it("writes a header alone when a table is empty", () => {
    expect(insightsCsv(insights({ weakLinks: [] }), "weakLinks", "en")).toBe(
      "\uFEFFChain,Link,Reasons,Suppliers,Organizations in need,Open problems\r\n",
    );
  });

  it("names the file after the alliance or the platform, the table and the period", () => {
    expect(insightsCsvFileName(insights(), "byChain", "zh-CN")).toEqual({
      name: "七链-天津市机器人产业联盟-按产业链-2025-03-01_2025-03-31.csv",
      fallback: "qilian-robotics-byChain-2025-03-01_2025-03-31.csv",
    });
    const platform = insights({ scope: { allianceId: null } });
    expect(insightsCsvFileName(platform, "weakLinks", "en")).toEqual({
      name: "Qilian-Platform-Weak links-2025-03-01_2025-03-31.csv",
      fallback: "qilian-platform-weakLinks-2025-03-01_2025-03-31.csv",
    });
  });

  it("answers a download that is never cached, with the Chinese name in filename*", async () => {
    const res = insightsCsvResponse(insights(), "heatmap", "zh-CN");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const disposition = res.headers.get("content-disposition") ?? "";
    expect(disposition).toMatch(
      /^attachment; filename="qilian-robotics-heatmap-2025-03-01_2025-03-31\.csv"; /,
    );
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1])).toBe(
      "七链-天津市机器人产业联盟-环节热力图-2025-03-01_2025-03-31.csv",
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8").decode(bytes)).toContain("减速器");
  });
});
