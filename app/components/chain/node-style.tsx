import type { Translate } from "~/i18n/translate";
import type { ChainMapNode } from "~/models/chains.server";

/**
 * How a node box looks, shared by the map and its legend. A weak link differs by more than colour: a
 * dashed border, a hatched fill and a written marker, so it reads in greyscale and to screen readers.
 * Colours are presentation attributes (Tailwind's teal, amber and slate), so the map stays legible
 * where the stylesheet does not load, e.g. a saved page or a feed reader.
 */
export const colours = {
  edge: "#94a3b8",
  label: "#0f172a",
  counts: "#475569",
  weakText: "#78350f",
};

export function boxStyle(weak: boolean, hatchId: string) {
  return weak
    ? { fill: `url(#${hatchId})`, stroke: "#b45309", strokeWidth: 2, strokeDasharray: "6 3" }
    : { fill: "#f0fdfa", stroke: "#5eead4", strokeWidth: 1.5 };
}

export function HatchPattern({ id }: { id: string }) {
  return (
    <pattern id={id} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="8" height="8" fill="#fffbeb" />
      <line x1="0" y1="0" x2="0" y2="8" strokeWidth="3" stroke="#fde68a" />
    </pattern>
  );
}

export function countsText(t: Translate, node: Pick<ChainMapNode, "suppliers" | "needs">): string {
  return t("chain.counts.short", { suppliers: node.suppliers, needs: node.needs });
}

/** Why a node is weak, one sentence per reason. */
export function weakReasonTexts(t: Translate, node: ChainMapNode): string[] {
  const params = { suppliers: node.suppliers, needs: node.needs, openProblems: node.openProblems };
  return node.weak.map((reason) => t(`chain.weak.reason.${reason}`, params));
}
