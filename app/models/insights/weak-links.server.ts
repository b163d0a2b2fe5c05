import { insightNodes } from "../../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import type { ChainSummary } from "../chains.server";
import { weakLinkReasons, type NodeCounts } from "../weak-links";
import type { WeakLinkRow } from "./types";

/** The node counts saved by the last refresh (the chain map's own counts at that moment). */
export async function loadNodeCounts(db: DbOrTx): Promise<Map<string, NodeCounts>> {
  const rows = await db.select().from(insightNodes);
  return new Map(rows.map(({ nodeId, ...counts }) => [nodeId, counts]));
}

/** The weak links of the given chains, upstream first, judged by the rules of app/models/weak-links.ts. */
export function weakLinkRows(
  chains: readonly ChainSummary[],
  counts: Map<string, NodeCounts>,
): WeakLinkRow[] {
  return chains.flatMap((chain) =>
    chain.stages.flat().flatMap((node) => {
      const nodeCounts = counts.get(node.id) ?? { suppliers: 0, needs: 0, openProblems: 0 };
      const reasons = weakLinkReasons(nodeCounts);
      if (reasons.length === 0) return [];
      return [
        {
          chainId: chain.id,
          chain: { nameZh: chain.nameZh, nameEn: chain.nameEn },
          nodeId: node.id,
          node: { nameZh: node.nameZh, nameEn: node.nameEn },
          reasons,
          ...nodeCounts,
        },
      ];
    }),
  );
}
