import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { storeHarness } from '../testing/store-harness.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('graph edits', () => {
  it('adds nodes with type-based ids, unique labels and default config, selected', () => {
    const { store } = storeHarness();
    const first = store.getState().addNode('connector.http', { x: 10, y: 20 });
    const second = store.getState().addNode('connector.http', { x: 10, y: 120 });
    const { nodes, selectedNodeIds } = store.getState();
    expect([first, second]).toEqual(['http-1', 'http-2']);
    expect(nodes.map((node) => node.data.label)).toEqual(['HTTP request', 'HTTP request 2']);
    expect(nodes[0]?.data.config).toEqual({ method: 'GET' });
    expect(selectedNodeIds).toEqual(['http-2']);
    expect(nodes.map((node) => Boolean(node.selected))).toEqual([false, true]);
    expect(store.getState().addNode('no.such-type', { x: 0, y: 0 })).toBeNull();
  });

  it('connects only valid ports, once', () => {
    const { store } = storeHarness();
    const start = store.getState().addNode('trigger.manual', { x: 0, y: 0 }) as string;
    const check = store.getState().addNode('flow.if', { x: 200, y: 0 }) as string;
    const connect = (source: string, sourceHandle: string, target: string) => store.getState().connect({ source, sourceHandle, target, targetHandle: 'in' });
    expect(connect(start, 'out', check)).toBe(true);
    expect(connect(start, 'out', check)).toBe(false);
    expect(connect(check, 'true', start)).toBe(false);
    expect(connect(check, 'true', check)).toBe(false);
    expect(store.getState().edges).toEqual([{ id: 'manual-1.out-if-1', source: start, sourceHandle: 'out', target: check, targetHandle: 'in' }]);
  });

  it('deletes the selection with its edges; undo and redo restore and repeat it', () => {
    const { store } = storeHarness();
    const a = store.getState().addNode('trigger.manual', { x: 0, y: 0 }) as string;
    const b = store.getState().addNode('data.set', { x: 200, y: 0 }) as string;
    store.getState().connect({ source: a, sourceHandle: 'out', target: b, targetHandle: 'in' });
    store.getState().selectNode(b);
    store.getState().deleteSelection();
    expect(store.getState().nodes.map((node) => node.id)).toEqual([a]);
    expect(store.getState().edges).toEqual([]);
    store.getState().undo();
    expect(store.getState().nodes.map((node) => node.id)).toEqual([a, b]);
    expect(store.getState().edges).toHaveLength(1);
    store.getState().redo();
    expect(store.getState().nodes.map((node) => node.id)).toEqual([a]);
    store.getState().undo();
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().nodes.map((node) => node.id)).toEqual([a]);
    store.getState().undo();
    expect(store.getState().nodes).toEqual([]);
  });

  it('pastes copies with new ids, unique labels, an offset, and the edges among them', () => {
    const { store } = storeHarness();
    const a = store.getState().addNode('trigger.manual', { x: 0, y: 0 }) as string;
    const b = store.getState().addNode('data.set', { x: 200, y: 0 }) as string;
    store.getState().connect({ source: a, sourceHandle: 'out', target: b, targetHandle: 'in' });
    store.setState({ selectedNodeIds: [a, b] });
    expect(store.getState().copySelection()).toBe(2);
    expect(store.getState().paste()).toBe(2);
    const { nodes, edges, selectedNodeIds } = store.getState();
    expect(nodes.map((node) => [node.id, node.data.label, node.position])).toEqual([
      [a, 'Manual trigger', { x: 0, y: 0 }],
      [b, 'Set fields', { x: 200, y: 0 }],
      ['manual-2', 'Manual trigger 2', { x: 40, y: 40 }],
      ['set-2', 'Set fields 2', { x: 240, y: 40 }],
    ]);
    expect(edges.at(-1)).toMatchObject({ source: 'manual-2', target: 'set-2', sourceHandle: 'out' });
    expect(selectedNodeIds).toEqual(['manual-2', 'set-2']);
    store.getState().paste();
    expect(store.getState().nodes.at(-1)?.position).toEqual({ x: 280, y: 80 });
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().nodes).toHaveLength(2);
  });

  it('lays the graph out left to right as one undoable step', () => {
    const { store } = storeHarness();
    const a = store.getState().addNode('trigger.manual', { x: 500, y: 500 }) as string;
    const b = store.getState().addNode('data.set', { x: 0, y: 0 }) as string;
    store.getState().connect({ source: a, sourceHandle: 'out', target: b, targetHandle: 'in' });
    store.getState().autoLayout();
    const [pa, pb] = store.getState().nodes.map((node) => node.position);
    expect(pb?.x).toBeGreaterThan((pa?.x ?? 0) + 200);
    expect(pb?.y).toBe(pa?.y);
    store.getState().undo();
    expect(store.getState().nodes.map((node) => node.position)).toEqual([{ x: 500, y: 500 }, { x: 0, y: 0 }]);
  });

  it('merges typing in one field into one undo step, but not after a pause', () => {
    const { store, tick } = storeHarness();
    const id = store.getState().addNode('connector.http', { x: 0, y: 0 }) as string;
    for (const url of ['h', 'ht', 'htt', 'http']) {
      store.getState().updateConfig(id, { url });
      tick(200);
    }
    tick(2000);
    store.getState().updateConfig(id, { url: 'https' });
    store.getState().undo();
    expect(store.getState().nodes[0]?.data.config).toEqual({ url: 'http' });
    store.getState().undo();
    expect(store.getState().nodes[0]?.data.config).toEqual({ method: 'GET' });
  });

  it('renames nodes only to unique, non-empty labels', () => {
    const { store } = storeHarness();
    const a = store.getState().addNode('data.set', { x: 0, y: 0 }) as string;
    store.getState().addNode('data.set', { x: 0, y: 100 });
    expect(store.getState().renameNode(a, 'Set fields 2')).toMatch(/Another node/);
    expect(store.getState().renameNode(a, '   ')).toMatch(/required/);
    expect(store.getState().renameNode(a, '  Route to AP ')).toBeNull();
    expect(store.getState().nodes[0]?.data.label).toBe('Route to AP');
  });

  it('records a drag as one undo step, committed when it stops', () => {
    const { store } = storeHarness();
    const id = store.getState().addNode('data.set', { x: 0, y: 0 }) as string;
    const revision = store.getState().revision;
    for (const x of [5, 10, 15]) store.getState().onNodesChange([{ type: 'position', id, position: { x, y: 0 }, dragging: true }]);
    expect(store.getState().mode).toBe('dragging');
    expect(store.getState().revision).toBe(revision);
    store.getState().onNodesChange([{ type: 'position', id, position: { x: 20, y: 0 }, dragging: false }]);
    expect(store.getState().mode).toBe('idle');
    expect(store.getState().revision).toBe(revision + 1);
    store.getState().undo();
    expect(store.getState().nodes[0]?.position).toEqual({ x: 0, y: 0 });
  });

  it('does not edit a read-only graph', () => {
    const { store } = storeHarness(undefined, { readOnly: true });
    expect(store.getState().addNode('data.set', { x: 0, y: 0 })).toBeNull();
    expect(store.getState().nodes).toEqual([]);
  });
});
