import { createStore } from 'zustand/vanilla';
import { createRunSlice } from './run-slice.ts';
import { draftBackup } from './draft-backup.ts';
import type { EditorDeps } from './editor-deps.ts';
import type { EditorState, EditorStore } from './editor-state.ts';
import { createGraphSlice } from './graph-slice.ts';
import { createLintSlice } from './lint-slice.ts';
import { createSaveSlice } from './save-slice.ts';
import { createSelectionSlice } from './selection-slice.ts';
import { createTestRunSlice } from './test-run-slice.ts';
import { createUiSlice } from './ui-slice.ts';
import { createVersionSlice } from './version-slice.ts';
import { createWorkflowSlice } from './workflow-slice.ts';

/** The browser's localStorage when there is one (not in some embedders' sandboxes). */
function defaultStorage(): EditorDeps['storage'] {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * Creates the store of one editor instance (a vanilla zustand store: one per `<WorkflowEditor>`, so
 * several editors can share a page). Slices: graph, selection, ui + save, workflow + versions, lint, test runs, run.
 */
export function createEditorStore(deps: EditorDeps): EditorStore {
  const now = deps.now ?? Date.now;
  const backup = draftBackup(deps.storage === undefined ? defaultStorage() ?? null : deps.storage, deps.workflowId);
  return createStore<EditorState>()((set, get) => ({
    ...createGraphSlice(set, get, now),
    ...createSelectionSlice(set, get),
    ...createUiSlice(set, get, deps.readOnly ?? false),
    ...createSaveSlice(set, get, deps, backup),
    ...createWorkflowSlice(set, get, deps, backup),
    ...createVersionSlice(set, get, deps),
    ...createLintSlice(set, get, deps),
    ...createTestRunSlice(set, get, deps),
    ...createRunSlice<EditorState>(set, get),
  }));
}
