import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { listProblems } from "~/models/problem-board.server";
import { insertProblem } from "~/models/problems.server";
import { highlight, hitRanges, snippet } from "~/search/highlight.server";
import { MAX_QUERY_CHARS, matches, parseSearchQuery, rank, searchVector } from "~/search/tsquery.server";
import { parseBoardQuery } from "~/validation/problem";
import { searchCorpus } from "../../db/seed-data/search-corpus";
import { createUser } from "../factories";
import { useTestDatabase } from "../setup/database";

/**
 * The search engine against real PostgreSQL, and the quality test issue 4 asks for (recall ≥ 0.95, precision
 * printed): the corpus is posted as problems and every query goes through the board's own search
 * (`listProblems` with `q`, all pages). A probe table beside it holds the same segmented vectors, and a
 * jieba-only one for comparison, for the engine's finer tests and hostile input.
 */

/** Expected hits: every problem that contains the words (as a Chinese substring or a whole Latin word). */
const twoCharacterQueries: Record<string, string[]> = {
  芯片: ["servo-encoder", "industrial-camera-sensor", "auto-chip-shortage", "ai-inference-chip"],
  雷达: ["mmwave-radar-pointcloud", "lidar-cost", "radar-camera-fusion"],
  // Not eye-strain-office: its "近视觉得" is 近视 + 觉得, and 视觉 there would be a false hit.
  视觉: ["welding-robot-seam", "vision-defect-detection", "vision-3d-grasp", "5g-private-network"],
  减速: ["harmonic-reducer-life", "rv-reducer-backlash", "humanoid-joint"],
  数据: [
    "vision-defect-detection",
    "battery-thermal-runaway",
    "autonomous-corner-cases",
    "financial-data-governance",
    "credit-risk-model",
    "market-data-latency",
    "data-labeling-quality",
    "industrial-data-silos",
  ],
  编码: ["servo-encoder"],
  封装: ["chip-packaging-test"],
  标注: ["vision-defect-detection", "data-labeling-quality", "speech-dialect"],
  时延: ["5g-private-network", "market-data-latency"],
  导航: ["ros2-navigation"],
  焊接: ["welding-robot-seam"],
  电池: ["vision-defect-detection", "battery-thermal-runaway"],
  // Only inside 计算力, which jieba's search mode keeps whole.
  算力: ["ai-inference-chip", "ai-compute-scheduling", "regional-compute-supply"],
  协议: ["ev-charging-protocol", "privacy-computing", "market-data-latency", "industrial-data-silos"],
  治理: ["financial-data-governance"],
  风控: ["credit-risk-model"],
  传感: [
    "welding-robot-seam",
    "cobot-force-control",
    "industrial-camera-sensor",
    "radar-camera-fusion",
    "5g-redcap-module",
    "battery-thermal-runaway",
    "automotive-pressure-sensor",
  ],
  抓取: ["vision-3d-grasp"],
  关节: ["humanoid-joint"],
  光刻: ["wafer-photoresist"],
  点云: ["vision-3d-grasp", "mmwave-radar-pointcloud"],
  // Only inside 车规级 in automotive-pressure-sensor, a word jieba's HMM finds and does not split.
  车规: ["auto-chip-shortage", "lidar-cost", "automotive-pressure-sensor"],
  专网: ["5g-private-network"],
  模组: ["5g-redcap-module", "humanoid-joint"],
  认证: ["auto-chip-shortage"],
  基站: ["5g-base-station-energy"],
  预警: ["battery-thermal-runaway"],
  标定: ["automotive-pressure-sensor"],
  仿真: ["autonomous-corner-cases"],
  监管: ["financial-data-governance", "credit-risk-model"],
  节能: ["5g-base-station-energy"],
};

