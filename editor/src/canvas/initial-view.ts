import type { NodeTypeInfo } from '@countersign/shared';
import type { WorkflowFlowEdge, WorkflowFlowNode } from '../store/flow-types.ts';
import { typeKey } from './ports.ts';

/** Up to this many nodes a graph opens fitted whole; above, it opens on its start, readable. */
export const FIT_ALL_UP_TO = 150;
const START_NODES = 5;

/**
 * The nodes the canvas fits when a graph opens: all of a small graph; for a large one the triggers
 * and the first few steps after them (breadth first), so it opens readable and only what is visible is
 * rendered. Zoom to fit (Shift+1) still shows everything.
 */
export function initialViewNodes(nodes: readonly WorkflowFlowNode[], edges: readonly WorkflowFlowEdge[], nodeTypes: Readonly<Record<string, NodeTypeInfo>>): { id: string }[] {
  if (nodes.length <= FIT_ALL_UP_TO) return nodes.map(({ id }) => ({ id }));
  const triggers = nodes.filter((node) => nodeTypes[typeKey(node.data.type, node.data.typeVersion)]?.category === 'trigger').map((node) => node.id);
  const next = new Map<string, string[]>();
  for (const edge of edges) next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target]);
  const queue = triggers.length > 0 ? triggers : nodes.slice(0, 1).map((node) => node.id);
  const picked = new Set<string>();
  while (queue.length > 0 && picked.size < START_NODES) {
    const id = queue.shift() as string;
    if (picked.has(id)) continue;
    picked.add(id);
    queue.push(...(next.get(id) ?? []));
  }
  return [...picked].map((id) => ({ id }));
}
