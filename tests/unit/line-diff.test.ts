import { describe, expect, it } from "vitest";
import { hasChanges, lineDiff, type DiffLine } from "~/utils/line-diff";

/** Rebuilds either side from a diff: every line of the old text, or of the new, in order. */
const side = (diff: DiffLine[], kind: "removed" | "added") =>
  diff.filter((line) => line.kind === "same" || line.kind === kind).map((line) => line.text);

describe("lineDiff", () => {
  it("finds nothing to change between equal texts", () => {
    const diff = lineDiff("一\n二\n三", "一\n二\n三");
    expect(diff.map((l) => l.kind)).toEqual(["same", "same", "same"]);
    expect(hasChanges(diff)).toBe(false);
  });

  it("marks a changed line as removed then added, keeping the lines around it", () => {
    expect(lineDiff("a\nb\nc", "a\nB\nc")).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "b" },
      { kind: "added", text: "B" },
      { kind: "same", text: "c" },
    ]);
  });

  it("handles insertions, deletions and empty texts", () => {
    expect(lineDiff("", "x\ny")).toEqual([
      { kind: "added", text: "x" },
      { kind: "added", text: "y" },
    ]);
    expect(lineDiff("x\ny", "")).toEqual([
      { kind: "removed", text: "x" },
      { kind: "removed", text: "y" },
    ]);
    expect(lineDiff("a\nc", "a\nb\nc")).toEqual([
      { kind: "same", text: "a" },
      { kind: "added", text: "b" },
      { kind: "same", text: "c" },
    ]);
    expect(lineDiff("", "")).toEqual([]);
  });

  it("keeps the longest common subsequence, not just a common prefix", () => {
    const diff = lineDiff("a\nb\nc\nd\ne", "b\nx\nc\ne\nf");
    expect(diff.filter((l) => l.kind === "same").map((l) => l.text)).toEqual(["b", "c", "e"]);
    expect(side(diff, "removed")).toEqual(["a", "b", "c", "d", "e"]);
    expect(side(diff, "added")).toEqual(["b", "x", "c", "e", "f"]);
  });

  it("treats CRLF like LF and always reproduces both texts", () => {
    expect(hasChanges(lineDiff("a\r\nb", "a\nb"))).toBe(false);
    const texts = ["", "a", "a\nb\na\nb", "b\na\nb\na\nc", "c\nc\nc", "a\n\nb\n"];
    for (const before of texts)
      for (const after of texts) {
        const diff = lineDiff(before, after);
        expect(side(diff, "removed").join("\n")).toBe(before);
        expect(side(diff, "added").join("\n")).toBe(after);
        expect(hasChanges(diff)).toBe(before !== after);
      }
  });
});
