/**
 * Where each node of a chain goes on the map: one column per stage (upstream on the left), nodes stacked
 * in their column and centred against the tallest one, labels wrapped to fit the box with room for
 * `footerLines` of smaller text (the counts) beneath. Pure, so the server draws the same picture every
 * time and tests can check its geometry.
 */
export type Point = { x: number; y: number };
/** A cubic Bézier piece; a straight piece has its control points on the line. */
export type Segment = { start: Point; c1: Point; c2: Point; end: Point };
export type LayoutNode = {
  id: string;
  slug: string;
  lines: string[];
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the first footer line's box starts, below the label. */
  footerY: number;
};
export type LayoutEdge = { from: string; to: string; segments: Segment[]; path: string };
export type ChainLayout = { width: number; height: number; nodes: LayoutNode[]; edges: LayoutEdge[] };
export type LayoutInput = { id: string; slug: string; label: string; footerLines?: number };

const NODE_WIDTH = 168;
const COLUMN_GAP = 56;
const ROW_GAP = 16;
export const LINE_HEIGHT = 17;
export const FOOTER_LINE_HEIGHT = 16;
const FOOTER_GAP = 4;
const PADDING_Y = 10;
const MARGIN = 8;
/** Room the arrowhead takes before the target box. */
const ARROW = 6;
/** How far a lane runs outside the columns it passes, and apart from the next lane on that side. */
const LANE_CLEARANCE = 12;
const LANE_STEP = 8;

export function layoutChain(
  stages: readonly (readonly LayoutInput[])[],
  edges: readonly { fromNodeId: string; toNodeId: string }[],
): ChainLayout {
  const columns = stages.map((stage) =>
    stage.map((node) => {
      const lines = wrapLabel(node.label);
      const footer = node.footerLines ?? 0;
      const labelHeight = lines.length * LINE_HEIGHT;
      const footerHeight = footer > 0 ? FOOTER_GAP + footer * FOOTER_LINE_HEIGHT : 0;
      return {
        id: node.id,
        slug: node.slug,
        lines,
        labelHeight,
        height: labelHeight + footerHeight + 2 * PADDING_Y,
      };
    }),
  );
  const columnHeight = (column: { height: number }[]) =>
    column.reduce((sum, node) => sum + node.height, 0) + ROW_GAP * Math.max(0, column.length - 1);
  const tallest = Math.max(0, ...columns.map(columnHeight));

  // Placed first with the tallest column at y = 0; lanes above it are negative until the shift below.
  const placed = columns.map((column, index) => {
    let y = (tallest - columnHeight(column)) / 2;
    const x = index * (NODE_WIDTH + COLUMN_GAP);
    return column.map(({ labelHeight, ...node }) => {
      const box = { ...node, x, y, width: NODE_WIDTH, footerY: y + PADDING_Y + labelHeight + FOOTER_GAP };
      y += node.height + ROW_GAP;
      return box;
    });
  });
  const columnOf = new Map(placed.flatMap((column, index) => column.map((node) => [node.id, index])));
  const byId = new Map(placed.flat().map((node) => [node.id, node]));

  const lanesUsed = { above: 0, below: 0 };
  const routed = edges.flatMap(({ fromNodeId, toNodeId }) => {
    const from = byId.get(fromNodeId);
    const to = byId.get(toNodeId);
    if (!from || !to) return [];
    const start = { x: from.x + from.width, y: from.y + from.height / 2 };
    const end = { x: to.x - ARROW, y: to.y + to.height / 2 };
    const between = placed.slice(columnOf.get(fromNodeId)! + 1, columnOf.get(toNodeId)!).flat();
    if (between.length === 0) return [{ from: from.id, to: to.id, segments: [curve(start, end)] }];
    // A link that skips a stage would run behind the boxes of the stages it skips: take a lane just
    // above or below them (whichever is nearer), entering and leaving through the gaps between columns.
    const top = Math.min(...between.map((node) => node.y));
    const bottom = Math.max(...between.map((node) => node.y + node.height));
    const above =
      Math.abs(start.y - top) + Math.abs(end.y - top) <=
      Math.abs(start.y - bottom) + Math.abs(end.y - bottom);
    const lane = above
      ? top - LANE_CLEARANCE - LANE_STEP * lanesUsed.above++
      : bottom + LANE_CLEARANCE + LANE_STEP * lanesUsed.below++;
    const laneStart = { x: start.x + COLUMN_GAP, y: lane };
    const laneEnd = { x: to.x - COLUMN_GAP, y: lane };
    return [
      {
        from: from.id,
        to: to.id,
        segments: [curve(start, laneStart), straight(laneStart, laneEnd), curve(laneEnd, end)],
      },
    ];
  });

  const ys = routed.flatMap((edge) => edge.segments.flatMap((s) => [s.start.y, s.end.y]));
  const minY = Math.min(0, ...ys);
  const maxY = Math.max(tallest, ...ys);
  const shift = (p: Point): Point => ({ x: p.x + MARGIN, y: p.y - minY + MARGIN });
  const nodes: LayoutNode[] = placed.flat().map((node) => {
    const { x, y } = shift(node);
    return { ...node, x, y, footerY: node.footerY - minY + MARGIN };
  });
  const links: LayoutEdge[] = routed.map((edge) => {
    const segments = edge.segments.map((s) => ({
      start: shift(s.start),
      c1: shift(s.c1),
      c2: shift(s.c2),
      end: shift(s.end),
    }));
    return { ...edge, segments, path: toPath(segments) };
  });
  const width = 2 * MARGIN + columns.length * NODE_WIDTH + Math.max(0, columns.length - 1) * COLUMN_GAP;
  return { width, height: maxY - minY + 2 * MARGIN, nodes, edges: links };
}

