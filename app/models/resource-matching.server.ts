import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { organizations, problemNodes, problems, resourceNodes, resources } from "../../db/schema/index";
import { qualified, type DbOrTx } from "~/utils/db.server";
import type { Viewer } from "~/utils/permissions.server";
import type { ProblemStatus } from "~/validation/problem";
import { listable } from "./problem-board.server";
import { listableResource } from "./resource-list.server";
import {
  anyWordQuery,
  matchWords,
  overlap,
  bestWeights,
  type MatchWord,
} from "./resource-match-words.server";
import { nearbyNodes, uuids, type Nearby, type NodeName } from "./resource-match-nodes.server";
import { problemProbe, resourceProbe, type MatchProbe } from "./resource-match-probes.server";

/**
 * "Results and services that may help" a problem and "problems this may solve" for a resource. A match
 * is scored by the words the two share (where the other has them: title above tags above body) plus
 * chain proximity: the same node counts most, then a direct supplier of the problem's node — the
 * plan's "demand pull, technology push" runs along the chain's edges. Only what the viewer may list.
 *
 * Candidates come from three bounded, indexed queries sent together — the best `CANDIDATES` by ts_rank
 * among text matches, among resources on the same node, and among those on a neighbouring node — so the
 * cost does not grow with the catalogue; the final score is computed here for those few, from the
 * lexemes they share with the probe.
 */

export type { MatchProbe, NodeName };

export const MATCHES_SHOWN = 5;
/** Per candidate group; the final ranking reorders at most three times this many rows. */
const CANDIDATES = 30;
/** Rows ranked per candidate group: bounds the work however common the words or busy the node. */
const SCANNED = 200;
/**
 * Text matches scanned: fewer than on nodes, because finding them means testing each row's vector on the
 * way down the creation-time index (about 25 ms for 200 at 100,000 problems, where node links are read
 * from their own index in 4).
 */
const SCANNED_TEXT = 100;
export const SAME_NODE_BONUS = 0.5;
export const NEIGHBOUR_BONUS = 0.25;
/** Below this a match is noise: one body word in common and nothing else. */
const MIN_SHOWN = 0.2;
/**
 * Announced to both sides (once): a node in common or next to it and real overlap, or a strong overlap
 * alone — e.g. same node + two shared title words, or five shared body words anywhere.
 */
export const HIGH_MATCH = 0.85;

/** Why two match, as shown beside the match and stored with an announced one. */
export type MatchReasons = {
  node?: NodeName;
  /** Problem → resource: the resource sits on a node that supplies the problem's. */
  upstream?: NodeName;
  /** Resource → problem: the problem sits on a node the resource's node supplies. */
  downstream?: NodeName;
  shared: string[];
};

export type ResourceMatch = {
  id: string;
  title: string;
  kind: (typeof resources.$inferSelect)["kind"];
  terms: (typeof resources.$inferSelect)["terms"];
  orgNameZh: string;
  orgNameEn: string;
  /** Past its expiry date and not yet confirmed: may be out of date. */
  expired: boolean;
  score: number;
  reasons: MatchReasons;
};

export type ProblemMatch = {
  id: string;
  title: string;
  status: ProblemStatus;
  score: number;
  reasons: MatchReasons;
};

type Target = {
  table: PgTable;
  id: AnyPgColumn;
  search: AnyPgColumn;
  createdAt: AnyPgColumn;
  links: { table: PgTable; owner: AnyPgColumn; node: AnyPgColumn; createdAt: AnyPgColumn };
  where: SQL | undefined;
};

/**
 * The ids worth scoring: the best by ts_rank among text matches, and among rows on each group of nodes —
 * each group ranked among its newest rows (`SCANNED_TEXT`, `SCANNED`). Ranking reads every row's search vector, so a
 * common word in a large catalogue would otherwise cost a read of most of it; choosing the newest by
 * the heap alone is cheap, and a newer listing is the likelier to be current. The groups are separate
 * statements sent together, so PostgreSQL can work on them side by side on a pool's connections.
 */
