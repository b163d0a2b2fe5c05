import { eq, sql } from "drizzle-orm";
import {
  eventOccurrences,
  eventRegistrations,
  events,
  inquiries,
  problemApplications,
  problemEvents,
  problemReplies,
  problems,
} from "../../db/schema/index";
import { insertProblem } from "~/models/problems.server";
import type { Db } from "~/utils/db.server";
import {
  addMember,
  addPosition,
  addRepresentative,
  createAlliance,
  createChain,
  createOrganization,
  createResource,
  createUser,
} from "../factories";

/** A wall-clock time in Shanghai: sh("2025-03-31 23:30"). */
export const sh = (local: string) => new Date(`${local.replace(" ", "T")}:00+08:00`);

/**
 * A known history around March 2025 for tests/integration/insights-figures.test.ts, whose comments
 * work out every expected figure from it. Alliance A works on chain X, alliance B on chain Y.
 */
export async function seedHistory(db: Db) {
  const chainX = await createChain(db, { position: 1 });
  const chainY = await createChain(db, { position: 2 });
  const x = (slug: string) => chainX.nodes.get(slug)!.id;
  const y = (slug: string) => chainY.nodes.get(slug)!.id;
  const allianceA = await createAlliance(db, { position: 1, chainIds: [chainX.chain.id] });
  const allianceB = await createAlliance(db, { position: 2, chainIds: [chainY.chain.id] });
  const [orgA1, orgA2, orgB1] = [
    await createOrganization(db),
    await createOrganization(db),
    await createOrganization(db),
  ];
  const person = async () => (await createUser(db)).user.id;
  const [pa1, pa2, solverA, both, pending, pb1, solverB, outsider] = [
    await person(),
    await person(),
    await person(),
    await person(),
    await person(),
    await person(),
    await person(),
    await person(),
  ];
  const member = (allianceId: string, userId: string, joinedAt: Date) =>
    addMember(db, { allianceId, userId, joinedAt });
  await member(allianceA.id, pa1, sh("2025-01-10 09:00"));
  await member(allianceA.id, pa2, sh("2025-03-31 23:30"));
  await member(allianceA.id, solverA, sh("2024-12-01 09:00"));
  await member(allianceA.id, both, sh("2025-03-02 00:00"));
  await addMember(db, { allianceId: allianceA.id, userId: pending, status: "pending" });
  await member(allianceB.id, pb1, sh("2025-04-01 00:10"));
  await member(allianceB.id, solverB, sh("2025-02-01 09:00"));
  await member(allianceB.id, both, sh("2025-02-15 09:00"));
  const represent = (orgId: string, userId: string) =>
    addRepresentative(db, { orgId, userId, role: "admin" });
  await represent(orgA1.id, pa1);
  await represent(orgA1.id, both);
  await represent(orgA2.id, solverA);
  await represent(orgB1.id, pb1);
  await represent(orgB1.id, solverB);
  // Weak links: X.use-a needed by two and supplied by none; Y.part-b needed by two, supplied by one.
  await addPosition(db, { orgId: orgA2.id, nodeId: x("assembly"), kind: "supplies" });
  await addPosition(db, { orgId: orgB1.id, nodeId: y("part-a"), kind: "supplies" });
  await addPosition(db, { orgId: orgA1.id, nodeId: x("use-a"), kind: "needs" });
  // An organization nobody represents: B's own has no position on chain X, so solving there crosses it.
  const orgC = await createOrganization(db);
  await addPosition(db, { orgId: orgC.id, nodeId: x("use-a"), kind: "needs" });
  await addPosition(db, { orgId: orgA1.id, nodeId: y("part-b"), kind: "needs" });
  await addPosition(db, { orgId: orgA2.id, nodeId: y("part-b"), kind: "needs" });
  await addPosition(db, { orgId: orgB1.id, nodeId: y("part-b"), kind: "supplies" });

  const problem = async (input: {
    title: string;
    by: string;
    alliance: string | null;
    at: string;
    nodes: string[];
    visibility?: "public" | "alliance";
  }) =>
    insertProblem(db, {
      authorId: input.by,
      allianceId: input.alliance,
      title: input.title,
      body: "正文",
      visibility: input.visibility ?? "public",
      urgency: "normal",
      nodeIds: input.nodes,
      tags: [],
      createdAt: sh(input.at),
    });
  const reply = (problemId: string, authorId: string, at: string, hidden = false) =>
    db.insert(problemReplies).values({
      problemId,
      authorId,
      body: "回复",
      createdAt: sh(at),
      ...(hidden ? { hiddenAt: sh(at), hiddenReason: "spam" } : {}),
    });
  const apply = async (problemId: string, applicantId: string, at: string, orgId: string | null = null) => {
    const [row] = await db
      .insert(problemApplications)
      .values({
        problemId,
        applicantId,
        orgId,
        approach: "方案",
        timeline: "三个月",
        team: "团队",
        createdAt: sh(at),
      })
      .returning({ id: problemApplications.id });
    return row.id;
  };
  const accept = async (problemId: string, applicationId: string, at: string) => {
    await db
      .update(problemApplications)
      .set({ status: "accepted" })
      .where(eq(problemApplications.id, applicationId));
    await db.insert(problemEvents).values([
      { problemId, kind: "application_accepted", applicationId, createdAt: sh(at) },
      { problemId, kind: "status_changed", fromStatus: "open", toStatus: "in_progress", createdAt: sh(at) },
    ]);
    await db.update(problems).set({ status: "in_progress" }).where(eq(problems.id, problemId));
  };
  const setStatus = async (
    problemId: string,
    from: "in_progress" | "solved",
    to: "solved" | "open",
    at: string,
  ) => {
    await db
      .insert(problemEvents)
      .values({ problemId, kind: "status_changed", fromStatus: from, toStatus: to, createdAt: sh(at) });
    await db.update(problems).set({ status: to }).where(eq(problems.id, problemId));
  };

  // P1 (A, X.part-a): reply after 6 h, solved by B's organization in 10 days — crosses alliance and chain.
  const p1 = await problem({
    title: "P1 伺服温升",
    by: pa1,
    alliance: allianceA.id,
    at: "2025-03-01 00:05",
    nodes: [x("part-a")],
  });
  await reply(p1, pa2, "2025-03-01 06:05");
  const p1Solver = await apply(p1, solverB, "2025-03-01 10:05", orgB1.id);
  await accept(p1, p1Solver, "2025-03-03 00:05");
  await setStatus(p1, "in_progress", "solved", "2025-03-11 00:05");
  // P2 (A, X.part-a + X.assembly): own and hidden replies do not count; applied after 8 h; solved by A in 5 days.
  const p2 = await problem({
    title: "P2 装配",
    by: pa1,
    alliance: allianceA.id,
    at: "2025-03-10 12:00",
    nodes: [x("part-a"), x("assembly")],
  });
  await reply(p2, pa1, "2025-03-10 13:00");
  await reply(p2, pa2, "2025-03-10 14:00", true);
  const p2Solver = await apply(p2, solverA, "2025-03-10 20:00", orgA2.id);
  await apply(p2, pb1, "2025-03-11 09:00", orgB1.id);
  await accept(p2, p2Solver, "2025-03-12 09:00");
  await setStatus(p2, "in_progress", "solved", "2025-03-15 12:00");
  // P3: the last half hour of March (reply after 2 h, in April); P4: ten minutes into April; P5: February.
  const p3 = await problem({
    title: "P3 月末",
    by: pa2,
    alliance: allianceA.id,
    at: "2025-03-31 23:30",
    nodes: [x("part-a")],
  });
  await reply(p3, pb1, "2025-04-01 01:30");
  await apply(p3, pa1, "2025-04-01 02:00");
  await problem({
    title: "P4 四月",
    by: pa2,
    alliance: allianceA.id,
    at: "2025-04-01 00:10",
    nodes: [x("part-a")],
  });
  await problem({
    title: "P5 二月",
    by: pa2,
    alliance: allianceA.id,
    at: "2025-02-28 23:50",
    nodes: [x("part-a")],
  });
  // P6: hidden, counted nowhere (its application neither).
  const p6 = await problem({
    title: "P6 隐藏",
    by: pa1,
    alliance: allianceA.id,
    at: "2025-03-05 10:00",
    nodes: [x("part-b")],
  });
  await apply(p6, solverA, "2025-03-05 11:00");
  await db
    .update(problems)
    .set({ hiddenAt: sh("2025-03-06 10:00") })
    .where(eq(problems.id, p6));
  // P7 (A, on X and Y, alliance-only): applied after 24 h by an outsider in their own name, solved in 5 days.
  const p7 = await problem({
    title: "P7 跨链",
    by: pa1,
    alliance: allianceA.id,
    at: "2025-03-20 10:00",
    nodes: [x("use-a"), y("part-b")],
    visibility: "alliance",
  });
  await accept(p7, await apply(p7, outsider, "2025-03-21 10:00"), "2025-03-22 10:00");
  await setStatus(p7, "in_progress", "solved", "2025-03-25 10:00");
  // P8 (A, X.use-b): posted in February, solved on 2 March after 20 days.
  const p8 = await problem({
    title: "P8 二月提出",
    by: pa1,
    alliance: allianceA.id,
    at: "2025-02-10 00:00",
    nodes: [x("use-b")],
  });
  await reply(p8, solverA, "2025-02-10 04:00");
  await accept(p8, await apply(p8, solverA, "2025-02-12 09:00", orgA2.id), "2025-02-20 09:00");
  await setStatus(p8, "in_progress", "solved", "2025-03-02 00:00");
  // P9 (A, X.use-b): applied after 1 h, accepted, solved and reopened: not solved.
  const p9 = await problem({
    title: "P9 重开",
    by: pa2,
    alliance: allianceA.id,
    at: "2025-03-03 09:00",
    nodes: [x("use-b")],
  });
  await accept(p9, await apply(p9, solverA, "2025-03-03 10:00", orgA2.id), "2025-03-04 09:00");
  await setStatus(p9, "in_progress", "solved", "2025-03-06 09:00");
  await setStatus(p9, "solved", "open", "2025-03-07 09:00");
  // Q1 (B, Y.part-a): reply after 12 h, open.
  const q1 = await problem({
    title: "Q1 乙联盟",
    by: pb1,
    alliance: allianceB.id,
    at: "2025-03-05 09:00",
    nodes: [y("part-a")],
  });
  await reply(q1, solverB, "2025-03-05 21:00");
  // N1 (no alliance, no nodes): applied after 30 h, solved after 4 days — platform figures only.
  const n1 = await problem({
    title: "N1 无联盟",
    by: pb1,
    alliance: null,
    at: "2025-03-15 10:00",
    nodes: [],
  });
  await accept(n1, await apply(n1, pa1, "2025-03-16 16:00", orgA1.id), "2025-03-17 10:00");
  await setStatus(n1, "in_progress", "solved", "2025-03-19 10:00");

  // Events: held occurrences of published events that started before `now`, counted under the host.
  const event = async (allianceId: string, status: "published" | "draft" = "published") => {
    const [row] = await db
      .insert(events)
      .values({ allianceId, title: "研讨会", status, search: sql`''::tsvector` })
      .returning({ id: events.id });
    return row.id;
  };
  const occurrence = async (eventId: string, at: string, cancelled = false) => {
    const [row] = await db
      .insert(eventOccurrences)
      .values({
        eventId,
        startsAt: sh(at),
        endsAt: new Date(sh(at).getTime() + 3_600_000),
        originalStartsAt: sh(at),
        status: cancelled ? "cancelled" : "scheduled",
      })
      .returning({ id: eventOccurrences.id });
    return row.id;
  };
  const register = async (
    occurrenceId: string,
    plan: ("in" | "confirmed" | "waitlisted" | "cancelled")[],
  ) => {
    for (const [i, kind] of plan.entries()) {
      const userId = await person();
      await db.insert(eventRegistrations).values({
        occurrenceId,
        userId,
        code: `code-${i}`,
        status: kind === "in" ? "confirmed" : kind,
        checkedInAt: kind === "in" ? sh("2025-03-01 00:00") : null,
      });
    }
  };
  const e1 = await event(allianceA.id);
  await register(await occurrence(e1, "2025-03-31 23:30"), [
    "in",
    "in",
    "confirmed",
    "cancelled",
    "waitlisted",
  ]);
  await register(await occurrence(e1, "2025-04-01 00:10"), ["in", "confirmed"]);
  const e2 = await event(allianceB.id);
  await register(await occurrence(e2, "2025-03-10 10:00"), ["in", "confirmed"]);
  await register(await occurrence(e2, "2025-03-12 10:00", true), ["confirmed"]);
  await register(await occurrence(await event(allianceA.id, "draft"), "2025-03-15 10:00"), ["in"]);

  // Resources and inquiries.
  const r1 = await createResource(db, {
    orgId: orgA2.id,
    nodeIds: [x("assembly")],
    allianceIds: [allianceA.id],
    createdAt: sh("2025-03-05 10:00"),
  });
  const r2 = await createResource(db, {
    orgId: orgB1.id,
    nodeIds: [y("part-a"), x("part-b")],
    allianceIds: [allianceA.id, allianceB.id],
    createdAt: sh("2025-03-31 23:30"),
  });
  const r3 = await createResource(db, {
    orgId: orgB1.id,
    createdAt: sh("2025-03-20 10:00"),
    withdrawnAt: sh("2025-03-25 10:00"),
  });
  await createResource(db, {
    orgId: orgB1.id,
    nodeIds: [y("part-a")],
    allianceIds: [allianceB.id],
    createdAt: sh("2025-04-01 00:10"),
  });
  const r5 = await createResource(db, {
    orgId: orgA2.id,
    nodeIds: [x("assembly")],
    allianceIds: [allianceA.id],
    createdAt: sh("2025-03-10 10:00"),
    hiddenAt: sh("2025-03-11 10:00"),
  });
  const inquiry = (
    resourceId: string,
    askerId: string,
    at: string,
    decided?: { at: string; status: "accepted"; problemId?: string },
  ) =>
    db.insert(inquiries).values({
      resourceId,
      askerId,
      message: "询问",
      intendedUse: "用途",
      createdAt: sh(at),
      status: decided?.status ?? "open",
      decidedAt: decided ? sh(decided.at) : null,
      problemId: decided?.problemId ?? null,
    });
  await inquiry(r1.id, pb1, "2025-03-06 10:00", {
    at: "2025-03-08 10:00",
    status: "accepted",
    problemId: q1,
  });
  await inquiry(r2.id, pa1, "2025-03-31 23:30");
  await inquiry(r1.id, solverB, "2025-02-25 10:00", {
    at: "2025-03-02 10:00",
    status: "accepted",
    problemId: q1,
  });
  await inquiry(r5.id, pb1, "2025-03-12 10:00");
  await inquiry(r3.id, pa2, "2025-03-21 10:00", { at: "2025-03-22 10:00", status: "accepted" });

  return {
    chainX,
    chainY,
    allianceA,
    allianceB,
    orgs: { orgA1, orgA2, orgB1 },
    problems: { p1, p7 },
    people: { pb1 },
    x,
    y,
  };
}
