import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { storeHarness } from '../testing/store-harness.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('draft autosave', () => {
  it('goes unsaved -> saving -> saved once edits pause for the debounce', async () => {
    const { store, fake } = storeHarness();
    store.getState().addNode('trigger.manual', { x: 0, y: 0 });
    expect(store.getState().saveState).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(500);
    store.getState().addNode('data.set', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(700);
    expect(fake.calls.updateDraft).toHaveLength(0);
    fake.hold();
    await vi.advanceTimersByTimeAsync(200);
    expect(store.getState().saveState).toBe('saving');
    fake.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().saveState).toBe('saved');
    expect(store.getState().lastSavedAt).not.toBeNull();
    expect(fake.calls.updateDraft).toHaveLength(1);
    expect(fake.calls.updateDraft[0]?.nodes).toHaveLength(2);
  });

  it('keeps a refused draft locally with its issues, and saves again once edited', async () => {
    const { store, fake, storage } = storeHarness();
    fake.answers.push({ kind: 'invalid', issues: [{ code: 'invalid_config', path: ['nodes', 0, 'config', 'url'], message: 'Required' }] });
    const id = store.getState().addNode('connector.http', { x: 0, y: 0 }) as string;
    await vi.advanceTimersByTimeAsync(800);
    expect(store.getState().saveState).toBe('unsaved');
    expect(store.getState().issueCountByNode).toEqual({ [id]: 1 });
    expect(store.getState().issues[0]?.configPath).toEqual(['url']);
    expect(store.getState().nodes).toHaveLength(1);
    expect(storage.get('countersign.draft.wf-1')).toContain(id);
    await vi.advanceTimersByTimeAsync(5000);
    expect(fake.calls.updateDraft).toHaveLength(1);
    store.getState().updateConfig(id, { url: 'https://erp.example' });
    await vi.advanceTimersByTimeAsync(800);
    expect(store.getState().saveState).toBe('saved');
    expect(store.getState().issues).toEqual([]);
    expect(storage.has('countersign.draft.wf-1')).toBe(false);
  });

  it('shows an error when the runtime is down and retries by itself', async () => {
    const { store, fake } = storeHarness();
    fake.answers.push({ kind: 'down' });
    store.getState().addNode('trigger.manual', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(800);
    expect(store.getState().saveState).toBe('error');
    expect(store.getState().saveError).toMatch(/cannot be reached/);
    await vi.advanceTimersByTimeAsync(5000);
    expect(store.getState().saveState).toBe('saved');
  });

  it('saves again when edits arrive while a save is in flight', async () => {
    const { store, fake } = storeHarness();
    store.getState().addNode('trigger.manual', { x: 0, y: 0 });
    fake.hold();
    await vi.advanceTimersByTimeAsync(800);
    store.getState().addNode('data.set', { x: 0, y: 0 });
    fake.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().saveState).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(800);
    expect(store.getState().saveState).toBe('saved');
    expect(fake.calls.updateDraft.map((graph) => graph.nodes.length)).toEqual([1, 2]);
  });

  it('restores a local copy newer than the stored draft when the workflow opens', async () => {
    const { store, storage } = storeHarness();
    const graph = { schemaVersion: 1, nodes: [{ id: 'set-1', type: 'data.set', typeVersion: 1, label: 'Set', position: { x: 1, y: 2 }, config: {} }], edges: [], settings: {} };
    storage.set('countersign.draft.wf-1', JSON.stringify({ graph, writtenAt: Date.parse('2031-01-01') }));
    await store.getState().load();
    expect(store.getState().nodes.map((node) => node.id)).toEqual(['set-1']);
    expect(store.getState().saveState).toBe('unsaved');
    expect(store.getState().toasts[0]?.message).toMatch(/Restored/);
  });
});
