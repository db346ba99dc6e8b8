import type { WorkflowFlowEdge } from './flow-types.ts';

/** Ids of the nodes from which `nodeId` can be reached along edges (itself excluded). */
export function upstreamOf(nodeId: string, edges: readonly WorkflowFlowEdge[]): Set<string> {
  const previous = new Map<string, string[]>();
  for (const edge of edges) previous.set(edge.target, [...(previous.get(edge.target) ?? []), edge.source]);
  const seen = new Set<string>();
  const stack = [nodeId];
  while (stack.length > 0) {
    for (const source of previous.get(stack.pop() as string) ?? []) {
      if (source !== nodeId && !seen.has(source)) {
        seen.add(source);
        stack.push(source);
      }
    }
  }
  return seen;
}
