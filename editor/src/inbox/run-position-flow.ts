import type { Graph, RunDto } from '@countersign/shared';
import type { Edge, Node } from '@xyflow/react';
import { DEFAULT_SOURCE_PORT, FIRED_EDGE_CLASS, nodeRunStatus, type RunEdge, type RunView, type StepView } from '../runs/index.ts';

/** A step status, or undefined for a node the run has not reached (and will not, once it ended). */
export type PositionStatus = StepView['status'] | undefined;

/** What a node of the run-position view shows. */
export interface PositionNodeData extends Record<string, unknown> {
  label: string;
  /** Category from the dotted type (`approval.request` -> `approval`), for the accent colour and glyph. */
  category: string;
  status: PositionStatus;
  /** The approval step of the task shown. */
  current: boolean;
}

/** A node of the run-position view. */
export type PositionFlowNode = Node<PositionNodeData, 'position'>;

/** The graph's edges as the run reducer needs them (the source port is the handle). */
export function runEdges(graph: Graph): RunEdge[] {
  return graph.edges.map((edge) => ({ id: edge.id, source: edge.source, sourceHandle: edge.sourcePort }));
}

/** Each node's status from `GET /api/runs/:id` (its last attempt), used until the run's events arrive. */
export function stepStatuses(run: RunDto): Record<string, StepView['status']> {
  const statuses: Record<string, StepView['status']> = {};
  for (const step of run.steps) statuses[step.nodeId] = step.status;
  return statuses;
}

/** The status a node shows: from the folded events once any arrived, else from the run's steps. */
export function positionStatus(view: RunView, fallback: Record<string, StepView['status']>, nodeId: string): PositionStatus {
  return view.lastSeq > 0 ? nodeRunStatus(view, nodeId) : fallback[nodeId];
}

/** The graph as read-only React Flow nodes with their run status, the task's approval node marked. */
export function positionNodes(graph: Graph, statusOf: (nodeId: string) => PositionStatus, currentNodeId: string): PositionFlowNode[] {
  return graph.nodes.map((node) => ({
    id: node.id,
    type: 'position',
    position: node.position,
    data: { label: node.label, category: node.type.split('.')[0] ?? 'unknown', status: statusOf(node.id), current: node.id === currentNodeId },
  }));
}

/** The graph's edges as React Flow edges (one handle per side), the ones that fired in the run animated. */
export function positionEdges(graph: Graph, firedEdgeIds: readonly string[]): Edge[] {
  const fired = new Set(firedEdgeIds);
  return graph.edges.map((edge) => ({
    id: edge.id,
    source: edge.source,
    target: edge.target,
    type: 'smoothstep',
    // Ports other than the default are named on the wire, as on the canvas's handles.
    label: edge.sourcePort === DEFAULT_SOURCE_PORT ? undefined : edge.sourcePort,
    className: fired.has(edge.id) ? FIRED_EDGE_CLASS : undefined,
  }));
}

/**
 * The nodes the view opens on: the task's node, `before` steps upstream of it and `after` steps
 * downstream (where the run goes once it is decided), so labels stay readable in a large graph.
 */
export function focusNodeIds(graph: Graph, nodeId: string, before = 1, after = 2): string[] {
  const focus = new Set([nodeId]);
  const walk = (from: string[], steps: number, next: (id: string) => string[]): void => {
    let frontier = from;
    for (let step = 0; step < steps && frontier.length > 0; step++) {
      frontier = frontier.flatMap(next).filter((id) => !focus.has(id));
      for (const id of frontier) focus.add(id);
    }
  };
  walk([nodeId], before, (id) => graph.edges.filter((edge) => edge.target === id).map((edge) => edge.source));
  walk([nodeId], after, (id) => graph.edges.filter((edge) => edge.source === id).map((edge) => edge.target));
  return graph.nodes.filter((node) => focus.has(node.id)).map((node) => node.id);
}
