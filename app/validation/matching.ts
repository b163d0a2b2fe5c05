import { BODY_MAX, NODES_MAX, splitTags, TAGS_MAX, TITLE_MAX } from "./problem";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The matcher reads only the opening of a body; the rest need not travel in a URL. */
export const DRAFT_BODY_MAX = 1000;

export type MatchDraft = { title: string; body: string; tags: string[]; nodeIds: string[] };

/**
 * GET /resources/matches?title=…&body=…&tags=…&node=<id>…: a problem being written. Suggestions are a hint,
 * so nothing here is an error: overlong text is cut, unknown node ids are dropped.
 */
export function parseMatchDraft(params: URLSearchParams): MatchDraft {
  return {
    title: (params.get("title") ?? "").slice(0, TITLE_MAX),
    body: (params.get("body") ?? "").slice(0, Math.min(BODY_MAX, DRAFT_BODY_MAX)),
    tags: splitTags((params.get("tags") ?? "").slice(0, 400)).slice(0, TAGS_MAX),
    nodeIds: [...new Set(params.getAll("node").filter((id) => UUID.test(id)))].slice(0, NODES_MAX),
  };
}
