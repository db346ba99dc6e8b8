import type { Edge, Node } from '@xyflow/react';
import type { RetryPolicy } from '@countersign/shared';

/** What a canvas node carries: the workflow node minus its id and position (React Flow holds those). */
export type WorkflowNodeData = {
  type: string;
  typeVersion: number;
  label: string;
  config: Record<string, unknown>;
  /** Fields of the graph format the canvas does not edit yet, kept so a round trip loses nothing. */
  retry?: RetryPolicy;
  timeoutMs?: number;
  notes?: string;
};

/** The React Flow node type key of every workflow node. */
export const WORKFLOW_NODE = 'workflow';

/** A workflow node as React Flow renders it. */
export type WorkflowFlowNode = Node<WorkflowNodeData, typeof WORKFLOW_NODE>;

/** A wire as React Flow renders it: `sourceHandle`/`targetHandle` are the graph's ports. */
export type WorkflowFlowEdge = Edge;

/**
 * Size React Flow assumes before it has measured a node: lets it skip rendering off-screen nodes of
 * a large graph from the first frame (`onlyRenderVisibleElements`).
 */
export const NODE_INITIAL_SIZE = { width: 200, height: 72 };

/** A canvas node with the fields every workflow node has. */
export function flowNode(id: string, position: { x: number; y: number }, data: WorkflowNodeData, selected = false): WorkflowFlowNode {
  return { id, type: WORKFLOW_NODE, position, data, selected, initialWidth: NODE_INITIAL_SIZE.width, initialHeight: NODE_INITIAL_SIZE.height };
}
