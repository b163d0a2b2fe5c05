import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import {
  chainEdges,
  chainNodes,
  chains,
  organizations,
  orgPositions,
  problemNodes,
  problems,
  resourceNodes,
  resources,
} from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import { stagesUpstreamToDownstream } from "./chain-order";
import { listableResource } from "./resource-list.server";
import { weakLinkReasons, type NodeCounts, type WeakReason } from "./weak-links";

export type ChainNodeSummary = { id: string; slug: string; nameZh: string; nameEn: string; position: number };

export type ChainSummary = {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  /** The chain's nodes from upstream to downstream; nodes side by side in one stage feed the next. */
  stages: ChainNodeSummary[][];
  /** Supply links between this chain's nodes, upstream → downstream. */
  edges: { fromNodeId: string; toNodeId: string }[];
};

/** Every chain with its nodes in supply order: three queries however many chains and nodes there are. */
export async function listChains(db: DbOrTx): Promise<ChainSummary[]> {
  const [chainRows, nodeRows, edgeRows] = await Promise.all([
    db
      .select({
        id: chains.id,
        slug: chains.slug,
        nameZh: chains.nameZh,
        nameEn: chains.nameEn,
        descriptionZh: chains.descriptionZh,
        descriptionEn: chains.descriptionEn,
      })
      .from(chains)
      .orderBy(asc(chains.position), asc(chains.slug)),
    db
      .select({
        id: chainNodes.id,
        chainId: chainNodes.chainId,
        slug: chainNodes.slug,
        nameZh: chainNodes.nameZh,
        nameEn: chainNodes.nameEn,
        position: chainNodes.position,
      })
      .from(chainNodes),
    db.select({ fromNodeId: chainEdges.fromNodeId, toNodeId: chainEdges.toNodeId }).from(chainEdges),
  ]);
  const nodesByChain = new Map<string, ChainNodeSummary[]>();
  for (const { chainId, ...node } of nodeRows) {
    const list = nodesByChain.get(chainId) ?? [];
    list.push(node);
    nodesByChain.set(chainId, list);
  }
  return chainRows.map((chain) => {
    const nodes = nodesByChain.get(chain.id) ?? [];
    const ids = new Set(nodes.map((node) => node.id));
    const edges = edgeRows.filter((edge) => ids.has(edge.fromNodeId) && ids.has(edge.toNodeId));
    return { ...chain, stages: stagesUpstreamToDownstream(nodes, edges), edges };
  });
}

/** One chain by slug, drawn from the same three queries as the list (seven small chains). */
export async function findChain(db: DbOrTx, slug: string): Promise<ChainSummary | null> {
  return (await listChains(db)).find((chain) => chain.slug === slug) ?? null;
}

/** Public results and service offers shared at a node (the map is for everyone, as for problems). */
export type SharedCounts = { results: number; services: number };

export type ChainMapNode = ChainNodeSummary & NodeCounts & SharedCounts & { weak: WeakReason[] };

/** A chain with, on each node, how many organizations supply and need it, and why it is a weak link. */
export type ChainMapData = Omit<ChainSummary, "stages"> & { stages: ChainMapNode[][] };

/** Every chain's map: the three chain queries and one grouped count, however many positions there are. */
export async function listChainMaps(db: DbOrTx): Promise<ChainMapData[]> {
  const [list, counts] = await Promise.all([listChains(db), positionCounts(db)]);
  return list.map((chain) => withCounts(chain, counts));
}

export async function findChainMap(db: DbOrTx, slug: string): Promise<ChainMapData | null> {
  const [chain, counts] = await Promise.all([findChain(db, slug), positionCounts(db, slug)]);
  return chain && withCounts(chain, counts);
}

export type NodeOrganization = {
  id: string;
  nameZh: string;
  nameEn: string;
  kind: (typeof organizations.$inferSelect)["kind"];
  city: string | null;
  verified: boolean;
  position: "supplies" | "needs";
};

export type ChainNodePage = {
  chain: ChainMapData;
  node: ChainMapNode;
  organizations: NodeOrganization[];
};

