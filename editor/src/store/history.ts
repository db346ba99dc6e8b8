import type { WorkflowFlowEdge, WorkflowFlowNode } from './flow-types.ts';
import type { GraphSettings } from './graph-convert.ts';

/** What undo restores: the graph, not the selection or the viewport. */
export interface Snapshot {
  nodes: WorkflowFlowNode[];
  edges: WorkflowFlowEdge[];
  settings: GraphSettings;
}

/** Undo and redo stacks; `lastKey`/`lastAt` let successive edits of one kind merge into one step. */
export interface History {
  past: Snapshot[];
  future: Snapshot[];
  lastKey: string | null;
  lastAt: number;
}

/** How many steps undo remembers. */
export const HISTORY_LIMIT = 100;
/** Edits with the same key closer together than this merge into one undo step (typing in a field). */
export const COALESCE_MS = 1000;

/** An empty history. */
export function emptyHistory(): History {
  return { past: [], future: [], lastKey: null, lastAt: 0 };
}

/**
 * The history after recording `before` (the state an edit is about to change). An edit with the
 * same `key` as the previous one within {@link COALESCE_MS} joins it: undo goes back past both.
 */
export function record(history: History, before: Snapshot, now: number, key: string | null = null): History {
  if (key !== null && key === history.lastKey && now - history.lastAt < COALESCE_MS) {
    return { ...history, future: [], lastAt: now };
  }
  const past = history.past.length >= HISTORY_LIMIT ? history.past.slice(1) : history.past.slice();
  past.push(before);
  return { past, future: [], lastKey: key, lastAt: now };
}

/** Steps back: the snapshot to restore and the new history, or null when there is nothing to undo. */
export function undo(history: History, current: Snapshot): { snapshot: Snapshot; history: History } | null {
  const snapshot = history.past.at(-1);
  if (!snapshot) return null;
  return { snapshot, history: { past: history.past.slice(0, -1), future: [...history.future, current], lastKey: null, lastAt: 0 } };
}

/** Steps forward again after an undo, or null when there is nothing to redo. */
export function redo(history: History, current: Snapshot): { snapshot: Snapshot; history: History } | null {
  const snapshot = history.future.at(-1);
  if (!snapshot) return null;
  return { snapshot, history: { past: [...history.past, current], future: history.future.slice(0, -1), lastKey: null, lastAt: 0 } };
}
