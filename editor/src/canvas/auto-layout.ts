import dagre from '@dagrejs/dagre';
import type { WorkflowFlowEdge, WorkflowFlowNode } from '../store/flow-types.ts';

/** Size assumed for a node React Flow has not measured yet. */
export const DEFAULT_NODE_SIZE = { width: 200, height: 72 };

/** New top-left positions by node id: dagre's layered layout, left to right. */
export function layoutLeftToRight(nodes: readonly WorkflowFlowNode[], edges: readonly WorkflowFlowEdge[]): Map<string, { x: number; y: number }> {
  const graph = new dagre.graphlib.Graph<Record<string, unknown>, { width: number; height: number; x?: number; y?: number }>();
  graph.setGraph({ rankdir: 'LR', nodesep: 48, ranksep: 96, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  const sizes = new Map<string, { width: number; height: number }>();
  for (const node of nodes) {
    const size = { width: node.measured?.width ?? DEFAULT_NODE_SIZE.width, height: node.measured?.height ?? DEFAULT_NODE_SIZE.height };
    sizes.set(node.id, size);
    graph.setNode(node.id, { ...size });
  }
  for (const edge of edges) if (sizes.has(edge.source) && sizes.has(edge.target)) graph.setEdge(edge.source, edge.target);
  dagre.layout(graph);
  const positions = new Map<string, { x: number; y: number }>();
  for (const node of nodes) {
    const placed = graph.node(node.id);
    const size = sizes.get(node.id) ?? DEFAULT_NODE_SIZE;
    // dagre gives centres; React Flow positions are top-left corners.
    if (placed?.x !== undefined && placed.y !== undefined) positions.set(node.id, { x: Math.round(placed.x - size.width / 2), y: Math.round(placed.y - size.height / 2) });
  }
  return positions;
}
