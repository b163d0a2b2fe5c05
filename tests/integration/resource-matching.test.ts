import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { jobs, notifications, resourceMatches } from "../../db/schema/index";
import { transact } from "~/models/activity.server";
import { announceProblemMatches, announceResourceMatches } from "~/models/resource-match-announce.server";
import { MATCH_PROBLEM_KIND } from "~/models/resource-match-jobs.server";
import { matchesForProblem, problemsForResource } from "~/models/resource-matching.server";
import { createProblem, insertProblem } from "~/models/problems.server";
import type { Realtime } from "~/realtime/types";
import type { Viewer } from "~/utils/permissions.server";
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
import { useTestServer } from "../setup/server";

/**
 * Matching between problems and shared resources: ranking (same node, then a direct supplier, then words
 * alone), the reasons shown on both pages and while writing, visibility (alliance-only, hidden and
 * withdrawn resources never matched for those who may not list them) and announcing a high match once.
 */
describe("resource matching", () => {
  const database = useTestDatabase();
  const server = useTestServer();
  const realtime: Realtime = { emit() {}, disconnectSession() {}, disconnectUser() {}, leaveRooms() {} };
  const services = () => ({ db: database.db, realtime });

  let chain: Awaited<ReturnType<typeof createChain>>;
  const node = (slug: string) => chain.nodes.get(slug)!.id;
  const ids: Record<string, string> = {};
  let problemId: string;
  let people: Record<"poster" | "provider" | "outsider" | "member", { id: string; cookie: string }>;
  const viewer = (who: keyof typeof people): Viewer => ({ id: people[who].id, platformRole: null });

  /** The same offer, worded alike, so only where it sits in the chain tells them apart. */
  const offer = { title: "谐波减速器齿形优化", description: "改进齿形，提高精度，减小回差。" };

  beforeAll(async () => {
    const { db } = database;
    // part-a and part-b supply assembly, which supplies use-a and use-b.
    chain = await createChain(db);
    const alliance = await createAlliance(db);
    const org = await createOrganization(db);
    const made = async (name: keyof typeof people) => {
      const { user } = await createUser(db, { displayName: name });
      return { id: user.id, cookie: (await signIn(server.services, user.id)).cookie };
    };
    people = {
      poster: await made("poster"),
      provider: await made("provider"),
      outsider: await made("outsider"),
      member: await made("member"),
    };
    await addRepresentative(db, { orgId: org.id, userId: people.provider.id, role: "representative" });
    await addMember(db, { allianceId: alliance.id, userId: people.member.id });
    const resource = async (key: string, values: Parameters<typeof createResource>[1]) => {
      ids[key] = (await createResource(db, { ...values, contactUserId: people.provider.id })).id;
    };
    await resource("same", { orgId: org.id, ...offer, nodeIds: [node("assembly")] });
    await resource("upstream", { orgId: org.id, ...offer, nodeIds: [node("part-a")] });
    await resource("far", { orgId: org.id, ...offer, nodeIds: [node("use-a")] });
    await resource("sameNoWords", {
      orgId: org.id,
      title: "仓储管理软件",
      description: "库存与出入库管理。",
      nodeIds: [node("assembly")],
    });
    await resource("unrelated", {
      orgId: org.id,
      title: "仓储管理软件",
      description: "库存与出入库管理。",
      nodeIds: [node("use-b")],
    });
    await resource("secret", {
      orgId: org.id,
      ...offer,
      title: "联盟内部：谐波减速器回差测试",
      visibility: "alliance",
      allianceIds: [alliance.id],
      nodeIds: [node("assembly")],
    });
    await resource("hidden", { orgId: org.id, ...offer, hiddenAt: new Date(), nodeIds: [node("assembly")] });
    await resource("withdrawn", {
      orgId: org.id,
      ...offer,
      withdrawnAt: new Date(),
      nodeIds: [node("assembly")],
    });
    problemId = await insertProblem(db, {
      authorId: people.poster.id,
      title: "谐波减速器回差增大",
      body: "协作机器人关节的谐波减速器运行后精度下降，需要改进齿形。",
      visibility: "public",
      urgency: "normal",
      nodeIds: [node("assembly")],
      tags: [],
    });
    ids.solved = await insertProblem(db, {
      authorId: people.poster.id,
      title: "谐波减速器齿形问题（已解决）",
      body: "已解决。",
      visibility: "public",
      urgency: "normal",
      status: "solved",
      nodeIds: [node("assembly")],
      tags: [],
    });
    ids.allianceProblem = await insertProblem(db, {
      authorId: people.member.id,
      allianceId: alliance.id,
      title: "联盟内：谐波减速器精度保持",
      body: "减速器精度下降。",
      visibility: "alliance",
      urgency: "normal",
      nodeIds: [node("use-a")],
      tags: [],
    });
  });

  const keysOf = (matches: { id: string }[]) =>
    matches.map((match) => Object.entries(ids).find(([, id]) => id === match.id)?.[0] ?? match.id);

  it("ranks the same node first, then a direct upstream node, then shared words alone", async () => {
    const matches = await matchesForProblem(database.db, null, problemId);
    expect(keysOf(matches)).toEqual(["same", "upstream", "far", "sameNoWords"]);
    const scores = matches.map((match) => match.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(new Set(scores).size).toBe(scores.length);
  });

  it("gives the reason for each match: the node in common or upstream, and the shared words", async () => {
    const [same, upstream, far, sameNoWords] = await matchesForProblem(database.db, null, problemId);
    expect(same.reasons.node).toEqual({ zh: "整机", en: "Assembly" });
    expect(same.reasons.upstream).toBeUndefined();
    expect(same.reasons.shared.slice(0, 2)).toEqual(["谐波", "减速器"]);
    expect(same.reasons.shared).toEqual(expect.arrayContaining(["回差", "精度", "齿形"]));
    expect(upstream.reasons.upstream).toEqual({ zh: "部件甲", en: "Part A" });
    expect(upstream.reasons.node).toBeUndefined();
    expect(far.reasons).toEqual({ shared: same.reasons.shared });
    expect(sameNoWords.reasons).toEqual({ node: { zh: "整机", en: "Assembly" }, shared: [] });
  });

  it("shows the matches with their reasons on the problem page, in both languages", async () => {
    const zh = await (await server.fetch(`/problems/${problemId}`)).text();
    expect(zh).toContain("可能有帮助的成果与服务");
    expect(zh).toContain("同节点：整机；共同词：谐波、减速器、");
    expect(zh).toContain("上游节点：部件甲；共同词：谐波、减速器、");
    expect(zh).toContain(`href="/resources/${ids.same}"`);
    const en = await (
      await server.fetch(`/problems/${problemId}`, { headers: { "accept-language": "en" } })
    ).text();
    expect(en).toContain("Results and services that may help");
    expect(en).toContain("same node: Assembly; shares: 谐波, 减速器, ");
    expect(en).toContain("upstream: Part A; shares: 谐波, 减速器, ");
  });

  it("matches a problem being written, by its text and ticked nodes", async () => {
    const params = new URLSearchParams({ title: "谐波减速器回差增大", body: "", tags: "" });
    params.append("node", node("assembly"));
    params.append("node", "not-a-uuid");
    const res = await server.fetch(`/resources/matches?${params}`, {
      headers: { cookie: people.poster.cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const { matches } = (await res.json()) as { matches: { id: string; reasons: { node?: unknown } }[] };
    expect(keysOf(matches).slice(0, 3)).toEqual(["same", "upstream", "far"]);
    expect(matches[0].reasons.node).toEqual({ zh: "整机", en: "Assembly" });
    const nothing = await server.fetch(`/resources/matches?${new URLSearchParams({ title: "！？" })}`);
    expect(await nothing.json()).toEqual({ matches: [] });
  });

  it("never matches alliance-only resources for outsiders, nor hidden or withdrawn ones for anyone", async () => {
    for (const who of [null, viewer("outsider"), viewer("poster")]) {
      const keys = keysOf(await matchesForProblem(database.db, who, problemId));
      expect(keys).not.toContain("secret");
      expect(keys).not.toContain("hidden");
      expect(keys).not.toContain("withdrawn");
    }
    expect(keysOf(await matchesForProblem(database.db, viewer("member"), problemId))[0]).toBe("secret");

    const draft = new URLSearchParams({ title: "谐波减速器回差测试" });
    draft.append("node", node("assembly"));
    const asOutsider = await server.fetch(`/resources/matches?${draft}`, {
      headers: { cookie: people.outsider.cookie },
    });
    const outsiderText = await asOutsider.text();
    expect(outsiderText).not.toContain(ids.secret);
    expect(outsiderText).not.toContain("联盟内部");
    const asMember = await server.fetch(`/resources/matches?${draft}`, {
      headers: { cookie: people.member.cookie },
    });
    expect(await asMember.text()).toContain(ids.secret);

    const page = await (
      await server.fetch(`/problems/${problemId}`, { headers: { cookie: people.outsider.cookie } })
    ).text();
    expect(page).not.toContain("联盟内部");
    expect(page).not.toContain(ids.secret);
    expect(page).not.toContain(ids.hidden);
  });

  it("lists open problems a resource may solve: the same node, then the node it supplies", async () => {
    const forOutsider = await problemsForResource(database.db, viewer("outsider"), ids.upstream);
    expect(keysOf(forOutsider)).toEqual([problemId]);
    expect(forOutsider[0].reasons.downstream).toEqual({ zh: "整机", en: "Assembly" });
    // Solved problems need nothing; an alliance-only one exists only for its members.
    const forMember = keysOf(await problemsForResource(database.db, viewer("member"), ids.far));
    expect(forMember).toContain("allianceProblem");
    expect(forMember).not.toContain("solved");
    const sameNode = await problemsForResource(database.db, viewer("outsider"), ids.same);
    expect(keysOf(sameNode)).toEqual([problemId]);
    expect(sameNode[0].reasons.node).toEqual({ zh: "整机", en: "Assembly" });
    expect(keysOf(await problemsForResource(database.db, viewer("outsider"), ids.far))).not.toContain(
      "allianceProblem",
    );
  });

  it("shows the problems a resource may solve on its page, none alliance-only to outsiders", async () => {
    const html = await (await server.fetch(`/resources/${ids.upstream}`)).text();
    expect(html).toContain("这项资源可能解决的难题");
    expect(html).toContain(`href="/problems/${problemId}"`);
    expect(html).toContain("下游节点：整机；共同词：谐波、减速器、");
    expect(html).not.toContain(ids.allianceProblem);
    const en = await (
      await server.fetch(`/resources/${ids.upstream}`, { headers: { "accept-language": "en" } })
    ).text();
    expect(en).toContain("Problems this may solve");
    expect(en).toContain("downstream: Assembly; shares: 谐波, 减速器, ");
  });

  it("queues the announcing job when a problem is posted", async () => {
    const created = await createProblem(services(), people.poster.id, {
      title: "伺服电机振动",
      body: "机械臂末端抖动。",
      visibility: "public",
      urgency: "normal",
      nodeIds: [node("assembly")],
      tags: [],
    });
    expect(created.status).toBe("created");
    const id = created.status === "created" ? created.id : "";
    const queued = await database.db.select().from(jobs).where(eq(jobs.kind, MATCH_PROBLEM_KIND));
    expect(queued.map((job) => job.payload)).toContainEqual({ problemId: id });
  });

  it("tells the poster and the provider of a high match once, however often it is matched again", async () => {
    const { db } = database;
    const told = async (userId: string) =>
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, userId), eq(notifications.type, "resource.match")));

    const first = await transact(services(), (tx, publish) => announceProblemMatches(tx, publish, problemId));
    expect(first).toBeGreaterThanOrEqual(1);
    const posterHeard = await told(people.poster.id);
    const announced = posterHeard.map((n) => n.data.resourceId);
    expect(announced).toContain(ids.same);
    // The poster is not in the alliance: its resource is neither announced to them nor used to find matches.
    expect(announced).not.toContain(ids.secret);
    expect(announced).not.toContain(ids.hidden);
    expect(announced).not.toContain(ids.sameNoWords);
    const sameNote = posterHeard.find((n) => n.data.resourceId === ids.same)!;
    expect(sameNote.href).toBe(`/resources/${ids.same}`);
    expect(sameNote.data).toMatchObject({ problem: "谐波减速器回差增大", resource: offer.title, problemId });
    const providerHeard = await told(people.provider.id);
    expect(providerHeard.map((n) => n.href)).toContain(`/problems/${problemId}`);
    const [stored] = await db
      .select()
      .from(resourceMatches)
      .where(and(eq(resourceMatches.problemId, problemId), eq(resourceMatches.resourceId, ids.same)));
    expect(stored.notifiedAt).not.toBeNull();
    expect(stored.reasons).toMatchObject({ node: { zh: "整机", en: "Assembly" } });

    // Saved again, and the resource saved too: nothing new for the same pairs.
    const again = await transact(services(), (tx, publish) => announceProblemMatches(tx, publish, problemId));
    const fromResource = await transact(services(), (tx, publish) =>
      announceResourceMatches(tx, publish, ids.same),
    );
    expect(again).toBe(0);
    expect(fromResource).toBe(0);
    expect(await told(people.poster.id)).toHaveLength(posterHeard.length);
    expect(await told(people.provider.id)).toHaveLength(providerHeard.length);
  });

  it("ignores a malformed job payload", async () => {
    const none = await transact(services(), (tx, publish) => announceProblemMatches(tx, publish, "nope"));
    expect(none).toBe(0);
  });
});
