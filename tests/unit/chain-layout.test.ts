import { describe, expect, it } from "vitest";
import { chainSeeds } from "../../db/seed-data/chains";
import {
  layoutChain,
  wrapLabel,
  type ChainLayout,
  type LayoutInput,
  type Point,
  type Segment,
} from "~/components/chain/chain-layout";
import { stagesUpstreamToDownstream } from "~/models/chain-order";

/** Points along every piece of every edge, finely enough that no crossing of a box goes unseen. */
function pointsOf(segments: Segment[]): Point[] {
  return segments.flatMap(({ start, c1, c2, end }) =>
    Array.from({ length: 201 }, (_, i) => {
      const t = i / 200;
      const u = 1 - t;
      const mix = (k: "x" | "y") =>
        u * u * u * start[k] + 3 * u * u * t * c1[k] + 3 * u * t * t * c2[k] + t * t * t * end[k];
      return { x: mix("x"), y: mix("y") };
    }),
  );
}

/** Every edge point that lies inside a node box (its own ends included: an edge only touches their sides). */
function crossings(layout: ChainLayout): string[] {
  const inside = (p: Point, n: ChainLayout["nodes"][number]) =>
    p.x > n.x + 0.5 && p.x < n.x + n.width - 0.5 && p.y > n.y + 0.5 && p.y < n.y + n.height - 0.5;
  return layout.edges.flatMap((edge) =>
    layout.nodes
      .filter((node) => pointsOf(edge.segments).some((p) => inside(p, node)))
      .map((node) => `${edge.from} → ${edge.to} crosses ${node.id}`),
  );
}