const otherQueries: Record<string, string[]> = {
  谐波减速器: ["harmonic-reducer-life"],
  减速器: ["harmonic-reducer-life", "rv-reducer-backlash", "humanoid-joint"],
  工业机器人: ["harmonic-reducer-life", "rv-reducer-backlash", "welding-robot-seam", "vision-3d-grasp"],
  激光雷达: ["lidar-cost"],
  毫米波雷达: ["mmwave-radar-pointcloud"],
  机器视觉: ["vision-defect-detection", "5g-private-network"],
  自动驾驶: [
    "mmwave-radar-pointcloud",
    "radar-camera-fusion",
    "autonomous-corner-cases",
    "data-labeling-quality",
  ],
  新能源汽车: ["battery-thermal-runaway", "ev-charging-protocol"],
  金融数据: ["financial-data-governance"],
  缺陷检测: ["vision-defect-detection"],
  隐私计算: ["privacy-computing"],
  数控机床: ["industrial-data-silos", "cnc-thermal-error"],
  人形机器人: ["humanoid-joint"],
  推理芯片: ["ai-inference-chip"],
  "ROS2 机器人": ["ros2-navigation"],
  "5G 时延": ["5g-private-network"],
  "V2X 车路协同": ["v2x-rsu"],
  "5G专网": ["5g-private-network"],
  RV减速器: ["rv-reducer-backlash"],
  "5G 基站": ["5g-base-station-energy"],
  "AGV 调度": ["5g-private-network"],
  "GPU 利用率": ["ai-compute-scheduling"],
  "MEMS 传感器": ["automotive-pressure-sensor"],
  "FPGA 网卡": ["market-data-latency"],
  radar: ["en-radar-interference"],
  chip: ["en-chip-thermal"],
  "machine vision": ["en-vision-lighting"],
  "Data Lineage": ["en-financial-data-lineage"],
  "robot calibration": ["en-robot-calibration"],
  "5G": ["5g-private-network", "5g-redcap-module", "en-5g-handover", "5g-base-station-energy"],
  V2X: ["v2x-rsu", "en-v2x-security"],
  ROS2: ["ros2-navigation", "en-ros2-realtime"],
  vehicles: ["en-radar-interference", "en-5g-handover", "en-ev-battery-recycling"],
  battery: ["en-ev-battery-recycling"],
  ＰＬＣ: ["industrial-data-silos", "fullwidth-plc"],
  eda: ["eda-tools"],
  lidar: ["en-lidar-rain"],
  "point cloud": ["en-lidar-rain"],
  calibration: ["en-robot-calibration"],
  FPGA: ["market-data-latency"],
};

const hostileInputs = [
  "!&:*(",
  "a & | b",
  "5G & | 基站",
  "'; drop table problems; --",
  "！＆：＊（",
  "（芯片）",
  "'",
  "\\",
  "''",
  '"',
  "!",
  "&&&|||",
  "a:*",
  "foo & !bar",
  "(芯片",
  "芯片)",
  "<->",
  "-",
  "or",
  "\u0000芯片",
  "，。！？、；：",
  "😀🚗🤖",
  "芯片😀雷达",
  "x".repeat(10_000),
  "芯片".repeat(5_000),
  "雷达 ".repeat(2_000),
  " ",
  "",
];

type Row = { id: string; score: number };

type Kind = "two-character Chinese" | "Chinese" | "mixed" | "English";

/** What a query is made of, after full-width letters are folded: Chinese, Latin, or both. */
function kindOf(query: string): Kind {
  const text = query.normalize("NFKC");
  const chinese = /\p{Script=Han}/u.test(text);
  const latin = /[A-Za-z0-9]/.test(text);
  if (chinese && latin) return "mixed";
  if (latin) return "English";
  return /^\p{Script=Han}{2}$/u.test(text) ? "two-character Chinese" : "Chinese";
}

const allQueries = { ...twoCharacterQueries, ...otherQueries };

