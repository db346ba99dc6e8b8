import type { Graph } from './graph.schema.ts';

/** Successor lists by node id (edges to unknown nodes are ignored). */
export function successors(graph: Graph): Map<string, string[]> {
  const out = new Map<string, string[]>(graph.nodes.map((node) => [node.id, []]));
  for (const edge of graph.edges) {
    if (out.has(edge.target)) out.get(edge.source)?.push(edge.target);
  }
  return out;
}

/** Ids of the nodes that sit on a cycle (Kahn's algorithm: what cannot be ordered). */
export function findCycleNodes(graph: Graph): string[] {
  const next = successors(graph);
  const indegree = new Map<string, number>(graph.nodes.map((node) => [node.id, 0]));
  for (const targets of next.values()) for (const target of targets) indegree.set(target, (indegree.get(target) ?? 0) + 1);
  const queue = [...indegree].filter(([, degree]) => degree === 0).map(([id]) => id);
  while (queue.length > 0) {
    const id = queue.pop() as string;
    for (const target of next.get(id) ?? []) {
      const degree = (indegree.get(target) ?? 0) - 1;
      indegree.set(target, degree);
      if (degree === 0) queue.push(target);
    }
  }
  return [...indegree].filter(([, degree]) => degree > 0).map(([id]) => id);
}

/** The ids reachable from `starts` along edges (the starts included). */
export function reachableFrom(graph: Graph, starts: readonly string[]): Set<string> {
  const next = successors(graph);
  const seen = new Set<string>(starts);
  const stack = [...starts];
  while (stack.length > 0) {
    for (const target of next.get(stack.pop() as string) ?? []) {
      if (!seen.has(target)) {
        seen.add(target);
        stack.push(target);
      }
    }
  }
  return seen;
}
