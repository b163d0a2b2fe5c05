import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { problems } from "../../db/schema/index";
import type { SimilarProblem } from "~/models/problem-similar.server";
import { insertProblem, type NewProblem } from "~/models/problems.server";
import { startSession } from "~/utils/auth.server";
import { addMember, createAlliance, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { useTestServer } from "../setup/server";

/** GET /problems/similar: suggestions while a title is typed. */
describe("similar problems", () => {
  const database = useTestDatabase();
  const server = useTestServer();

  type Person = { id: string; cookie: string };
  const people = { author: {} as Person, member: {} as Person, outsider: {} as Person };
  const made: Record<string, string> = {};

  const seed = (problem: Partial<NewProblem> & { title: string }) =>
    insertProblem(database.db, {
      authorId: people.author.id,
      body: "正文",
      visibility: "public",
      urgency: "normal",
      nodeIds: [],
      tags: [],
      ...problem,
    });

  beforeAll(async () => {
    const { db } = database;
    const alliance = await createAlliance(db);
    const person = async (): Promise<Person> => {
      const { user } = await createUser(db);
      return { id: user.id, cookie: (await startSession(server.services, user.id)).setCookie.split(";")[0] };
    };
    people.author = await person();
    people.member = await person();
    people.outsider = await person();
    await addMember(db, { allianceId: alliance.id, userId: people.author.id });
    await addMember(db, { allianceId: alliance.id, userId: people.member.id });

    made.reducer = await seed({ title: "谐波减速器柔轮疲劳寿命不足", status: "in_progress" });
    made.lidar = await seed({ title: "车载激光雷达点云噪声大" });
    made.bodyOnly = await seed({ title: "关节模组装配效率低", body: "柔轮装配时容易偏心。" });
    made.membersOnly = await seed({
      title: "柔轮热处理工艺的内部数据",
      visibility: "alliance",
      allianceId: alliance.id,
    });
    made.hidden = await seed({ title: "柔轮广告帖" });
    await db.update(problems).set({ hiddenAt: new Date() }).where(eq(problems.id, made.hidden));
    made.english = await seed({ title: "Robot arm calibration drifts" });
    for (let i = 0; i < 8; i++) await seed({ title: `伺服电机过热 第 ${i} 例` });
  });

  const similar = async (q: string, cookie?: string, extra = "") => {
    const res = await server.fetch(`/problems/similar?q=${encodeURIComponent(q)}${extra}`, {
      headers: cookie ? { cookie } : {},
    });
    expect(res.status, q).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    return ((await res.json()) as { results: SimilarProblem[] }).results;
  };
  const ids = (results: SimilarProblem[]) => results.map((r) => r.id);

  it("suggests problems sharing any word, title hits first, with status and marked words", async () => {
    // Only 柔轮 and 疲劳 overlap: a search (every word) would find nothing for this title. The problem
    // sharing both comes before those sharing one, and a title hit before a body hit.
    const results = await similar("柔轮疲劳断裂怎么办", people.author.cookie);
    expect(ids(results)[0]).toBe(made.reducer);
    expect(ids(results)).toContain(made.bodyOnly);
    expect(ids(results).indexOf(made.membersOnly)).toBeLessThan(ids(results).indexOf(made.bodyOnly));
    const top = results[0];
    expect(top.status).toBe("in_progress");
    expect(top.titleHits.filter((s) => s.hit).map((s) => s.text)).toEqual(["柔轮疲劳"]);
    expect(top.titleHits.map((s) => s.text).join("")).toBe("谐波减速器柔轮疲劳寿命不足");
    const lidar = await similar("激光雷达噪声", people.author.cookie);
    expect(ids(lidar)).toEqual([made.lidar]);
  });

  it("returns at most five", async () => {
    const results = await similar("伺服电机过热", people.author.cookie);
    expect(results).toHaveLength(5);
  });

  it("treats the last English word as a prefix, as it may be half typed", async () => {
    expect(ids(await similar("robot calib", people.author.cookie))).toEqual([made.english]);
    expect(ids(await similar("ro", people.author.cookie))).toEqual([]);
  });

  it("never suggests alliance-only problems to outsiders, nor hidden ones to anyone", async () => {
    expect(ids(await similar("柔轮", people.member.cookie))).toContain(made.membersOnly);
    for (const cookie of [people.outsider.cookie, undefined]) {
      const found = ids(await similar("柔轮 热处理 内部数据", cookie));
      expect(found).not.toContain(made.membersOnly);
      expect(found).not.toContain(made.hidden);
    }
    expect(ids(await similar("柔轮广告帖", people.member.cookie))).not.toContain(made.hidden);
  });

  it("leaves out the problem being edited", async () => {
    const found = ids(await similar("谐波减速器", people.author.cookie, `&exclude=${made.reducer}`));
    expect(found).not.toContain(made.reducer);
    expect(await similar("谐波减速器", people.author.cookie, "&exclude=not-a-uuid")).toHaveLength(1);
  });

  it("answers any text with results or none, never a 500", async () => {
    for (const hostile of ["", "!&:*(", "柔轮 & | ! <->", "'", "\\", ":*", "((((", "😀", "a".repeat(5000)]) {
      const results = await similar(hostile, people.author.cookie);
      expect(results.length, hostile).toBeLessThanOrEqual(5);
    }
    expect(await similar("!&:*(", people.author.cookie)).toEqual([]);
  });
});