describe("chain map layout", () => {
  const node = (id: string, label = id): LayoutInput => ({ id, slug: id, label });

  it("puts each stage in its own column, upstream on the left, and links every edge", () => {
    const layout = layoutChain(
      [[node("reducer"), node("controller"), node("servo")], [node("body")], [node("integration")]],
      [
        { fromNodeId: "reducer", toNodeId: "body" },
        { fromNodeId: "controller", toNodeId: "body" },
        { fromNodeId: "servo", toNodeId: "body" },
        { fromNodeId: "body", toNodeId: "integration" },
      ],
    );
    const x = (id: string) => layout.nodes.find((n) => n.id === id)!.x;
    expect(x("reducer")).toBe(x("servo"));
    expect(x("reducer")).toBeLessThan(x("body"));
    expect(x("body")).toBeLessThan(x("integration"));
    expect(layout.edges).toHaveLength(4);
    for (const n of layout.nodes) {
      expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
    }
  });

  it("stacks nodes of one stage without overlap", () => {
    const layout = layoutChain([[node("a"), node("b"), node("c")]], []);
    const [a, b, c] = layout.nodes;
    expect(a.y + a.height).toBeLessThan(b.y);
    expect(b.y + b.height).toBeLessThan(c.y);
  });

  it("makes room for footer lines below the label", () => {
    const plain = layoutChain([[node("a")]], []).nodes[0];
    const counted = layoutChain([[{ ...node("a"), footerLines: 2 }]], []).nodes[0];
    expect(counted.height).toBeGreaterThanOrEqual(plain.height + 2 * 16);
    expect(counted.footerY).toBeGreaterThan(counted.y + 17);
    expect(counted.footerY + 2 * 16).toBeLessThanOrEqual(counted.y + counted.height);
  });

  it("ignores edges to nodes it was not given", () => {
    expect(layoutChain([[node("a")]], [{ fromNodeId: "a", toNodeId: "elsewhere" }]).edges).toEqual([]);
  });

  it("routes an edge that skips a stage around the boxes of that stage, not through them", () => {
    // The industrial-robots shape: software feeds integration directly, past the robot body's column,
    // and the skipped column is the tallest, so the lane has to leave the columns' bounds.
    const layout = layoutChain(
      [[node("software")], [node("body"), node("effectors"), node("extra")], [node("integration")]],
      [
        { fromNodeId: "software", toNodeId: "integration" },
        { fromNodeId: "body", toNodeId: "integration" },
      ],
    );
    expect(crossings(layout)).toEqual([]);
    for (const point of pointsOf(layout.edges.flatMap((e) => e.segments))) {
      expect(point.y).toBeGreaterThanOrEqual(0);
      expect(point.y).toBeLessThanOrEqual(layout.height);
    }
  });

  it("a straight-through drawing would cross the skipped box, so the check above can fail", () => {
    const layout = layoutChain([[node("a")], [node("b")], [node("c")]], [{ fromNodeId: "a", toNodeId: "c" }]);
    const [a, b, c] = layout.nodes;
    const naive: Segment = {
      start: { x: a.x + a.width, y: a.y + a.height / 2 },
      c1: { x: b.x, y: a.y + a.height / 2 },
      c2: { x: b.x + b.width, y: c.y + c.height / 2 },
      end: { x: c.x, y: c.y + c.height / 2 },
    };
    expect(crossings({ ...layout, edges: [{ from: "a", to: "c", segments: [naive], path: "" }] })).toEqual([
      "a → c crosses b",
    ]);
    expect(crossings(layout)).toEqual([]);
  });

  it("draws no edge through a box in any of the seven seeded chains, in either language", () => {
    for (const chain of chainSeeds) {
      const nodes = chain.nodes.map((n, position) => ({ ...n, id: n.slug, position }));
      const edges = chain.nodes.flatMap((n) =>
        (n.upstream ?? []).map((from) => ({ fromNodeId: from, toNodeId: n.slug })),
      );
      for (const name of ["nameZh", "nameEn"] as const) {
        const stages = stagesUpstreamToDownstream(nodes, edges).map((stage) =>
          stage.map((n) => ({ id: n.id, slug: n.slug, label: n[name], footerLines: 2 })),
        );
        const layout = layoutChain(stages, edges);
        expect(layout.edges).toHaveLength(edges.length);
        expect(crossings(layout), `${chain.slug} (${name})`).toEqual([]);
      }
    }
  });

  it("wraps Chinese between characters and other text between words, in at most four even lines", () => {
    expect(wrapLabel("行业应用系统（政务、金融、能源）")).toEqual(["行业应用系统", "（政务、金融、能源）"]);
    expect(wrapLabel("激光雷达与毫米波雷达")).toEqual(["激光雷达与毫米波雷达"]);
    expect(wrapLabel("计算机视觉与跨媒体分析算法")).toEqual(["计算机视觉与跨", "媒体分析算法"]);
    expect(wrapLabel("Compatibility adaptation and testing")).toEqual([
      "Compatibility",
      "adaptation and testing",
    ]);
    expect(wrapLabel("Smart cameras and edge devices")).toEqual(["Smart cameras", "and edge devices"]);
    const long = wrapLabel(
      "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen",
    );
    expect(long).toHaveLength(4);
    expect(long[3].endsWith("…")).toBe(true);
  });

  it("keeps Chinese punctuation and Latin words whole, and leaves no character alone on a line", () => {
    expect(wrapLabel("智能制造应用（汽车、电子、物流）")).toEqual(["智能制造应用", "（汽车、电子、物流）"]);
    expect(wrapLabel("一二三四五六七八九十、十一")).toEqual(["一二三四五六七", "八九十、十一"]);
    expect(wrapLabel("车路协同通信设备与（V2X）通信系统")).toEqual(["车路协同通信设备与", "（V2X）通信系统"]);
    for (const chain of chainSeeds) {
      for (const node of chain.nodes) {
        const lines = wrapLabel(node.nameZh);
        expect(lines.join(""), node.nameZh).toBe(node.nameZh);
        for (const line of lines.slice(1)) expect(line[0], node.nameZh).not.toMatch(/[、，。）]/);
        for (const line of lines) expect(line.at(-1), node.nameZh).not.toMatch(/[（]/);
        if (lines.length > 1) expect(Array.from(lines.at(-1)!).length, node.nameZh).toBeGreaterThan(1);
      }
    }
  });
});
