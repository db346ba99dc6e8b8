import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import type { Graph, NodeTypeInfo } from '@countersign/shared';
import { typeKey } from '../canvas/ports.ts';
import type { ClipboardContent } from './clipboard.ts';
import type { GetEditorState, SetEditorState } from './editor-state.ts';
import type { WorkflowFlowEdge, WorkflowFlowNode } from './flow-types.ts';
import { createGraphEdits, type GraphEdits } from './graph-edits.ts';
import { graphToFlow, type GraphSettings } from './graph-convert.ts';
import { emptyHistory, record, type History } from './history.ts';
import { nextMode } from './interaction-mode.ts';

/** The graph being edited as React Flow objects, its node types, undo history and clipboard. */
export interface GraphSlice extends GraphEdits {
  nodes: WorkflowFlowNode[];
  edges: WorkflowFlowEdge[];
  settings: GraphSettings;
  /** Node types by `type@version`. */
  nodeTypes: Record<string, NodeTypeInfo>;
  nodeTypeList: NodeTypeInfo[];
  history: History;
  clipboard: ClipboardContent | null;
  setNodeTypes(list: NodeTypeInfo[]): void;
  /** Replaces the graph (opening a workflow): clears history and selection. */
  loadGraph(graph: Graph): void;
  /** React Flow's node changes: drags become one undo step each, committed when the drag stops. */
  onNodesChange(changes: NodeChange<WorkflowFlowNode>[]): void;
  onEdgesChange(changes: EdgeChange<WorkflowFlowEdge>[]): void;
  /** Ends a drag React Flow did not close with a final position change. */
  endDrag(): void;
}

const EDITING_CHANGES = new Set(['position', 'remove', 'add', 'replace']);

/** Creates the graph slice. */
export function createGraphSlice(set: SetEditorState, get: GetEditorState, now: () => number): GraphSlice {
  const snapshot = (): { nodes: WorkflowFlowNode[]; edges: WorkflowFlowEdge[]; settings: GraphSettings } => {
    const { nodes, edges, settings } = get();
    return { nodes, edges, settings };
  };

  return {
    nodes: [],
    edges: [],
    settings: {},
    nodeTypes: {},
    nodeTypeList: [],
    history: emptyHistory(),
    clipboard: null,

    setNodeTypes: (list) => set({ nodeTypeList: list, nodeTypes: Object.fromEntries(list.map((info) => [typeKey(info.type, info.version), info])) }),

    loadGraph: (graph) => {
      const { nodes, edges, settings } = graphToFlow(graph);
      set({ nodes, edges, settings, history: emptyHistory(), selectedNodeIds: [], selectedEdgeIds: [] });
    },

    onNodesChange: (raw) => {
      const state = get();
      const changes = state.readOnly ? raw.filter((change) => !EDITING_CHANGES.has(change.type)) : raw;
      if (changes.length === 0) return;
      const dragging = changes.some((change) => change.type === 'position' && change.dragging === true);
      const moved = changes.some((change) => change.type === 'position' && change.dragging !== true && change.position !== undefined);
      const removed = new Set(changes.flatMap((change) => (change.type === 'remove' ? [change.id] : [])));
      const structural = removed.size > 0 || changes.some((change) => change.type === 'add' || change.type === 'replace');
      const nodes = applyNodeChanges(changes, state.nodes);
      const patch: Partial<typeof state> = { nodes };
      let changed = false;
      if (dragging && state.mode !== 'dragging') {
        patch.history = record(state.history, snapshot(), now());
        patch.mode = nextMode(state.mode, 'dragStart');
      } else if (moved && state.mode === 'dragging') {
        patch.mode = nextMode(state.mode, 'dragEnd');
        changed = true;
      } else if (moved || structural) {
        patch.history = record(state.history, snapshot(), now(), moved && !structural ? 'nudge' : null);
        changed = true;
      }
      if (removed.size > 0) patch.edges = state.edges.filter((edge) => !removed.has(edge.source) && !removed.has(edge.target));
      if (structural || changes.some((change) => change.type === 'select')) {
        patch.selectedNodeIds = nodes.filter((node) => node.selected).map((node) => node.id);
      }
      set(patch);
      if (changed) get().markChanged();
    },

    onEdgesChange: (raw) => {
      const state = get();
      const changes = state.readOnly ? raw.filter((change) => change.type === 'select') : raw;
      if (changes.length === 0) return;
      const edges = applyEdgeChanges(changes, state.edges);
      const structural = changes.some((change) => change.type !== 'select');
      set({
        edges,
        selectedEdgeIds: edges.filter((edge) => edge.selected).map((edge) => edge.id),
        ...(structural ? { history: record(state.history, snapshot(), now()) } : {}),
      });
      if (structural) get().markChanged();
    },

    endDrag: () => {
      if (get().mode !== 'dragging') return;
      set({ mode: nextMode('dragging', 'dragEnd') });
      get().markChanged();
    },

    ...createGraphEdits(set, get, now),
  };
}
