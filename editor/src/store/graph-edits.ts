import type { Connection } from '@xyflow/react';
import { layoutLeftToRight } from '../canvas/auto-layout.ts';
import { connectionProblem } from '../canvas/connection-rules.ts';
import { copyNodes, pasteContent } from './clipboard.ts';
import { defaultConfig } from './default-config.ts';
import type { EditorState, GetEditorState, SetEditorState } from './editor-state.ts';
import { flowNode, type WorkflowNodeData } from './flow-types.ts';
import { record, redo as redoHistory, undo as undoHistory, type Snapshot } from './history.ts';
import { edgeId, nextNodeId, uniqueLabel } from './naming.ts';
import { withSelectedEdges, withSelectedNodes } from './selection-slice.ts';

/** Edits of the graph; each is one undo step (typing in one field within a second merges). */
export interface GraphEdits {
  /** Adds a node of the newest version of `type`; returns its id (null if the type is unknown or read-only). */
  addNode(type: string, position: { x: number; y: number }): string | null;
  /** Draws a wire if the rules allow it (see connection-rules.ts). */
  connect(connection: Connection): boolean;
  updateConfig(nodeId: string, config: Record<string, unknown>): void;
  /** Renames a node; returns why not (empty or taken), or null when done. */
  renameNode(nodeId: string, label: string): string | null;
  deleteSelection(): void;
  /** Copies the selected nodes; returns how many. */
  copySelection(): number;
  /** Pastes the clipboard with new ids, shifted; returns how many nodes. */
  paste(): number;
  undo(): void;
  redo(): void;
  /** Lays the graph out left to right (dagre). */
  autoLayout(): void;
}

const PASTE_OFFSET = 40;

/** Creates the graph edit actions. */
export function createGraphEdits(set: SetEditorState, get: GetEditorState, now: () => number): GraphEdits {
  let pasteCount = 0;

  /** Records the state before an edit, applies it, and schedules the autosave. */
  const edit = (key: string | null, produce: (state: EditorState) => Partial<EditorState> | null): boolean => {
    const state = get();
    if (state.readOnly) return false;
    const patch = produce(state);
    if (patch === null) return false;
    const before: Snapshot = { nodes: state.nodes, edges: state.edges, settings: state.settings };
    set({ ...patch, history: record(state.history, before, now(), key) });
    get().markChanged();
    return true;
  };

  const updateData = (nodeId: string, key: string, update: (data: WorkflowNodeData) => WorkflowNodeData): void => {
    edit(key, (state) => {
      if (!state.nodes.some((node) => node.id === nodeId)) return null;
      return { nodes: state.nodes.map((node) => (node.id === nodeId ? { ...node, data: update(node.data) } : node)) };
    });
  };

  const restore = (step: (state: EditorState) => { snapshot: Snapshot; history: EditorState['history'] } | null): void => {
    const state = get();
    if (state.readOnly) return;
    const result = step(state);
    if (!result) return;
    const { nodes, edges, settings } = result.snapshot;
    const present = new Set(nodes.map((node) => node.id));
    const selectedNodeIds = state.selectedNodeIds.filter((id) => present.has(id));
    set({ nodes: withSelectedNodes(nodes, new Set(selectedNodeIds)), edges: withSelectedEdges(edges, new Set()), settings, history: result.history, selectedNodeIds, selectedEdgeIds: [] });
    get().markChanged();
  };

  return {
    addNode: (type, position) => {
      const versions = get().nodeTypeList.filter((info) => info.type === type);
      const info = versions.reduce<(typeof versions)[number] | undefined>((best, candidate) => (!best || candidate.version > best.version ? candidate : best), undefined);
      if (!info) return null;
      const id = nextNodeId(type, new Set(get().nodes.map((node) => node.id)));
      const added = edit(null, (state) => {
        const label = uniqueLabel(info.title, new Set(state.nodes.map((node) => node.data.label)));
        const node = flowNode(id, position, { type: info.type, typeVersion: info.version, label, config: defaultConfig(info.configSchema) }, true);
        return { nodes: [...withSelectedNodes(state.nodes, new Set()), node], edges: withSelectedEdges(state.edges, new Set()), selectedNodeIds: [id], selectedEdgeIds: [] };
      });
      return added ? id : null;
    },

    connect: (connection) =>
      edit(null, (state) => {
        if (connectionProblem(connection, state) !== null) return null;
        const sourcePort = connection.sourceHandle ?? 'out';
        const targetPort = connection.targetHandle ?? 'in';
        const id = edgeId(connection.source, sourcePort, connection.target, targetPort, new Set(state.edges.map((edge) => edge.id)));
        return { edges: [...state.edges, { id, source: connection.source, sourceHandle: sourcePort, target: connection.target, targetHandle: targetPort }] };
      }),

    updateConfig: (nodeId, config) => updateData(nodeId, `config:${nodeId}`, (data) => ({ ...data, config })),

    renameNode: (nodeId, label) => {
      const trimmed = label.trim();
      if (trimmed === '') return 'A label is required';
      const taken = get().nodes.some((node) => node.id !== nodeId && node.data.label === trimmed);
      if (taken) return `Another node is labelled "${trimmed}"`;
      updateData(nodeId, `label:${nodeId}`, (data) => ({ ...data, label: trimmed }));
      return null;
    },

    deleteSelection: () => {
      edit(null, (state) => {
        const nodeIds = new Set(state.selectedNodeIds);
        const edgeIds = new Set(state.selectedEdgeIds);
        if (nodeIds.size === 0 && edgeIds.size === 0) return null;
        return {
          nodes: state.nodes.filter((node) => !nodeIds.has(node.id)),
          edges: state.edges.filter((edge) => !edgeIds.has(edge.id) && !nodeIds.has(edge.source) && !nodeIds.has(edge.target)),
          selectedNodeIds: [],
          selectedEdgeIds: [],
        };
      });
    },

    copySelection: () => {
      const { nodes, edges, selectedNodeIds } = get();
      if (selectedNodeIds.length === 0) return 0;
      pasteCount = 0;
      set({ clipboard: copyNodes(nodes, edges, new Set(selectedNodeIds)) });
      return selectedNodeIds.length;
    },

    paste: () => {
      const clipboard = get().clipboard;
      if (!clipboard || clipboard.nodes.length === 0) return 0;
      const offset = PASTE_OFFSET * (pasteCount + 1);
      const pasted = edit(null, (state) => {
        const { nodes, edges } = pasteContent(clipboard, state, { x: offset, y: offset });
        return {
          nodes: [...withSelectedNodes(state.nodes, new Set()), ...nodes],
          edges: [...withSelectedEdges(state.edges, new Set()), ...edges],
          selectedNodeIds: nodes.map((node) => node.id),
          selectedEdgeIds: [],
        };
      });
      if (!pasted) return 0;
      pasteCount += 1;
      return clipboard.nodes.length;
    },

    undo: () => restore((state) => undoHistory(state.history, { nodes: state.nodes, edges: state.edges, settings: state.settings })),
    redo: () => restore((state) => redoHistory(state.history, { nodes: state.nodes, edges: state.edges, settings: state.settings })),

    autoLayout: () => {
      edit(null, (state) => {
        if (state.nodes.length === 0) return null;
        const positions = layoutLeftToRight(state.nodes, state.edges);
        return { nodes: state.nodes.map((node) => ({ ...node, position: positions.get(node.id) ?? node.position })) };
      });
    },
  };
}
