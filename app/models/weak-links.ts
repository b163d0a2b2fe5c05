/**
 * The plan's 薄弱环节: a node of a chain the region depends on but cannot rely on. The counts are
 * organizations on the platform, so they are small and sparse; the thresholds are chosen for that.
 *
 * - Demand is only a signal when at least MIN_NEEDS (2) organizations share it: one firm's wish is a
 *   matchmaking lead, not a structural gap.
 * - `noSupplier` / `singleSupplier`: that shared demand rests on nobody, or on one firm whose trouble
 *   would stop everyone downstream.
 * - `demandOutstripsSupply`: with two or more suppliers, weak once needs exceed DEMAND_RATIO (2) times
 *   the suppliers; a supplier can serve a couple of customers, not a queue.
 * - `openProblems`: MIN_OPEN_PROBLEMS (3) unsolved problems at one node say it is stuck however many
 *   firms stand there.
 */
export const MIN_NEEDS = 2;
export const DEMAND_RATIO = 2;
export const MIN_OPEN_PROBLEMS = 3;

export type NodeCounts = { suppliers: number; needs: number; openProblems: number };

export type WeakReason = "noSupplier" | "singleSupplier" | "demandOutstripsSupply" | "openProblems";

/** Why a node is a weak link, most telling first; empty when it is not one. */
export function weakLinkReasons({ suppliers, needs, openProblems }: NodeCounts): WeakReason[] {
  const reasons: WeakReason[] = [];
  if (needs >= MIN_NEEDS) {
    if (suppliers === 0) reasons.push("noSupplier");
    else if (suppliers === 1) reasons.push("singleSupplier");
    else if (needs > DEMAND_RATIO * suppliers) reasons.push("demandOutstripsSupply");
  }
  if (openProblems >= MIN_OPEN_PROBLEMS) reasons.push("openProblems");
  return reasons;
}
