/**
 * Where each node of a chain goes on the map: one column per stage (upstream on the left), nodes stacked
 * in their column and centred against the tallest one, labels wrapped to fit the box. Pure, so the server
 * draws the same picture every time and tests can check it.
 */
export type LayoutNode = {
  id: string;
  slug: string;
  lines: string[];
  x: number;
  y: number;
  width: number;
  height: number;
};
export type LayoutEdge = { from: string; to: string; path: string };
export type ChainLayout = { width: number; height: number; nodes: LayoutNode[]; edges: LayoutEdge[] };

const NODE_WIDTH = 168;
const COLUMN_GAP = 56;
const ROW_GAP = 16;
const LINE_HEIGHT = 17;
const PADDING_Y = 12;
const MARGIN = 8;

export function layoutChain(
  stages: readonly (readonly { id: string; slug: string; label: string }[])[],
  edges: readonly { fromNodeId: string; toNodeId: string }[],
): ChainLayout {
  const columns = stages.map((stage) =>
    stage.map((node) => {
      const lines = wrapLabel(node.label);
      return { id: node.id, slug: node.slug, lines, height: lines.length * LINE_HEIGHT + 2 * PADDING_Y };
    }),
  );
  const columnHeight = (column: { height: number }[]) =>
    column.reduce((sum, node) => sum + node.height, 0) + ROW_GAP * Math.max(0, column.length - 1);
  const height = Math.max(0, ...columns.map(columnHeight)) + 2 * MARGIN;
  const nodes: LayoutNode[] = columns.flatMap((column, index) => {
    let y = MARGIN + (height - 2 * MARGIN - columnHeight(column)) / 2;
    const x = MARGIN + index * (NODE_WIDTH + COLUMN_GAP);
    return column.map((node) => {
      const placed = { ...node, x, y, width: NODE_WIDTH };
      y += node.height + ROW_GAP;
      return placed;
    });
  });
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const links = edges.flatMap(({ fromNodeId, toNodeId }) => {
    const from = byId.get(fromNodeId);
    const to = byId.get(toNodeId);
    if (!from || !to) return [];
    const [x1, y1] = [from.x + from.width, from.y + from.height / 2];
    const [x2, y2] = [to.x, to.y + to.height / 2];
    const bend = (x2 - x1) / 2;
    return [
      {
        from: from.id,
        to: to.id,
        path: `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2 - 6},${y2}`,
      },
    ];
  });
  const width = 2 * MARGIN + columns.length * NODE_WIDTH + Math.max(0, columns.length - 1) * COLUMN_GAP;
  return { width, height, nodes, edges: links };
}

/** Up to three lines: Chinese breaks anywhere (about 9 characters a line), other text between words. */
export function wrapLabel(label: string, maxLines = 3): string[] {
  const cjk = /[\u3400-\u9fff]/.test(label);
  const limit = cjk ? 9 : 20;
  const words = cjk ? Array.from(label) : label.split(/\s+/);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const next = line ? (cjk ? line + word : `${line} ${word}`) : word;
    if (Array.from(next).length > limit && line) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1].replace(/.$/u, "")}…`;
  return kept;
}
