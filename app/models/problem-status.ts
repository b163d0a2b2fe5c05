import type { ProblemStatus } from "~/validation/problem";
import type { StatusChange } from "~/validation/problem-work";

/**
 * The problem lifecycle, as data: which status each change leads to and from where. "accept" is not a
 * button of its own: accepting an application takes an open problem into progress
 * (problem-applications.server.ts). Everything not listed is refused with 409.
 */
export type Transition = StatusChange | "accept";

export const transitions: Record<Transition, { from: readonly ProblemStatus[]; to: ProblemStatus }> = {
  accept: { from: ["open"], to: "in_progress" },
  solve: { from: ["in_progress"], to: "solved" },
  close: { from: ["open", "in_progress"], to: "closed" },
  reopen: { from: ["closed", "solved"], to: "open" },
};

/** Where `change` takes a problem that is `from` now, or null when it may not. */
export function nextStatus(from: ProblemStatus, change: Transition): ProblemStatus | null {
  const rule = transitions[change];
  return rule.from.includes(from) ? rule.to : null;
}

/** The changes the status buttons offer for a problem in `status`. */
export function availableChanges(status: ProblemStatus): StatusChange[] {
  return (["solve", "close", "reopen"] as const).filter((change) => nextStatus(status, change) !== null);
}