/** An S-curve leaving and arriving horizontally; its control points stay between its ends, so it does too. */
function curve(start: Point, end: Point): Segment {
  const bend = (end.x - start.x) / 2;
  return { start, c1: { x: start.x + bend, y: start.y }, c2: { x: end.x - bend, y: end.y }, end };
}

function straight(start: Point, end: Point): Segment {
  const at = (t: number) => ({ x: start.x + (end.x - start.x) * t, y: start.y + (end.y - start.y) * t });
  return { start, c1: at(1 / 3), c2: at(2 / 3), end };
}

function toPath(segments: Segment[]): string {
  const p = ({ x, y }: Point) => `${round(x)},${round(y)}`;
  return `M${p(segments[0].start)} ${segments.map((s) => `C${p(s.c1)} ${p(s.c2)} ${p(s.end)}`).join(" ")}`;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Punctuation that may not start a line in Chinese (it hangs on the line before), and that may not end one. */
const NO_LINE_START = new Set(Array.from("、，。；：！？）》」』】”’"));
const NO_LINE_END = new Set(Array.from("（《「『【“‘"));
const CJK_LIMIT = 10;
const LATIN_LIMIT = 22;

/**
 * A label in at most `maxLines` lines of about even length (no lone character left on the last line).
 * Chinese breaks between characters, never inside a Latin word like "V2X", keeps punctuation where
 * Chinese typesetting wants it, and puts a bracketed note at the end on lines of its own; other text
 * breaks between words. Lengths are estimated (a Latin letter is about half a Chinese character).
 */
export function wrapLabel(label: string, maxLines = 4): string[] {
  const cjk = /[\u3400-\u9fff]/.test(label);
  const note = cjk ? /^(.+?)(（.+）)$/u.exec(label) : null;
  const lines =
    note && width(label, cjk) > CJK_LIMIT
      ? [...balanced(note[1], cjk), ...balanced(note[2], cjk)]
      : balanced(label, cjk);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1].replace(/.$/u, "")}…`;
  return kept;
}

function width(text: string, cjk: boolean): number {
  if (!cjk) return Array.from(text).length;
  return Array.from(text).reduce((sum, char) => sum + (char.codePointAt(0)! < 0x100 ? 0.6 : 1), 0);
}

/** The fewest lines greedy wrapping needs, then the narrowest width that still fits in that many. */
function balanced(text: string, cjk: boolean): string[] {
  const limit = cjk ? CJK_LIMIT : LATIN_LIMIT;
  const tokens = cjk ? (text.match(/[A-Za-z0-9.+-]+|./gu) ?? []) : text.split(/\s+/);
  const fewest = greedy(tokens, cjk, limit);
  for (let target = Math.ceil(width(text, cjk) / fewest.length); target < limit; target++) {
    const lines = greedy(tokens, cjk, target);
    if (lines.length <= fewest.length) return lines;
  }
  return fewest;
}

function greedy(tokens: string[], cjk: boolean, limit: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const token of tokens) {
    const next = line ? (cjk ? line + token : `${line} ${token}`) : token;
    if (width(next, cjk) > limit && line && !(cjk && NO_LINE_START.has(token))) {
      const chars = Array.from(line);
      const opening = cjk && chars.length > 1 && NO_LINE_END.has(chars[chars.length - 1]);
      lines.push(opening ? chars.slice(0, -1).join("") : line);
      line = opening ? chars[chars.length - 1] + token : token;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}
