import type { HeatCell, Insights } from "~/models/insights/types";

type Names = { nameZh: string; nameEn: string };

export type HeatmapGrid = {
  /** One row per chain that has nodes, in the chains' order; cells upstream first. */
  rows: { chainId: string; chain: Names; cells: HeatCell[] }[];
  /** The longest chain's node count: the chart's columns. */
  columns: number;
};

/** The heatmap's cells as chain rows, shared by the chart and the table beside it. */
export function heatmapGrid(insights: Pick<Insights, "chains" | "heatmap">): HeatmapGrid {
  const byChain = new Map<string, HeatCell[]>();
  for (const cell of insights.heatmap) {
    const cells = byChain.get(cell.chainId);
    if (cells) cells.push(cell);
    else byChain.set(cell.chainId, [cell]);
  }
  const rows = insights.chains.flatMap((chain) => {
    const cells = byChain.get(chain.chainId);
    return cells
      ? [{ chainId: chain.chainId, chain: { nameZh: chain.nameZh, nameEn: chain.nameEn }, cells }]
      : [];
  });
  return { rows, columns: Math.max(0, ...rows.map((row) => row.cells.length)) };
}
