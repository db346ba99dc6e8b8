import type { WorkflowFlowEdge, WorkflowFlowNode } from './flow-types.ts';
import type { GetEditorState, SetEditorState } from './editor-state.ts';

/** Which nodes and edges are selected. React Flow draws `selected` on each node; this slice keeps the ids. */
export interface SelectionSlice {
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  /** Selects one node (or nothing) and centres the side panel on it. */
  selectNode(nodeId: string | null): void;
  clearSelection(): void;
}

/** Nodes with `selected` set exactly for `ids`; unchanged nodes keep their identity (no re-render). */
export function withSelectedNodes(nodes: readonly WorkflowFlowNode[], ids: ReadonlySet<string>): WorkflowFlowNode[] {
  return nodes.map((node) => (Boolean(node.selected) === ids.has(node.id) ? node : { ...node, selected: ids.has(node.id) }));
}

/** Edges with `selected` set exactly for `ids`. */
export function withSelectedEdges(edges: readonly WorkflowFlowEdge[], ids: ReadonlySet<string>): WorkflowFlowEdge[] {
  return edges.map((edge) => (Boolean(edge.selected) === ids.has(edge.id) ? edge : { ...edge, selected: ids.has(edge.id) }));
}

/** The node the side panel shows: the single selected node, else null. */
export function primarySelectedNodeId(state: Pick<SelectionSlice, 'selectedNodeIds'>): string | null {
  return state.selectedNodeIds.length === 1 ? (state.selectedNodeIds[0] ?? null) : null;
}

/** Creates the selection slice. */
export function createSelectionSlice(set: SetEditorState, get: GetEditorState): SelectionSlice {
  const select = (nodeIds: string[], edgeIds: string[]): void => {
    const { nodes, edges } = get();
    set({
      nodes: withSelectedNodes(nodes, new Set(nodeIds)),
      edges: withSelectedEdges(edges, new Set(edgeIds)),
      selectedNodeIds: nodeIds,
      selectedEdgeIds: edgeIds,
    });
  };
  return {
    selectedNodeIds: [],
    selectedEdgeIds: [],
    selectNode: (nodeId) => select(nodeId === null ? [] : [nodeId], []),
    clearSelection: () => select([], []),
  };
}
