import { describe, expect, it } from "vitest";
import { availableChanges, nextStatus, transitions, type Transition } from "~/models/problem-status";
import { problemStatuses, type ProblemStatus } from "~/validation/problem";

/** The whole table, written out: every status × every change, legal or not. */
const expected: Record<ProblemStatus, Record<Transition, ProblemStatus | null>> = {
  open: { accept: "in_progress", solve: null, close: "closed", reopen: null },
  in_progress: { accept: null, solve: "solved", close: "closed", reopen: null },
  solved: { accept: null, solve: null, close: null, reopen: "open" },
  closed: { accept: null, solve: null, close: null, reopen: "open" },
};

describe("problem status transitions", () => {
  for (const from of problemStatuses) {
    for (const change of Object.keys(transitions) as Transition[]) {
      const to = expected[from][change];
      it(`${change} from ${from} ${to ? `→ ${to}` : "is refused"}`, () => {
        expect(nextStatus(from, change)).toBe(to);
      });
    }
  }

  it("offers exactly the legal buttons for each status", () => {
    expect(availableChanges("open")).toEqual(["close"]);
    expect(availableChanges("in_progress")).toEqual(["solve", "close"]);
    expect(availableChanges("solved")).toEqual(["reopen"]);
    expect(availableChanges("closed")).toEqual(["reopen"]);
  });

  it("never leads a problem to the status it is in", () => {
    for (const from of problemStatuses)
      for (const change of Object.keys(transitions) as Transition[])
        expect(nextStatus(from, change)).not.toBe(from);
  });
});
