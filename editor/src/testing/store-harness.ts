import type { Graph } from '@countersign/shared';
import { createEditorStore } from '../store/create-editor-store.ts';
import type { EditorStore } from '../store/editor-state.ts';
import { createFakeApi } from './fake-api.ts';
import { NODE_TYPES } from './node-types.fixture.ts';

/** A store over a fake API with node types loaded, a fixed clock and in-memory draft storage. */
export function storeHarness(graph?: Graph, options: { readOnly?: boolean } = {}) {
  const fake = createFakeApi(graph);
  const storage = new Map<string, string>();
  let clock = 1_000_000;
  const store: EditorStore = createEditorStore({
    api: fake.api,
    workflowId: 'wf-1',
    readOnly: options.readOnly ?? false,
    autosaveMs: 800,
    now: () => clock,
    storage: { getItem: (key) => storage.get(key) ?? null, setItem: (key, value) => void storage.set(key, value), removeItem: (key) => void storage.delete(key) },
  });
  store.getState().setNodeTypes(NODE_TYPES);
  if (graph) store.getState().loadGraph(graph);
  return {
    store,
    fake,
    storage,
    /** Moves the injected clock (history coalescing reads it). */
    tick(ms: number): void {
      clock += ms;
    },
  };
}