describe("search engine", () => {
  const database = useTestDatabase();

  beforeAll(async () => {
    await database.db.execute(sql`
      create table search_probe (
        id text primary key,
        title text not null,
        body text not null,
        tags text[] not null,
        search tsvector not null,
        search_jieba_only tsvector not null
      )`);
    await database.db.execute(sql`create index search_probe_search on search_probe using gin (search)`);
    for (const problem of searchCorpus) {
      await database.db.execute(sql`
        insert into search_probe (id, title, body, tags, search, search_jieba_only)
        values (${problem.id}, ${problem.title}, ${problem.body},
                array[${sql.join(
                  problem.tags.map((tag) => sql`${tag}`),
                  sql`, `,
                )}]::text[],
                ${searchVector(problem)}, ${searchVector(problem, { bigrams: false })})`);
    }
    const { user } = await createUser(database.db);
    for (const problem of searchCorpus) {
      const id = await insertProblem(database.db, {
        authorId: user.id,
        title: problem.title,
        body: problem.body,
        tags: problem.tags,
        visibility: "public",
        urgency: "normal",
        nodeIds: [],
      });
      corpusIdOf.set(id, problem.id);
    }
  });

  const corpusIdOf = new Map<string, string>();

  /** The board's search box, as a visitor sees it: every page of `/problems?q=…`, as corpus ids. */
  async function boardSearch(input: string): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const board = await listProblems(database.db, null, {
        ...parseBoardQuery(new URLSearchParams({ q: input })),
        cursor,
      });
      ids.push(...board.problems.map((problem) => corpusIdOf.get(problem.id)!));
      cursor = board.nextCursor;
    } while (cursor);
    return ids;
  }

  async function search(input: string, column = sql.raw("search")): Promise<Row[]> {
    const query = parseSearchQuery(input);
    const rows = await database.db.execute<Row>(sql`
      select id, ${rank(column, query)} as score from search_probe
      where ${matches(column, query)}
      order by score desc, id`);
    return [...rows];
  }

  type Outcome = { query: string; expected: string[]; ids: string[] };
  type Measured = { recall: number; precision: number; misses: string[]; extras: string[] };

  async function runQueries(
    queries: Record<string, string[]>,
    searcher: (query: string) => Promise<string[]>,
  ): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    for (const [query, expected] of Object.entries(queries))
      outcomes.push({ query, expected, ids: await searcher(query) });
    return outcomes;
  }

  /** Recall averaged over queries; precision over every row returned. */
  function score(outcomes: Outcome[]): Measured {
    let recallSum = 0;
    let found = 0;
    let returned = 0;
    const misses: string[] = [];
    const extras: string[] = [];
    for (const { query, expected, ids } of outcomes) {
      const hits = expected.filter((id) => ids.includes(id));
      recallSum += hits.length / expected.length;
      found += hits.length;
      returned += ids.length;
      for (const id of expected) if (!ids.includes(id)) misses.push(`${query} → ${id}`);
      for (const id of ids) if (!expected.includes(id)) extras.push(`${query} → ${id}`);
    }
    return {
      recall: recallSum / outcomes.length,
      precision: returned === 0 ? 0 : found / returned,
      misses,
      extras,
    };
  }

  const jiebaOnly = async (query: string) =>
    (await search(query, sql.raw("search_jieba_only"))).map((row) => row.id);

  it("has the corpus and the mix of queries the quality test needs, each with its expected hits", () => {
    expect(searchCorpus.length).toBeGreaterThanOrEqual(40);
    const queries = Object.keys(allQueries);
    expect(queries.length).toBe(Object.keys(twoCharacterQueries).length + Object.keys(otherQueries).length);
    expect(queries.length).toBeGreaterThanOrEqual(40);
    for (const query of Object.keys(twoCharacterQueries))
      expect(kindOf(query), query).toBe("two-character Chinese");
    const kinds = queries.map(kindOf);
    const howMany = (kind: Kind) => kinds.filter((k) => k === kind).length;
    expect(howMany("two-character Chinese")).toBeGreaterThanOrEqual(15);
    expect(howMany("mixed")).toBeGreaterThanOrEqual(5);
    expect(howMany("English")).toBeGreaterThanOrEqual(10);
    expect(howMany("Chinese")).toBeGreaterThanOrEqual(10);
    const ids = new Set(searchCorpus.map((p) => p.id));
    for (const [query, expected] of Object.entries(allQueries)) {
      expect(expected.length, `${query} lists no expected hit`).toBeGreaterThan(0);
      expect(new Set(expected).size, `${query} lists a hit twice`).toBe(expected.length);
      for (const id of expected) expect(ids, query).toContain(id);
    }
  });

  it("finds ≥ 95% of the expected problems through the board's search, two-character Chinese words included", async () => {
    const board = await runQueries(allQueries, boardSearch);
    const jieba = await runQueries(allQueries, jiebaOnly);
    const all = score(board);
    const two = score(board.filter((o) => kindOf(o.query) === "two-character Chinese"));
    const jiebaAll = score(jieba);
    const jiebaTwo = score(jieba.filter((o) => kindOf(o.query) === "two-character Chinese"));
    const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
    const kinds: Kind[] = ["two-character Chinese", "Chinese", "mixed", "English"];
    console.log(
      [
        `search quality over ${searchCorpus.length} problems, through the board's search (listProblems q):`,
        `  all ${board.length} queries: recall ${pct(all.recall)}, precision ${pct(all.precision)}`,
        ...kinds.map((kind) => {
          const some = board.filter((o) => kindOf(o.query) === kind);
          const m = score(some);
          return `  ${some.length} ${kind}: recall ${pct(m.recall)}, precision ${pct(m.precision)}`;
        }),
        `  jieba search mode without bigrams: recall ${pct(jiebaAll.recall)} (two-character ${pct(jiebaTwo.recall)}), precision ${pct(jiebaAll.precision)}`,
        `  misses: ${all.misses.join(", ") || "none"}; without bigrams: ${jiebaAll.misses.join(", ") || "none"}`,
        `  unexpected hits: ${all.extras.join(", ") || "none"}`,
      ].join("\n"),
    );
    expect(all.recall).toBeGreaterThanOrEqual(0.95);
    expect(two.recall).toBeGreaterThanOrEqual(0.95);
    expect(all.precision).toBeGreaterThanOrEqual(0.9);
  });

  it("finds the same problems on the board as in the probe table", async () => {
    for (const query of Object.keys(allQueries)) {
      const probe = (await search(query)).map((row) => row.id);
      expect((await boardSearch(query)).sort(), query).toEqual(probe.sort());
    }
  });

  it("does not find a two-character word across a word boundary", async () => {
    const ids = (await search("视觉")).map((row) => row.id);
    expect(ids).not.toContain("eye-strain-office");
  });

  it("answers every hostile string with rows or none, never an error", async () => {
    for (const input of hostileInputs) {
      const rows = await search(input);
      expect(Array.isArray(rows), JSON.stringify(input.slice(0, 20))).toBe(true);
      const board = await boardSearch(input);
      expect(Array.isArray(board), JSON.stringify(input.slice(0, 20))).toBe(true);
    }
    expect(await search("!&:*(")).toEqual([]);
    expect(await boardSearch("!&:*(")).toEqual([]);
    expect(await boardSearch("！＆：＊（")).toEqual([]);
    expect(await boardSearch("a & | b")).toEqual([]);
    expect((await boardSearch("（芯片）")).sort()).toEqual([...twoCharacterQueries["芯片"]].sort());
    expect(await boardSearch("5G & | 基站")).toEqual(["5g-base-station-energy"]);
    expect(await search("😀🚗🤖")).toEqual([]);
    expect((await search("芯片😀雷达")).map((row) => row.id)).toEqual([]);
    expect((await search("(芯片")).map((row) => row.id).sort()).toEqual(
      [...twoCharacterQueries["芯片"]].sort(),
    );
  });

  it("survives random strings of tsquery syntax, quotes and Chinese", async () => {
    const alphabet = Array.from("!&|:*()<->'\"\\ -芯片雷达数据aZ09 　，😀\t\n");
    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    for (let i = 0; i < 300; i++) {
      let input = "";
      const length = 1 + (next() % 24);
      for (let j = 0; j < length; j++) input += alphabet[next() % alphabet.length];
      await expect(search(input), JSON.stringify(input)).resolves.toBeDefined();
    }
  });

  it("bounds the work a very long query can cause", () => {
    const query = parseSearchQuery("芯片 雷达 ".repeat(10_000) + "不会被看到的尾巴")!;
    expect(query.words.map((word) => word.word)).not.toContain("尾巴");
    expect(query.words.length).toBeLessThanOrEqual(16);
    expect(MAX_QUERY_CHARS).toBeLessThanOrEqual(200);
  });

  it("handles mixed Chinese and English queries, with or without a space", async () => {
    expect((await search("ROS2 机器人")).map((row) => row.id)).toEqual(["ros2-navigation"]);
    expect((await search("ROS2机器人")).map((row) => row.id)).toEqual(["ros2-navigation"]);
    expect((await search("ｒｏｓ２　机器人")).map((row) => row.id)).toEqual(["ros2-navigation"]);
    expect((await search("5G 机器视觉")).map((row) => row.id)).toEqual(["5g-private-network"]);
    expect((await search("vehicles 5G")).map((row) => row.id)).toEqual(["en-5g-handover"]);
  });

  it("ranks title hits above body and tag hits", async () => {
    for (const word of ["数据", "芯片", "减速器", "视觉", "传感", "机器人", "vehicles"]) {
      const rows = await search(word);
      const needle = word.toLowerCase();
      const inTitle = (id: string) =>
        searchCorpus
          .find((p) => p.id === id)!
          .title.normalize("NFKC")
          .toLowerCase()
          .includes(needle);
      const titled = rows.filter((row) => inTitle(row.id));
      const untitled = rows.filter((row) => !inTitle(row.id));
      expect(titled.length, word).toBeGreaterThan(0);
      expect(untitled.length, word).toBeGreaterThan(0);
      const lowestTitled = Math.min(...titled.map((row) => row.score));
      const highestUntitled = Math.max(...untitled.map((row) => row.score));
      expect(lowestTitled, word).toBeGreaterThan(highestUntitled);
    }
  });

  it("ranks a body hit above a tag-only hit", async () => {
    // 质检 is in 5g-private-network's body and only in vision-defect-detection's tags.
    const rows = await search("质检");
    expect(rows.map((row) => row.id)).toEqual(["5g-private-network", "vision-defect-detection"]);
  });

  it("uses the GIN index", async () => {
    const query = parseSearchQuery("谐波减速器");
    const plan = await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return tx.execute<{ "QUERY PLAN": string }>(
        sql`explain select id from search_probe where ${matches(sql.raw("search"), query)}`,
      );
    });
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("search_probe_search");
  });

  it("matches the prefix of the last Latin word only when asked", async () => {
    const plain = parseSearchQuery("calibr");
    const prefix = parseSearchQuery("calibr", { prefix: true });
    const run = async (query: ReturnType<typeof parseSearchQuery>) =>
      [
        ...(await database.db.execute<{ id: string }>(
          sql`select id from search_probe where ${matches(sql.raw("search"), query)}`,
        )),
      ].map((row) => row.id);
    expect(await run(plain)).toEqual([]);
    expect(await run(prefix)).toEqual(["en-robot-calibration"]);
    expect(await run(parseSearchQuery("'&!:*", { prefix: true }))).toEqual([]);
  });

  it("can highlight a hit in every problem it returns", async () => {
    for (const query of Object.keys({ ...twoCharacterQueries, ...otherQueries })) {
      const parsed = parseSearchQuery(query);
      for (const row of await search(query)) {
        const problem = searchCorpus.find((p) => p.id === row.id)!;
        const texts = [problem.title, problem.body, ...problem.tags];
        expect(
          texts.some((text) => hitRanges(text, parsed).length > 0),
          `${query} → ${row.id}`,
        ).toBe(true);
      }
    }
  });

  it("marks the hit substrings in the original text", () => {
    const title = searchCorpus.find((p) => p.id === "harmonic-reducer-life")!.title;
    expect(highlight(title, parseSearchQuery("减速"))).toEqual([
      { text: "谐波", hit: false },
      { text: "减速", hit: true },
      { text: "器寿命不足，柔轮疲劳开裂", hit: false },
    ]);
    expect(highlight(title, parseSearchQuery("谐波减速器"))).toEqual([
      { text: "谐波减速器", hit: true },
      { text: "寿命不足，柔轮疲劳开裂", hit: false },
    ]);
    // Full-width text is found by a half-width query and marked as it was written.
    expect(highlight("老产线的ＰＬＣ程序", parseSearchQuery("plc"))).toEqual([
      { text: "老产线的", hit: false },
      { text: "ＰＬＣ", hit: true },
      { text: "程序", hit: false },
    ]);
    // Latin words match whole: "ros2" is a hit next to Chinese, not inside "microros2x".
    expect(highlight("microros2x 与 ROS2机器人", parseSearchQuery("ros2 机器人"))).toEqual([
      { text: "microros2x 与 ", hit: false },
      { text: "ROS2机器人", hit: true },
    ]);
    expect(highlight("Robot calibration", parseSearchQuery("calib", { prefix: true }))).toEqual([
      { text: "Robot ", hit: false },
      { text: "calib", hit: true },
      { text: "ration", hit: false },
    ]);
    expect(highlight(title, null)).toEqual([{ text: title, hit: false }]);
  });

  it("returns plain text segments that lose nothing, markup included", () => {
    const text = '<script>alert("雷达")</script> & 毫米波雷达 <img src=x onerror=alert(1)>';
    const segments = highlight(text, parseSearchQuery("雷达"));
    expect(segments.map((s) => s.text).join("")).toBe(text);
    expect(segments.filter((s) => s.hit).map((s) => s.text)).toEqual(["雷达", "雷达"]);
  });

  it("cuts a snippet around the first hit without splitting a hit or a character", () => {
    const body = "前言😀".repeat(100) + "这里提到激光雷达的成本问题。" + "后记😀".repeat(100);
    const segments = snippet(body, parseSearchQuery("激光雷达"), { length: 40 });
    expect(segments[0]).toEqual({ text: "…", hit: false });
    expect(segments[segments.length - 1]).toEqual({ text: "…", hit: false });
    expect(segments.filter((s) => s.hit).map((s) => s.text)).toEqual(["激光雷达"]);
    const joined = segments.map((s) => s.text).join("");
    expect(joined.length).toBeLessThanOrEqual(40 + 4);
    expect(joined).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);

    const short = snippet("没有命中的正文\n\n第二段", parseSearchQuery("雷达"));
    expect(short).toEqual([{ text: "没有命中的正文 第二段", hit: false }]);
  });
});
