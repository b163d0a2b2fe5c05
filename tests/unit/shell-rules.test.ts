import { describe, expect, it } from "vitest";
import { errorMessageKeys } from "~/components/error-boundary";
import { stagesUpstreamToDownstream } from "~/models/chain-order";
import { safeRedirectPath } from "~/utils/safe-redirect";

describe("safeRedirectPath", () => {
  it.each(["/", "/alliances", "/alliances/ai?tab=events#top", "/search?q=%2F%2Fevil"])(
    "keeps the site path %j",
    (path) => {
      expect(safeRedirectPath(path)).toBe(path);
    },
  );

  it.each([
    "//evil.com",
    "///evil.com",
    "/\\evil.com",
    "https://evil.com",
    "javascript:alert(1)",
    "evil",
    "",
    "/\t/evil.com",
    "/\n/x",
    null,
    42,
  ])("replaces %j with the fallback", (path) => {
    expect(safeRedirectPath(path)).toBe("/");
    expect(safeRedirectPath(path, "/settings")).toBe("/settings");
  });
});

describe("stagesUpstreamToDownstream", () => {
  const node = (id: string, position: number) => ({ id, position });
  const names = (stages: { id: string }[][]) => stages.map((stage) => stage.map((n) => n.id));

  it("groups parallel suppliers into one stage before what they feed", () => {
    const nodes = [node("body", 0), node("servo", 3), node("reducer", 1), node("controller", 2)];
    const edges = ["reducer", "controller", "servo"].map((from) => ({ fromNodeId: from, toNodeId: "body" }));
    expect(names(stagesUpstreamToDownstream(nodes, edges))).toEqual([
      ["reducer", "controller", "servo"],
      ["body"],
    ]);
  });

  it("places a node after its longest supply path", () => {
    const nodes = ["cpu", "os", "db", "machine"].map(node);
    const edges = [
      { fromNodeId: "cpu", toNodeId: "os" },
      { fromNodeId: "os", toNodeId: "db" },
      { fromNodeId: "db", toNodeId: "machine" },
      { fromNodeId: "cpu", toNodeId: "machine" },
    ];
    expect(names(stagesUpstreamToDownstream(nodes, edges))).toEqual([["cpu"], ["os"], ["db"], ["machine"]]);
  });

  it("falls back to position order for a chain without edges, and ignores other chains' edges", () => {
    const nodes = [node("b", 2), node("a", 1)];
    expect(names(stagesUpstreamToDownstream(nodes, [{ fromNodeId: "x", toNodeId: "y" }]))).toEqual([
      ["a"],
      ["b"],
    ]);
  });

  it("keeps nodes on a cycle instead of dropping them", () => {
    const nodes = ["a", "b", "c"].map(node);
    const edges = [
      { fromNodeId: "a", toNodeId: "b" },
      { fromNodeId: "b", toNodeId: "c" },
      { fromNodeId: "c", toNodeId: "b" },
    ];
    expect(names(stagesUpstreamToDownstream(nodes, edges))).toEqual([["a"], ["b", "c"]]);
  });
});

describe("errorMessageKeys", () => {
  it("has titled texts for 403, 404 and 500 and the nearest generic text for others", () => {
    expect(errorMessageKeys(404)).toEqual({ title: "error.title.404", text: "error.404" });
    expect(errorMessageKeys(403)).toEqual({ title: "error.title.403", text: "error.403" });
    expect(errorMessageKeys(429)).toEqual({ title: undefined, text: "error.429" });
    expect(errorMessageKeys(405)).toEqual({ title: undefined, text: "error.400" });
    expect(errorMessageKeys(503)).toEqual({ title: "error.title.500", text: "error.500" });
  });
});