async function candidates(db: DbOrTx, target: Target, query: SQL | null, nearby: Nearby): Promise<string[]> {
  const id = qualified(target.id);
  const best = (condition: SQL, scanned: number) =>
    sql`select scanned.id from (select ${id} id, ${qualified(target.search)} search,
        ${qualified(target.createdAt)} created_at from ${target.table}
        where ${and(condition, target.where)} order by ${qualified(target.createdAt)} desc limit ${scanned}) scanned
      order by ${query ? sql`ts_rank(scanned.search, ${query})` : sql`0`} desc, scanned.created_at desc
      limit ${CANDIDATES}`;
  // The newest links on the nodes come from the (node, created_at) index alone; only those rows are read.
  const onNodes = (nodes: Map<string, NodeName>) =>
    best(
      sql`${id} in (select ${target.links.owner} from ${target.links.table}
      where ${target.links.node} = any(${uuids([...nodes.keys()])})
      order by ${target.links.createdAt} desc limit ${SCANNED})`,
      SCANNED,
    );
  const groups: SQL[] = [];
  if (query) groups.push(best(sql`${qualified(target.search)} @@ ${query}`, SCANNED_TEXT));
  if (nearby.same.size > 0) groups.push(onNodes(nearby.same));
  if (nearby.near.size > 0) groups.push(onNodes(nearby.near));
  const found = await Promise.all(groups.map((group) => db.execute<{ id: string }>(group)));
  return [...new Set(found.flat().map((row) => row.id))];
}

/**
 * The row's lexemes among those the probe's words could match (each word, its pieces and its bigrams),
 * as `[lexeme, weights]` pairs: a whole vector would be read and sent for every candidate otherwise.
 */
function lexemesOf(search: AnyPgColumn, words: readonly MatchWord[]) {
  const wanted = [
    ...new Set(words.flatMap((word) => [word.word, ...(word.phrase ?? []), ...(word.bigrams ?? [])])),
  ];
  if (wanted.length === 0) return sql<[string, string[]][]>`'[]'::json`;
  return sql<[string, string[]][]>`coalesce((select json_agg(json_build_array(u.lexeme, u.weights))
    from unnest(${qualified(search)}) u where u.lexeme = any(array[${sql.join(
      wanted.map((lexeme) => sql`${lexeme}`),
      sql`, `,
    )}]::text[])), '[]'::json)`;
}

/** The first of a row's nodes among `nodes`, for the reason shown. */
function firstNode(links: Target["links"], owner: SQL, nodes: Map<string, NodeName>) {
  if (nodes.size === 0) return sql<string | null>`null::uuid`;
  return sql<string | null>`(select ${links.node} from ${links.table}
    where ${links.owner} = ${owner} and ${links.node} = any(${uuids([...nodes.keys()])}) limit 1)`;
}

type Scored = { score: number; reasons: MatchReasons };

function score(
  words: readonly MatchWord[],
  row: { lexemes: [string, string[]][]; sameNode: string | null; nearNode: string | null },
  nearby: Nearby,
  direction: "upstream" | "downstream",
): Scored {
  const { shared, similarity } = overlap(words, bestWeights(row.lexemes));
  const reasons: MatchReasons = { shared };
  let bonus = 0;
  if (row.sameNode) {
    reasons.node = nearby.same.get(row.sameNode);
    bonus = SAME_NODE_BONUS;
  } else if (row.nearNode) {
    reasons[direction] = nearby.near.get(row.nearNode);
    bonus = NEIGHBOUR_BONUS;
  }
  return { score: Math.round((similarity + bonus) * 1000) / 1000, reasons };
}

function best<T extends Scored & { createdAt: Date }>(rows: T[], limit: number): Omit<T, "createdAt">[] {
  return rows
    .filter((row) => row.score >= MIN_SHOWN)
    .sort((a, b) => b.score - a.score || b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, limit)
    .map(({ createdAt: _createdAt, ...row }) => row);
}

