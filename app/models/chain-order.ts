/**
 * Orders a chain's nodes from upstream to downstream as stages: a node's stage is the length of the
 * longest supply path leading into it, so "reducer, controller, servo → robot body" becomes two stages.
 * Within a stage, and for a chain without edges, the nodes' own `position` decides.
 */
export function stagesUpstreamToDownstream<N extends { id: string; position: number }>(
  nodes: readonly N[],
  edges: readonly { fromNodeId: string; toNodeId: string }[],
): N[][] {
  const sorted = [...nodes].sort((a, b) => a.position - b.position);
  const ids = new Set(sorted.map((node) => node.id));
  const inside = edges.filter((edge) => ids.has(edge.fromNodeId) && ids.has(edge.toNodeId));
  if (inside.length === 0) return sorted.map((node) => [node]);

  const incoming = new Map(sorted.map((node) => [node.id, 0]));
  const downstream = new Map<string, string[]>();
  for (const { fromNodeId, toNodeId } of inside) {
    incoming.set(toNodeId, incoming.get(toNodeId)! + 1);
    downstream.set(fromNodeId, [...(downstream.get(fromNodeId) ?? []), toNodeId]);
  }
  const stage = new Map<string, number>();
  const ready = sorted.filter((node) => incoming.get(node.id) === 0).map((node) => node.id);
  for (const id of ready) stage.set(id, 0);
  while (ready.length > 0) {
    const id = ready.shift()!;
    for (const next of downstream.get(id) ?? []) {
      stage.set(next, Math.max(stage.get(next) ?? 0, stage.get(id)! + 1));
      incoming.set(next, incoming.get(next)! - 1);
      if (incoming.get(next) === 0) ready.push(next);
    }
  }
  const stages: N[][] = [];
  for (const node of sorted) if (incoming.get(node.id) === 0) (stages[stage.get(node.id)!] ??= []).push(node);
  // Nodes on a cycle (bad data) never come free: show them last rather than drop them.
  const stuck = sorted.filter((node) => incoming.get(node.id) !== 0);
  if (stuck.length > 0) stages.push(stuck);
  return stages;
}
