import { describe, expect, it } from "vitest";
import {
  bigrams,
  indexTokens,
  MAX_INDEXED_CHARS,
  normalizeText,
  queryWords,
  segmentForIndex,
} from "~/search/segment.server";
import { parseSearchQuery } from "~/search/tsquery.server";

describe("search segmentation", () => {
  it("normalizes full-width characters and case", () => {
    expect(normalizeText("ＲＯＳ２　机器人，ＡＢＣ１２３")).toBe("ros2 机器人,abc123");
    expect(normalizeText("V2X")).toBe("v2x");
  });

  it("keeps Latin words and numbers whole and drops punctuation", () => {
    expect(indexTokens("5G专网与V2X、ROS2机器人！")).toEqual(
      expect.arrayContaining(["5g", "专网", "v2x", "ros2", "机器人"]),
    );
    expect(indexTokens("Edge-AI chips (NPU) @ 45°C")).toEqual(["edge", "ai", "chips", "npu", "45", "c"]);
    expect(indexTokens("ＰＬＣ梯形图")).toContain("plc");
    expect(indexTokens("!&:*( '' \\ ，。！？ 😀🤖")).toEqual([]);
    for (const token of indexTokens("车规级芯片：AEC-Q100 认证、0.5mm 精度；“谐波减速器”")) {
      expect(token).toMatch(/^[\p{L}\p{M}\p{N}]+$/u);
    }
  });

  it("indexes the compound and its two-character words", () => {
    const tokens = indexTokens("谐波减速器寿命不足");
    expect(tokens).toEqual(expect.arrayContaining(["谐波", "减速", "减速器", "寿命", "不足"]));
    for (const [text, word] of [
      ["工业机器人用精密减速器", "减速"],
      ["机器视觉缺陷检测", "视觉"],
      ["毫米波雷达点云稀疏", "雷达"],
      ["激光雷达成本", "雷达"],
      ["大模型推理芯片", "芯片"],
      ["金融数据治理", "数据"],
      ["多传感器融合", "传感"],
    ]) {
      expect(indexTokens(text), `${word} in ${text}`).toContain(word);
    }
  });

  it("adds bigrams where jieba's search mode keeps a compound whole", () => {
    // jieba's dictionary has 车规级 and emits no smaller piece of it, so 车规 needs the bigram fallback.
    expect(indexTokens("车规级芯片", { bigrams: false })).not.toContain("车规");
    expect(indexTokens("车规级芯片")).toEqual(expect.arrayContaining(["车规级", "车规", "规级", "芯片"]));
    expect(bigrams("伺服电机")).toEqual(["伺服", "服电", "电机"]);
  });

  it("never pairs characters across a word boundary", () => {
    // 近视 + 觉得: 视觉 here would be a false hit.
    expect(indexTokens("长期盯屏幕导致近视觉得眼睛干涩")).not.toContain("视觉");
  });

  it("stops indexing after MAX_INDEXED_CHARS", () => {
    const text = "a".repeat(MAX_INDEXED_CHARS - 1) + " 尾巴";
    expect(segmentForIndex(text)).not.toContain("尾巴");
  });

  it("segments queries in precise mode with fallbacks for long words", () => {
    const words = queryWords("激光雷达");
    expect(words.map((w) => w.word)).toEqual(["激光雷达"]);
    expect(words[0].phrase).toEqual(["激光", "雷达"]);
    expect(words[0].bigrams).toEqual(["激光", "光雷", "雷达"]);
    // 机器 alone does not spell 机器人, so it gets no phrase: only the word or both of its bigrams match.
    expect(queryWords("机器人")[0]).toEqual({ kind: "han", word: "机器人", bigrams: ["机器", "器人"] });
    expect(queryWords("芯片").map((w) => w.word)).toEqual(["芯片"]);
    expect(queryWords("ROS2机器人").map((w) => [w.kind, w.word])).toEqual([
      ["word", "ros2"],
      ["han", "机器人"],
    ]);
  });

  it("drops function words from queries unless nothing else is left", () => {
    expect(queryWords("芯片的散热").map((w) => w.word)).toEqual(["芯片", "散热"]);
    expect(queryWords("control of the robot").map((w) => w.word)).toEqual(["control", "robot"]);
    expect(queryWords("的").map((w) => w.word)).toEqual(["的"]);
  });

  it("turns unsearchable input into no query at all", () => {
    for (const input of ["", "   ", "!&:*(", "''", "\\", "😀🚗", "，。！？", null, undefined, 42]) {
      expect(parseSearchQuery(input), JSON.stringify(input)).toBeNull();
    }
    expect(parseSearchQuery("芯片 芯片 芯片")!.words).toHaveLength(1);
  });
});
