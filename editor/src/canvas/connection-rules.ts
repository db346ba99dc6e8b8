import type { NodeTypeInfo } from '@countersign/shared';
import type { WorkflowFlowEdge, WorkflowFlowNode } from '../store/flow-types.ts';
import { connectablePorts, inputPorts, typeKey } from './ports.ts';

/** A proposed wire, as React Flow reports it. */
export interface ProposedConnection {
  source: string | null;
  target: string | null;
  sourceHandle?: string | null;
  targetHandle?: string | null;
}

/** What a connection is checked against. */
export interface ConnectionContext {
  nodes: readonly WorkflowFlowNode[];
  edges: readonly WorkflowFlowEdge[];
  nodeTypes: Readonly<Record<string, NodeTypeInfo>>;
}

/** Why a connection is refused, or null when it is allowed. */
export type ConnectionProblem = 'missing-end' | 'self-loop' | 'not-an-output' | 'not-an-input' | 'duplicate' | 'cycle' | null;

function reaches(edges: readonly WorkflowFlowEdge[], from: string, to: string): boolean {
  const next = new Map<string, string[]>();
  for (const edge of edges) next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target]);
  const seen = new Set([from]);
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (id === to) return true;
    for (const target of next.get(id) ?? []) {
      if (seen.has(target)) continue;
      seen.add(target);
      stack.push(target);
    }
  }
  return false;
}

/**
 * Checks a wire: from an output port to an input port of another node (triggers have none), not
 * twice, and not closing a loop (workflows are acyclic).
 */
export function connectionProblem(connection: ProposedConnection, context: ConnectionContext): ConnectionProblem {
  const { source, target } = connection;
  if (!source || !target) return 'missing-end';
  if (source === target) return 'self-loop';
  const sourceNode = context.nodes.find((node) => node.id === source);
  const targetNode = context.nodes.find((node) => node.id === target);
  if (!sourceNode || !targetNode) return 'missing-end';
  const sourcePort = connection.sourceHandle ?? 'out';
  const targetPort = connection.targetHandle ?? 'in';
  const sourceInfo = context.nodeTypes[typeKey(sourceNode.data.type, sourceNode.data.typeVersion)];
  const targetInfo = context.nodeTypes[typeKey(targetNode.data.type, targetNode.data.typeVersion)];
  if (!connectablePorts(sourceInfo, sourceNode.data.config).includes(sourcePort)) return 'not-an-output';
  if (!inputPorts(targetInfo).includes(targetPort)) return 'not-an-input';
  const duplicate = context.edges.some(
    (edge) => edge.source === source && (edge.sourceHandle ?? 'out') === sourcePort && edge.target === target && (edge.targetHandle ?? 'in') === targetPort,
  );
  if (duplicate) return 'duplicate';
  if (reaches(context.edges, target, source)) return 'cycle';
  return null;
}

/** Whether a wire may be drawn (see {@link connectionProblem}). */
export function isValidConnection(connection: ProposedConnection, context: ConnectionContext): boolean {
  return connectionProblem(connection, context) === null;
}
