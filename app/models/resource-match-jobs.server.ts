import type { JobInput } from "./jobs.server";

/**
 * The jobs that announce high matches (resource-match-announce.server.ts), enqueued by whatever saves a
 * problem or a resource, in its transaction. Kept apart so those modules need not import the matcher.
 */
export const MATCH_PROBLEM_KIND = "matching.problem";
export const MATCH_RESOURCE_KIND = "matching.resource";

/** One job per save (the key carries the moment), so an edit after the last run is matched again. */
export function problemMatchJob(problemId: string, savedAt: Date): JobInput {
  return { kind: MATCH_PROBLEM_KIND, key: `${problemId}:${savedAt.getTime()}`, payload: { problemId } };
}

export function resourceMatchJob(resourceId: string, savedAt: Date): JobInput {
  return { kind: MATCH_RESOURCE_KIND, key: `${resourceId}:${savedAt.getTime()}`, payload: { resourceId } };
}

/** The id a match job was given; empty when the payload is malformed (the announcer then finds nothing). */
export function payloadId(payload: unknown, field: "problemId" | "resourceId"): string {
  const value = (payload as Record<string, unknown> | null)?.[field];
  return typeof value === "string" ? value : "";
}
