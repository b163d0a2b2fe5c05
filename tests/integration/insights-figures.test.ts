import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { insightRefreshes, problems } from "../../db/schema/index";
import { loadInsights } from "~/models/insights/figures.server";
import { addDays, parsePeriod } from "~/models/insights/period";
import { REFRESH_KIND, refreshInsights, requestRefresh } from "~/models/insights/refresh.server";
import type { Headline, Insights, SeriesPoint } from "~/models/insights/types";
import { insertProblem } from "~/models/problems.server";
import type { Realtime } from "~/realtime/types";
import { jobHandlers, recurringJobs } from "~/server/job-registry.server";
import { startJobRunner } from "~/server/job-runner.server";
import { loadConfig } from "~/utils/env.server";
import { createLogger } from "~/utils/logger.server";
import { useTestDatabase } from "../setup/database";
import { seedHistory, sh } from "./insights-history";

/**
 * Every figure of the dashboard against a history whose figures are worked out by hand in the
 * comments (tests/integration/insights-history.ts says what happened when). Period: March 2025 in
 * Shanghai unless told.
 */
describe("insight figures", () => {
  const database = useTestDatabase();
  let h: Awaited<ReturnType<typeof seedHistory>>;
  const refreshedAt = sh("2025-04-05 08:00");

  beforeAll(async () => {
    h = await seedHistory(database.db);
    await refreshInsights(database.db, refreshedAt);
  }, 60_000);

  const load = (query: string, allianceId: string | null = null, chainId: string | null = null) => {
    const parsed = parsePeriod(new URLSearchParams(query), refreshedAt);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return loadInsights(database.db, {
      scope: { allianceId },
      period: parsed.period,
      filters: { chainId },
      now: refreshedAt,
    });
  };
  const march = "period=month&month=2025-03";
  const zeros: Omit<Headline, "attendanceRate" | "medianFirstResponseHours" | "medianSolutionDays"> = {
    members: 0,
    membersJoined: 0,
    organizations: 0,
    problemsPosted: 0,
    problemsSolved: 0,
    applications: 0,
    acceptances: 0,
    eventsHeld: 0,
    registrations: 0,
    attended: 0,
    resourcesShared: 0,
    inquiries: 0,
    matchesTakenUp: 0,
    crossAllianceSolutions: 0,
    crossChainSolutions: 0,
  };
  const chainRow = (chain: typeof h.chainX, figures: Record<string, number | null>) => ({
    chainId: chain.chain.id,
    slug: chain.chain.slug,
    nameZh: chain.chain.nameZh,
    nameEn: chain.chain.nameEn,
    members: 0,
    organizations: 0,
    problemsPosted: 0,
    problemsSolved: 0,
    medianFirstResponseHours: null,
    medianSolutionDays: null,
    applications: 0,
    acceptances: 0,
    eventsHeld: 0,
    resourcesShared: 0,
    inquiries: 0,
    ...figures,
  });
  const allianceRow = (alliance: typeof h.allianceA, figures: Record<string, number>) => ({
    allianceId: alliance.id,
    slug: alliance.slug,
    nameZh: alliance.nameZh,
    nameEn: alliance.nameEn,
    members: 0,
    organizations: 0,
    problemsPosted: 0,
    problemsSolved: 0,
    eventsHeld: 0,
    registrations: 0,
    attended: 0,
    resourcesShared: 0,
    ...figures,
  });
  /** Heatmap cells that are not zero, by "chain-slug/node-slug", and how many cells there are. */
  const heat = (insights: Insights) => {
    const slugs = new Map(
      [h.chainX, h.chainY].flatMap((c) =>
        [...c.nodes.values()].map((n) => [n.id, `${c.chain.slug}/${n.slug}`]),
      ),
    );
    const cells = Object.fromEntries(
      insights.heatmap
        .filter((cell) => cell.problemsPosted + cell.problemsSolved > 0)
        .map((cell) => [slugs.get(cell.nodeId), [cell.problemsPosted, cell.problemsSolved]]),
    );
    return { cells, count: insights.heatmap.length };
  };
  const weak = (insights: Insights) =>
    insights.weakLinks.map((row) => [
      row.chainId === h.chainX.chain.id ? `X/${row.node.nameEn}` : `Y/${row.node.nameEn}`,
      row.reasons,
      row.suppliers,
      row.needs,
      row.openProblems,
    ]);
  const xWeak = [
    ["X/Part A", ["openProblems"], 0, 0, 3],
    ["X/Application A", ["noSupplier"], 0, 2, 0],
  ];
  const yWeak = [["Y/Part B", ["singleSupplier"], 1, 2, 0]];
  const collaborations = (insights: Insights) =>
    insights.collaborations.map((c) => [
      c.title,
      c.solvedAt,
      c.posterOrg?.nameEn ?? null,
      c.solverOrg?.nameEn ?? null,
      c.crossesAlliance,
      c.crossesChain,
    ]);
  const p7 = () => ["P7 跨链", sh("2025-03-25 10:00").toISOString(), h.orgs.orgA1.nameEn, null, true, false];
  const p1 = () => [
    "P1 伺服温升",
    sh("2025-03-11 00:05").toISOString(),
    h.orgs.orgA1.nameEn,
    h.orgs.orgB1.nameEn,
    true,
    true,
  ];

  it("counts the platform's month", async () => {
    const insights = await load(march);
    expect(insights.refreshedAt).toBe(refreshedAt.toISOString());
    expect(insights.period).toEqual({ kind: "month", from: "2025-03-01", to: "2025-03-31", bucket: "day" });
    // Members: pa1 pa2 solverA both (A) + pb1 solverB (B). Joined in March: pa2 (31st 23:30); `both`
    // joined A on the 2nd but has been in B since February, so is not new to the platform.
    // Posted P1 P2 P3 P7 P9 Q1 N1; solved P8 P1 P2 N1 P7. Responses 6 8 2 24 1 12 30 h → 8; solutions 20 10 5 5 4 d → 5.
    // Applications P1 P2×2 P7 P9 N1; acceptances P1 P2 P7 P9 N1. Held: E1 on the 31st 23:30 (3 confirmed, 2 in), E2 (2, 1).
    // Resources R1 R2 R3 (withdrawn still shared; R5 hidden, R4 in April); inquiries I1 I2 I5; matches I1 and I3 (decided 2 March).
    expect(insights.headline).toEqual({
      members: 6,
      membersJoined: 1,
      organizations: 3,
      problemsPosted: 7,
      problemsSolved: 5,
      medianFirstResponseHours: 8,
      medianSolutionDays: 5,
      applications: 6,
      acceptances: 5,
      eventsHeld: 2,
      registrations: 5,
      attended: 3,
      attendanceRate: 0.6,
      resourcesShared: 3,
      inquiries: 3,
      matchesTakenUp: 2,
      crossAllianceSolutions: 2,
      crossChainSolutions: 1,
    });
    expect(insights.chains.map((c) => c.chainId)).toEqual([h.chainX.chain.id, h.chainY.chain.id]);
    expect(insights.byChain).toEqual([
      chainRow(h.chainX, {
        members: 4,
        organizations: 2,
        problemsPosted: 5,
        problemsSolved: 4,
        medianFirstResponseHours: 6,
        medianSolutionDays: 7.5,
        applications: 5,
        acceptances: 4,
        eventsHeld: 1,
        resourcesShared: 2,
        inquiries: 2,
      }),
      chainRow(h.chainY, {
        members: 3,
        organizations: 2,
        problemsPosted: 2,
        problemsSolved: 1,
        medianFirstResponseHours: 18,
        medianSolutionDays: 5,
        applications: 1,
        acceptances: 1,
        eventsHeld: 1,
        resourcesShared: 1,
        inquiries: 1,
      }),
    ]);
    expect(insights.byAlliance).toEqual([
      allianceRow(h.allianceA, {
        members: 4,
        organizations: 2,
        problemsPosted: 5,
        problemsSolved: 4,
        eventsHeld: 1,
        registrations: 3,
        attended: 2,
        resourcesShared: 2,
      }),
      allianceRow(h.allianceB, {
        members: 3,
        organizations: 2,
        problemsPosted: 1,
        eventsHeld: 1,
        registrations: 2,
        attended: 1,
        resourcesShared: 1,
      }),
    ]);
    expect(heat(insights)).toEqual({
      count: 10,
      cells: {
        [`${h.chainX.chain.slug}/part-a`]: [3, 2],
        [`${h.chainX.chain.slug}/assembly`]: [1, 1],
        [`${h.chainX.chain.slug}/use-a`]: [1, 1],
        [`${h.chainX.chain.slug}/use-b`]: [1, 1],
        [`${h.chainY.chain.slug}/part-a`]: [1, 0],
        [`${h.chainY.chain.slug}/part-b`]: [1, 1],
      },
    });
    expect(collaborations(insights)).toEqual([p7(), p1()]);
    expect(weak(insights)).toEqual([...xWeak, ...yWeak]);
  });

  it("has a point for every day of the month, zeros included", async () => {
    const { series, headline } = await load(march);
    const point = (start: string, figures: Partial<SeriesPoint> = {}): SeriesPoint => ({
      start,
      problemsPosted: 0,
      problemsSolved: 0,
      registrations: 0,
      attended: 0,
      resourcesShared: 0,
      inquiries: 0,
      ...figures,
    });
    const expected = Array.from({ length: 31 }, (_, i) => point(addDays("2025-03-01", i)));
    const add = (day: number, figures: Partial<SeriesPoint>) => Object.assign(expected[day - 1], figures);
    for (const day of [1, 3, 5, 10, 15, 20, 31]) add(day, { problemsPosted: 1 });
    for (const day of [2, 11, 15, 19, 25]) add(day, { problemsSolved: 1 });
    add(10, { registrations: 2, attended: 1 });
    add(31, { registrations: 3, attended: 2 });
    for (const day of [5, 20, 31]) add(day, { resourcesShared: 1 });
    for (const day of [6, 21, 31]) add(day, { inquiries: 1 });
    expect(series).toEqual(expected);
    expect(series.reduce((sum, p) => sum + p.problemsPosted, 0)).toBe(headline.problemsPosted);
  });

  it("cuts a quarter into ISO weeks and counts its own days", async () => {
    const { series, headline } = await load("period=quarter&quarter=2025-Q1");
    expect(series).toHaveLength(14);
    expect(series[0].start).toBe("2025-01-01");
    // Monday 24 Feb – Sunday 2 Mar: P5 (28 Feb 23:50) and P1 posted, P8 solved.
    expect(series.find((p) => p.start === "2025-02-24")).toMatchObject({
      problemsPosted: 2,
      problemsSolved: 1,
    });
    expect(series.at(-1)).toEqual({
      start: "2025-03-31",
      problemsPosted: 1,
      problemsSolved: 0,
      registrations: 3,
      attended: 2,
      resourcesShared: 1,
      inquiries: 1,
    });
    // March's seven and February's P5 and P8, whose application and acceptance count too; P8's reply
    // after 4 h joins the responses: 1 2 4 6 8 12 24 30 h → 7.
    expect(headline).toMatchObject({ problemsPosted: 9, problemsSolved: 5, applications: 7, acceptances: 6 });
    expect(headline.medianFirstResponseHours).toBe(7);
  });

  it("gives the same medians from the quarter's ready row as from sorting its days", async () => {
    // Chain X in Q1: responses 1 2 4 6 8 24 h → 5; solutions 5 5 10 20 d → 7.5. Chain Y: 12 24 → 18; 5.
    const medians = (insights: Insights) => [
      insights.headline.medianFirstResponseHours,
      insights.headline.medianSolutionDays,
      ...insights.byChain.flatMap((row) => [row.medianFirstResponseHours, row.medianSolutionDays]),
    ];
    const expected = [7, 5, 5, 7.5, 18, 5];
    expect(medians(await load("period=quarter&quarter=2025-Q1"))).toEqual(expected);
    expect(medians(await load("period=custom&from=2025-01-01&to=2025-03-31"))).toEqual(expected);
    expect(medians(await load("period=custom&from=2025-01-02&to=2025-03-31"))).toEqual(expected);
    expect(medians(await load("period=year&year=2025"))).toEqual(expected);
    expect(medians(await load("period=custom&from=2025-02-11&to=2025-03-31"))).toEqual([8, 5, 6, 7.5, 18, 5]);
  });

  it("puts 00:10 on 1 April in April, not March", async () => {
    const { headline } = await load("period=month&month=2025-04");
    expect(headline).toEqual({
      ...zeros,
      members: 6,
      membersJoined: 1,
      organizations: 3,
      problemsPosted: 1,
      applications: 1,
      eventsHeld: 1,
      registrations: 2,
      attended: 1,
      attendanceRate: 0.5,
      resourcesShared: 1,
      medianFirstResponseHours: null,
      medianSolutionDays: null,
    });
  });

  it("lists collaborations by their Shanghai day of solution", async () => {
    // P1 was solved at 00:05 on 11 March, P7 on the 25th.
    expect(collaborations(await load("period=custom&from=2025-03-11&to=2025-03-24"))).toEqual([p1()]);
    expect(collaborations(await load("period=custom&from=2025-03-12&to=2025-03-25"))).toEqual([p7()]);
    expect(collaborations(await load("period=custom&from=2025-03-01&to=2025-03-10"))).toEqual([]);
  });

  it("shows an alliance only its own figures", async () => {
    const a = await load(march, h.allianceA.id);
    // Q1, N1, E2 and B's members are not A's; P7 and R2 take A onto chain Y.
    expect(a.headline).toEqual({
      members: 4,
      membersJoined: 2,
      organizations: 2,
      problemsPosted: 5,
      problemsSolved: 4,
      medianFirstResponseHours: 6,
      medianSolutionDays: 7.5,
      applications: 5,
      acceptances: 4,
      eventsHeld: 1,
      registrations: 3,
      attended: 2,
      attendanceRate: 2 / 3,
      resourcesShared: 2,
      inquiries: 2,
      matchesTakenUp: 2,
      crossAllianceSolutions: 2,
      crossChainSolutions: 1,
    });
    expect(a.chains.map((c) => c.chainId)).toEqual([h.chainX.chain.id, h.chainY.chain.id]);
    expect(a.byChain[1]).toEqual(
      chainRow(h.chainY, {
        problemsPosted: 1,
        problemsSolved: 1,
        medianFirstResponseHours: 24,
        medianSolutionDays: 5,
        applications: 1,
        acceptances: 1,
        resourcesShared: 1,
        inquiries: 1,
      }),
    );
    expect(a.byChain[0]).toMatchObject({
      members: 4,
      problemsPosted: 5,
      medianSolutionDays: 7.5,
      eventsHeld: 1,
    });
    expect(a.byAlliance).toEqual([
      allianceRow(h.allianceA, {
        members: 4,
        organizations: 2,
        problemsPosted: 5,
        problemsSolved: 4,
        eventsHeld: 1,
        registrations: 3,
        attended: 2,
        resourcesShared: 2,
      }),
    ]);
    expect(heat(a).cells).toEqual({
      [`${h.chainX.chain.slug}/part-a`]: [3, 2],
      [`${h.chainX.chain.slug}/assembly`]: [1, 1],
      [`${h.chainX.chain.slug}/use-a`]: [1, 1],
      [`${h.chainX.chain.slug}/use-b`]: [1, 1],
      [`${h.chainY.chain.slug}/part-b`]: [1, 1],
    });
    expect(collaborations(a)).toEqual([p7(), p1()]);

    const b = await load(march, h.allianceB.id);
    expect(b.headline).toEqual({
      ...zeros,
      members: 3,
      organizations: 2,
      problemsPosted: 1,
      medianFirstResponseHours: 12,
      medianSolutionDays: null,
      eventsHeld: 1,
      registrations: 2,
      attended: 1,
      attendanceRate: 0.5,
      resourcesShared: 1,
      inquiries: 1,
    });
    expect(b.byChain).toEqual([
      chainRow(h.chainX, { resourcesShared: 1, inquiries: 1 }),
      chainRow(h.chainY, {
        members: 3,
        organizations: 2,
        problemsPosted: 1,
        medianFirstResponseHours: 12,
        eventsHeld: 1,
        resourcesShared: 1,
        inquiries: 1,
      }),
    ]);
    expect(b.byAlliance.map((row) => row.allianceId)).toEqual([h.allianceB.id]);
    expect(heat(b).cells).toEqual({ [`${h.chainY.chain.slug}/part-a`]: [1, 0] });
    expect(b.collaborations).toEqual([]);
    expect(b.series.reduce((sum, p) => sum + p.problemsPosted, 0)).toBe(1);
  });

  it("narrows everything to one chain", async () => {
    const y = await load(march, null, h.chainY.chain.id);
    expect(y.headline).toEqual({
      members: 3,
      membersJoined: 0,
      organizations: 2,
      problemsPosted: 2,
      problemsSolved: 1,
      medianFirstResponseHours: 18,
      medianSolutionDays: 5,
      applications: 1,
      acceptances: 1,
      eventsHeld: 1,
      registrations: 2,
      attended: 1,
      attendanceRate: 0.5,
      resourcesShared: 1,
      inquiries: 1,
      matchesTakenUp: 0,
      crossAllianceSolutions: 1,
      crossChainSolutions: 0,
    });
    expect(y.chains).toHaveLength(2);
    expect(y.byChain.map((row) => row.chainId)).toEqual([h.chainY.chain.id]);
    expect(y.byAlliance).toEqual([
      allianceRow(h.allianceA, { problemsPosted: 1, problemsSolved: 1, resourcesShared: 1 }),
      allianceRow(h.allianceB, {
        members: 3,
        organizations: 2,
        problemsPosted: 1,
        eventsHeld: 1,
        registrations: 2,
        attended: 1,
        resourcesShared: 1,
      }),
    ]);
    expect(heat(y)).toEqual({
      count: 5,
      cells: { [`${h.chainY.chain.slug}/part-a`]: [1, 0], [`${h.chainY.chain.slug}/part-b`]: [1, 1] },
    });
    expect(collaborations(y)).toEqual([p7()]);
    expect(weak(y)).toEqual(yWeak);

    const aOnY = await load(march, h.allianceA.id, h.chainY.chain.id);
    expect(aOnY.headline).toEqual({
      ...zeros,
      problemsPosted: 1,
      problemsSolved: 1,
      medianFirstResponseHours: 24,
      medianSolutionDays: 5,
      applications: 1,
      acceptances: 1,
      attendanceRate: null,
      resourcesShared: 1,
      inquiries: 1,
      crossAllianceSolutions: 1,
    });
  });

  it("changes only when refreshed, and counts events that had started by then", async () => {
    const before = await load(march, null, h.chainY.chain.id);
    await insertProblem(database.db, {
      authorId: h.people.pb1,
      allianceId: h.allianceB.id,
      title: "Q2 新问题",
      body: "正文",
      visibility: "public",
      urgency: "normal",
      nodeIds: [h.y("part-a")],
      tags: [],
      createdAt: sh("2025-03-31 22:00"),
    });
    expect((await load(march, null, h.chainY.chain.id)).headline).toEqual(before.headline);

    // Refreshed at 23:00 on 31 March, E1's 23:30 occurrence had not started.
    await refreshInsights(database.db, sh("2025-03-31 23:00"));
    const early = await load(march);
    expect(early.refreshedAt).toBe(sh("2025-03-31 23:00").toISOString());
    expect(early.headline).toMatchObject({ problemsPosted: 8, eventsHeld: 1, registrations: 2, attended: 1 });
    expect(early.byAlliance[1]).toMatchObject({ problemsPosted: 2 });
    expect(heat(early).cells[`${h.chainY.chain.slug}/part-a`]).toEqual([2, 0]);

    await database.db.update(problems).set({ hiddenAt: new Date() }).where(eq(problems.id, h.problems.p7));
    // Hidden since the refresh: off the collaborations at once, off the counts at the next refresh.
    expect(collaborations(await load(march))).toEqual([p1()]);
    await refreshInsights(database.db, refreshedAt);
    expect((await load(march)).headline).toMatchObject({
      problemsPosted: 7,
      problemsSolved: 4,
      eventsHeld: 2,
    });
  });

  it("is rebuilt by the job queue, every ten minutes and on request", async () => {
    expect(recurringJobs).toContainEqual({ kind: REFRESH_KIND, everyMs: 600_000 });
    expect(await requestRefresh(database.db)).toBe(true);
    expect(await requestRefresh(database.db)).toBe(false);
    const realtime: Realtime = { emit() {}, disconnectSession() {}, disconnectUser() {}, leaveRooms() {} };
    const config = loadConfig({
      NODE_ENV: "production",
      PUBLIC_URL: "https://qilian.example.org",
      SEED_DEMO: "false",
      DATABASE_URL: process.env.TEST_DATABASE_URL,
    });
    const runner = startJobRunner(
      {
        services: { config, db: database.db, log: createLogger("silent"), realtime },
        handlers: { [REFRESH_KIND]: jobHandlers[REFRESH_KIND] },
      },
      { pollMs: 3_600_000 },
    );
    const started = Date.now();
    try {
      await runner.drain();
    } finally {
      await runner.stop();
    }
    const [row] = await database.db.select().from(insightRefreshes);
    expect(row.refreshedAt.getTime()).toBeGreaterThanOrEqual(started);
    expect(await requestRefresh(database.db)).toBe(true);
  });
});