/** A node with its chain (for the neighbours) and the organizations standing there: five queries. */
export async function findChainNode(
  db: DbOrTx,
  chainSlug: string,
  nodeSlug: string,
): Promise<ChainNodePage | null> {
  const [chain, orgs] = await Promise.all([
    findChainMap(db, chainSlug),
    db
      .select({
        id: organizations.id,
        nameZh: organizations.nameZh,
        nameEn: organizations.nameEn,
        kind: organizations.kind,
        city: organizations.city,
        verified: organizations.verified,
        position: orgPositions.kind,
      })
      .from(orgPositions)
      .innerJoin(organizations, eq(organizations.id, orgPositions.orgId))
      .innerJoin(chainNodes, eq(chainNodes.id, orgPositions.nodeId))
      .innerJoin(chains, eq(chains.id, chainNodes.chainId))
      .where(and(eq(chains.slug, chainSlug), eq(chainNodes.slug, nodeSlug)))
      .orderBy(desc(organizations.verified), asc(organizations.nameZh)),
  ]);
  const node = chain?.stages.flat().find((candidate) => candidate.slug === nodeSlug);
  if (!chain || !node) return null;
  return { chain, node, organizations: orgs };
}

/**
 * Suppliers, needers, open problems and shared results and services per node (for one chain, when
 * `chainSlug` is given), in one query. Only public problems and resources count: the map is for everyone,
 * and an alliance-only one must not be revealed even as a number.
 */
export async function positionCounts(
  db: DbOrTx,
  chainSlug?: string,
): Promise<Map<string, NodeCounts & SharedCounts>> {
  const inChain = (nodeId: SQL) =>
    chainSlug
      ? sql`and ${nodeId} in (select ${chainNodes.id} from ${chainNodes}
          join ${chains} on ${chains.id} = ${chainNodes.chainId} where ${chains.slug} = ${chainSlug})`
      : sql``;
  const rows = await db.execute<{
    node_id: string;
    suppliers: string;
    needs: string;
    open_problems: string;
    results: string;
    services: string;
  }>(sql`
    select node_id, sum(suppliers) as suppliers, sum(needs) as needs, sum(open_problems) as open_problems,
      sum(results) as results, sum(services) as services
    from (
      select ${orgPositions.nodeId} as node_id,
        count(*) filter (where ${orgPositions.kind} = 'supplies') as suppliers,
        count(*) filter (where ${orgPositions.kind} = 'needs') as needs,
        0 as open_problems, 0 as results, 0 as services
      from ${orgPositions} where true ${inChain(sql`${orgPositions.nodeId}`)}
      group by ${orgPositions.nodeId}
      union all
      select ${problemNodes.nodeId}, 0, 0, count(*), 0, 0
      from ${problemNodes} join ${problems} on ${problems.id} = ${problemNodes.problemId}
      where ${problems.status} in ('open', 'in_progress') and ${problems.visibility} = 'public'
        and ${problems.hiddenAt} is null ${inChain(sql`${problemNodes.nodeId}`)}
      group by ${problemNodes.nodeId}
      union all
      select ${resourceNodes.nodeId}, 0, 0, 0,
        count(*) filter (where ${resources.kind} = 'result'),
        count(*) filter (where ${resources.kind} = 'service')
      from ${resourceNodes} join ${resources} on ${resources.id} = ${resourceNodes.resourceId}
      where ${resources.kind} in ('result', 'service') and ${listableResource(null)}
        ${inChain(sql`${resourceNodes.nodeId}`)}
      group by ${resourceNodes.nodeId}
    ) counted
    group by node_id`);
  return new Map(
    rows.map((row) => [
      row.node_id,
      {
        suppliers: Number(row.suppliers),
        needs: Number(row.needs),
        openProblems: Number(row.open_problems),
        results: Number(row.results),
        services: Number(row.services),
      },
    ]),
  );
}

function withCounts(chain: ChainSummary, counts: Map<string, NodeCounts & SharedCounts>): ChainMapData {
  return {
    ...chain,
    stages: chain.stages.map((stage) =>
      stage.map((node) => {
        const nodeCounts = counts.get(node.id) ?? {
          suppliers: 0,
          needs: 0,
          openProblems: 0,
          results: 0,
          services: 0,
        };
        return { ...node, ...nodeCounts, weak: weakLinkReasons(nodeCounts) };
      }),
    ),
  };
}
