import { describe, expect, it } from "vitest";
import { layoutChain, wrapLabel } from "~/components/chain/chain-layout";

describe("chain map layout", () => {
  const node = (id: string, label = id) => ({ id, slug: id, label });

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

  it("ignores edges to nodes it was not given", () => {
    expect(layoutChain([[node("a")]], [{ fromNodeId: "a", toNodeId: "elsewhere" }]).edges).toEqual([]);
  });

  it("wraps Chinese anywhere and other text between words, in at most three lines", () => {
    expect(wrapLabel("行业应用（政务、金融、能源）")).toEqual(["行业应用（政务、金", "融、能源）"]);
    expect(wrapLabel("Compatibility adaptation and testing")).toEqual([
      "Compatibility",
      "adaptation and",
      "testing",
    ]);
    const long = wrapLabel(
      "one two three four five six seven eight nine ten eleven twelve thirteen fourteen",
    );
    expect(long).toHaveLength(3);
    expect(long[2].endsWith("…")).toBe(true);
  });
});
