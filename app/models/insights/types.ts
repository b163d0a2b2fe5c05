import type { WeakReason } from "../weak-links";

/**
 * What the dashboard shows, shared by the figures (app/models/insights/*.server.ts), the pages, the
 * charts, the CSV exports and the printed report. Every number is computed from the data (ADR 0014);
 * `null` means "no data to compute it from" (a median of no problems), never zero.
 */

export type PeriodKind = "month" | "quarter" | "year" | "custom";

/** Days are calendar days in Asia/Shanghai, the plan's time zone, both ends included. */
export type Period = {
  kind: PeriodKind;
  /** YYYY-MM-DD */
  from: string;
  /** YYYY-MM-DD, inclusive */
  to: string;
  /** How the time series is cut: days for a month, weeks for a quarter, months for a year. */
  bucket: "day" | "week" | "month";
};

/** Whose figures: the whole platform (operators) or one alliance (its organizers, or operators filtering). */
export type InsightScope = { allianceId: string | null };

export type InsightFilters = { chainId: string | null };

type Names = { nameZh: string; nameEn: string };

export type Headline = {
  /** Active members now (distinct people), and those who joined in the period. */
  members: number;
  membersJoined: number;
  /** Organizations represented by active members now. */
  organizations: number;
  problemsPosted: number;
  problemsSolved: number;
  /** Median over problems posted in the period that got a first reply or application. */
  medianFirstResponseHours: number | null;
  /** Median over problems solved in the period, from posting to solved. */
  medianSolutionDays: number | null;
  applications: number;
  acceptances: number;
  /** Occurrences that took place in the period (not cancelled, start before now). */
  eventsHeld: number;
  registrations: number;
  attended: number;
  /** attended / confirmed registrations of held occurrences; null when there were none. */
  attendanceRate: number | null;
  resourcesShared: number;
  inquiries: number;
  /** Inquiries about a resource made for one of the asker's problems that the provider accepted. */
  matchesTakenUp: number;
  /** Problems solved in the period by an organization from outside the problem's alliance / chains. */
  crossAllianceSolutions: number;
  crossChainSolutions: number;
};

/** One bucket of the time series; `start` is the bucket's first day (YYYY-MM-DD). */
export type SeriesPoint = {
  start: string;
  problemsPosted: number;
  problemsSolved: number;
  registrations: number;
  attended: number;
  resourcesShared: number;
  inquiries: number;
};

export type ChainRow = Names & {
  chainId: string;
  slug: string;
  members: number;
  organizations: number;
  problemsPosted: number;
  problemsSolved: number;
  medianFirstResponseHours: number | null;
  medianSolutionDays: number | null;
  applications: number;
  acceptances: number;
  eventsHeld: number;
  resourcesShared: number;
  inquiries: number;
};

export type AllianceRow = Names & {
  allianceId: string;
  slug: string;
  members: number;
  organizations: number;
  problemsPosted: number;
  problemsSolved: number;
  eventsHeld: number;
  registrations: number;
  attended: number;
  resourcesShared: number;
};

/** Problems posted in the period at each node of each chain: the heatmap. */
export type HeatCell = {
  chainId: string;
  nodeId: string;
  node: Names;
  problemsPosted: number;
  problemsSolved: number;
};

export type Collaboration = {
  problemId: string;
  title: string;
  /** ISO timestamp */
  solvedAt: string;
  posterOrg: Names | null;
  solverOrg: Names | null;
  crossesAlliance: boolean;
  crossesChain: boolean;
};

export type WeakLinkRow = {
  chainId: string;
  chain: Names;
  nodeId: string;
  node: Names;
  reasons: WeakReason[];
  suppliers: number;
  needs: number;
  openProblems: number;
};

export type Insights = {
  period: Period;
  scope: InsightScope;
  filters: InsightFilters;
  /** ISO timestamp of the rollup the figures were read from; null before the first refresh. */
  refreshedAt: string | null;
  headline: Headline;
  series: SeriesPoint[];
  byChain: ChainRow[];
  /** Every alliance for the platform scope; the one alliance for an alliance scope. */
  byAlliance: AllianceRow[];
  chains: (Names & { chainId: string; slug: string })[];
  heatmap: HeatCell[];
  /** Solved in the period, newest first, at most 20. */
  collaborations: Collaboration[];
  weakLinks: WeakLinkRow[];
};
