import { CURRENT_SCHEMA_VERSION, type Graph, type GraphInput } from '@countersign/shared';
import { flowNode, type WorkflowFlowEdge, type WorkflowFlowNode, type WorkflowNodeData } from './flow-types.ts';

/** A graph's settings. */
export type GraphSettings = Graph['settings'];

/** The canvas form of a graph. */
export interface FlowGraph {
  nodes: WorkflowFlowNode[];
  edges: WorkflowFlowEdge[];
  settings: GraphSettings;
}

/** Graph JSON to React Flow nodes and edges (ids, ports, positions and config kept as they are). */
export function graphToFlow(graph: Graph): FlowGraph {
  const nodes = graph.nodes.map((node): WorkflowFlowNode => {
    const data: WorkflowNodeData = { type: node.type, typeVersion: node.typeVersion, label: node.label, config: node.config };
    if (node.retry !== undefined) data.retry = node.retry;
    if (node.timeoutMs !== undefined) data.timeoutMs = node.timeoutMs;
    if (node.notes !== undefined) data.notes = node.notes;
    return flowNode(node.id, { x: node.position.x, y: node.position.y }, data);
  });
  const edges = graph.edges.map(
    (edge): WorkflowFlowEdge => ({ id: edge.id, source: edge.source, sourceHandle: edge.sourcePort, target: edge.target, targetHandle: edge.targetPort }),
  );
  return { nodes, edges, settings: graph.settings };
}

/** React Flow nodes and edges back to graph JSON, in the same order (issue paths index into it). */
export function flowToGraph(nodes: readonly WorkflowFlowNode[], edges: readonly WorkflowFlowEdge[], settings: GraphSettings): GraphInput {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    nodes: nodes.map(({ id, position, data }) => ({
      id,
      type: data.type,
      typeVersion: data.typeVersion,
      label: data.label,
      position: { x: position.x, y: position.y },
      config: data.config,
      ...(data.retry === undefined ? {} : { retry: data.retry }),
      ...(data.timeoutMs === undefined ? {} : { timeoutMs: data.timeoutMs }),
      ...(data.notes === undefined ? {} : { notes: data.notes }),
    })),
    edges: edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      sourcePort: edge.sourceHandle ?? 'out',
      target: edge.target,
      targetPort: edge.targetHandle ?? 'in',
    })),
    settings,
  };
}