/** Resources the viewer may list that may help with the problem described by `probe`, best first. */
export async function matchResources(
  db: DbOrTx,
  viewer: Viewer,
  probe: MatchProbe,
  limit = MATCHES_SHOWN,
): Promise<ResourceMatch[]> {
  const words = matchWords(probe);
  const nearby = await nearbyNodes(db, probe.nodeIds, "upstream");
  if (words.length === 0 && nearby.same.size === 0 && nearby.near.size === 0) return [];
  const query = words.length > 0 ? anyWordQuery(words) : null;
  const target: Target = {
    table: resources,
    id: resources.id,
    search: resources.search,
    createdAt: resources.createdAt,
    links: {
      table: resourceNodes,
      owner: resourceNodes.resourceId,
      node: resourceNodes.nodeId,
      createdAt: resourceNodes.createdAt,
    },
    where: listableResource(viewer),
  };
  const ids = await candidates(db, target, query, nearby);
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: resources.id,
      title: resources.title,
      kind: resources.kind,
      terms: resources.terms,
      orgNameZh: organizations.nameZh,
      orgNameEn: organizations.nameEn,
      expired: sql<boolean>`${resources.expiresOn} < current_date`,
      lexemes: lexemesOf(resources.search, words),
      sameNode: firstNode(target.links, qualified(resources.id), nearby.same),
      nearNode: firstNode(target.links, qualified(resources.id), nearby.near),
      createdAt: resources.createdAt,
    })
    .from(resources)
    .innerJoin(organizations, eq(organizations.id, resources.orgId))
    .where(sql`${resources.id} = any(${uuids(ids)})`);
  return best(
    rows.map(({ lexemes, sameNode, nearNode, ...row }) => ({
      ...row,
      ...score(words, { lexemes, sameNode, nearNode }, nearby, "upstream"),
    })),
    limit,
  );
}

/** Open problems the viewer may list that the resource described by `probe` may help solve, best first. */
export async function matchProblems(
  db: DbOrTx,
  viewer: Viewer,
  probe: MatchProbe,
  limit = MATCHES_SHOWN,
): Promise<ProblemMatch[]> {
  const words = matchWords(probe);
  const nearby = await nearbyNodes(db, probe.nodeIds, "downstream");
  if (words.length === 0 && nearby.same.size === 0 && nearby.near.size === 0) return [];
  const query = words.length > 0 ? anyWordQuery(words) : null;
  const target: Target = {
    table: problems,
    id: problems.id,
    search: problems.search,
    createdAt: problems.createdAt,
    links: {
      table: problemNodes,
      owner: problemNodes.problemId,
      node: problemNodes.nodeId,
      createdAt: problemNodes.createdAt,
    },
    // Solved and closed problems need nothing any more.
    where: and(listable(viewer), inArray(problems.status, ["open", "in_progress"])),
  };
  const ids = await candidates(db, target, query, nearby);
  if (ids.length === 0) return [];
  const id = qualified(problems.id);
  const rows = await db
    .select({
      id: problems.id,
      title: problems.title,
      status: problems.status,
      lexemes: lexemesOf(problems.search, words),
      sameNode: firstNode(target.links, id, nearby.same),
      nearNode: firstNode(target.links, id, nearby.near),
      createdAt: problems.createdAt,
    })
    .from(problems)
    .where(sql`${id} = any(${uuids(ids)})`)
    .orderBy(desc(problems.createdAt));
  return best(
    rows.map(({ lexemes, sameNode, nearNode, ...row }) => ({
      ...row,
      ...score(words, { lexemes, sameNode, nearNode }, nearby, "downstream"),
    })),
    limit,
  );
}

/**
 * "Results and services that may help" on a problem's page. The caller has established that the viewer
 * may see the problem (problemAccess / getProblem); the matches are limited to what the viewer may list.
 */
export async function matchesForProblem(
  db: DbOrTx,
  viewer: Viewer,
  problem: string | MatchProbe,
  limit = MATCHES_SHOWN,
): Promise<ResourceMatch[]> {
  const probe = typeof problem === "string" ? await problemProbe(db, problem) : problem;
  return probe ? matchResources(db, viewer, probe, limit) : [];
}

/** "Problems this may solve" on a resource's page; the caller has checked the resource is visible. */
export async function problemsForResource(
  db: DbOrTx,
  viewer: Viewer,
  resource: string | MatchProbe,
  limit = MATCHES_SHOWN,
): Promise<ProblemMatch[]> {
  const probe = typeof resource === "string" ? await resourceProbe(db, resource) : resource;
  return probe ? matchProblems(db, viewer, probe, limit) : [];
}
