import { describe, expect, it } from "vitest";
import { weakLinkReasons } from "~/models/weak-links";

describe("weak-link rule", () => {
  const reasons = (suppliers: number, needs: number, openProblems = 0) =>
    weakLinkReasons({ suppliers, needs, openProblems });

  it("leaves nodes nobody or only one organization needs alone", () => {
    expect(reasons(0, 0)).toEqual([]);
    expect(reasons(0, 1)).toEqual([]);
    expect(reasons(3, 0)).toEqual([]);
    expect(reasons(1, 1)).toEqual([]);
  });

  it("flags shared demand that nobody or a single organization supplies", () => {
    expect(reasons(0, 2)).toEqual(["noSupplier"]);
    expect(reasons(0, 9)).toEqual(["noSupplier"]);
    expect(reasons(1, 2)).toEqual(["singleSupplier"]);
    expect(reasons(1, 6)).toEqual(["singleSupplier"]);
  });

  it("flags demand of more than twice the suppliers, and only then", () => {
    expect(reasons(2, 4)).toEqual([]);
    expect(reasons(2, 5)).toEqual(["demandOutstripsSupply"]);
    expect(reasons(3, 6)).toEqual([]);
    expect(reasons(3, 7)).toEqual(["demandOutstripsSupply"]);
    expect(reasons(5, 2)).toEqual([]);
  });

  it("flags three or more open problems whatever the supply", () => {
    expect(reasons(4, 1, 2)).toEqual([]);
    expect(reasons(4, 1, 3)).toEqual(["openProblems"]);
    expect(reasons(0, 0, 3)).toEqual(["openProblems"]);
  });

  it("gives every reason that applies, supply first", () => {
    expect(reasons(0, 3, 4)).toEqual(["noSupplier", "openProblems"]);
    expect(reasons(2, 7, 3)).toEqual(["demandOutstripsSupply", "openProblems"]);
  });
});
