import { flowNode, type WorkflowFlowEdge, type WorkflowFlowNode, type WorkflowNodeData } from './flow-types.ts';
import { edgeId, nextNodeId, uniqueLabel } from './naming.ts';

/** Copied nodes and the wires between them (wires to nodes left behind are not copied). */
export interface ClipboardContent {
  nodes: { id: string; position: { x: number; y: number }; data: WorkflowNodeData }[];
  edges: { source: string; sourceHandle: string; target: string; targetHandle: string }[];
}

/** Copies the nodes with the given ids and the edges among them. */
export function copyNodes(nodes: readonly WorkflowFlowNode[], edges: readonly WorkflowFlowEdge[], ids: ReadonlySet<string>): ClipboardContent {
  return {
    nodes: nodes.filter((node) => ids.has(node.id)).map(({ id, position, data }) => ({ id, position: { ...position }, data: structuredClone(data) })),
    edges: edges
      .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
      .map((edge) => ({ source: edge.source, sourceHandle: edge.sourceHandle ?? 'out', target: edge.target, targetHandle: edge.targetHandle ?? 'in' })),
  };
}

/**
 * New nodes and edges for a paste: fresh type-based ids, unique labels, positions shifted by
 * `offset`; the pasted nodes come selected so they can be moved at once.
 */
export function pasteContent(
  content: ClipboardContent,
  existing: { nodes: readonly WorkflowFlowNode[]; edges: readonly WorkflowFlowEdge[] },
  offset: { x: number; y: number },
): { nodes: WorkflowFlowNode[]; edges: WorkflowFlowEdge[] } {
  const ids = new Set(existing.nodes.map((node) => node.id));
  const labels = new Set(existing.nodes.map((node) => node.data.label));
  const edgeIds = new Set(existing.edges.map((edge) => edge.id));
  const renamed = new Map<string, string>();
  const nodes = content.nodes.map((copied): WorkflowFlowNode => {
    const id = nextNodeId(copied.data.type, ids);
    const label = uniqueLabel(copied.data.label, labels);
    ids.add(id);
    labels.add(label);
    renamed.set(copied.id, id);
    const position = { x: copied.position.x + offset.x, y: copied.position.y + offset.y };
    return flowNode(id, position, { ...structuredClone(copied.data), label }, true);
  });
  const edges = content.edges.flatMap((copied): WorkflowFlowEdge[] => {
    const source = renamed.get(copied.source);
    const target = renamed.get(copied.target);
    if (source === undefined || target === undefined) return [];
    const id = edgeId(source, copied.sourceHandle, target, copied.targetHandle, edgeIds);
    edgeIds.add(id);
    return [{ id, source, sourceHandle: copied.sourceHandle, target, targetHandle: copied.targetHandle }];
  });
  return { nodes, edges };
}
