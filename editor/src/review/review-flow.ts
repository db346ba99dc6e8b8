import type { Graph } from '@countersign/shared';
import type { Edge, Node } from '@xyflow/react';
import { edgeKey, type ChangeKind } from './review-model.ts';

/** What a node of a review canvas shows. */
export interface DiffNodeData extends Record<string, unknown> {
  label: string;
  /** Category from the dotted type, for the accent colour and glyph. */
  category: string;
  /** Undefined for a node the versions share unchanged. */
  kind: ChangeKind | undefined;
  selected: boolean;
}

/** A node of a review canvas. */
export type DiffFlowNode = Node<DiffNodeData, 'diff'>;

/** One side's graph as read-only React Flow nodes, highlighted by change kind, the selected one ringed. */
export function diffNodes(graph: Graph, kinds: ReadonlyMap<string, ChangeKind>, selectedId: string | null): DiffFlowNode[] {
  return graph.nodes.map((node) => ({
    id: node.id,
    type: 'diff',
    position: node.position,
    data: { label: node.label, category: node.type.split('.')[0] ?? 'unknown', kind: kinds.get(node.id), selected: node.id === selectedId },
  }));
}

/** One side's wires; those only on this side (`marked`) carry the side's class (red removed, green added). */
export function diffEdges(graph: Graph, marked: ReadonlySet<string>, className: string): Edge[] {
  return graph.edges.map((edge) => ({
    id: edge.id,
    source: edge.source,
    target: edge.target,
    type: 'smoothstep',
    label: edge.sourcePort === 'out' ? undefined : edge.sourcePort,
    className: marked.has(edgeKey(edge)) ? className : undefined,
  }));
}

/** The nodes a side opens on: the changed ones and their direct neighbours (all of them when nothing changed there). */
export function focusNodeIds(graph: Graph, changedIds: readonly string[]): string[] | undefined {
  const changed = new Set(changedIds);
  if (!graph.nodes.some((node) => changed.has(node.id))) return undefined;
  const focus = new Set(changed);
  for (const edge of graph.edges) {
    if (changed.has(edge.source)) focus.add(edge.target);
    if (changed.has(edge.target)) focus.add(edge.source);
  }
  return graph.nodes.filter((node) => focus.has(node.id)).map((node) => node.id);
}
