import { asc } from "drizzle-orm";
import { chainEdges, chainNodes, chains } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import { stagesUpstreamToDownstream } from "./chain-order";

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
