import { diffGraphs, GraphSchema, type Graph } from '@countersign/shared';
import { describe, expect, it } from 'vitest';
import { diffEdges, diffNodes, focusNodeIds } from './review-flow.ts';
import { baseVersionFor, changeCounts, changeEntries, edgeKey, edgeKinds, formatValue, nodeKinds } from './review-model.ts';

const graph = (nodes: { id: string; label?: string; x?: number; config?: Record<string, unknown> }[], edges: [string, string, string?][]): Graph =>
  GraphSchema.parse({
    schemaVersion: 1,
    nodes: nodes.map(({ id, label = id, x = 0, config = {} }) => ({ id, type: 'data.set', typeVersion: 1, label, position: { x, y: 0 }, config })),
    edges: edges.map(([source, target, sourcePort = 'out']) => ({ id: `${source}-${target}`, source, target, sourcePort })),
    settings: {},
  });

const before = graph(
  [{ id: 'a' }, { id: 'b', config: { url: 'http://x' } }, { id: 'c' }, { id: 'd', x: 10 }],
  [
    ['a', 'b'],
    ['b', 'c'],
  ],
);
const after = graph(
  [{ id: 'a' }, { id: 'b', label: 'Post', config: { url: 'https://x' } }, { id: 'd', x: 500 }, { id: 'e' }],
  [
    ['a', 'b'],
    ['b', 'e', 'done'],
  ],
);
const diff = diffGraphs(before, after);

describe('the review diff model', () => {
  it('lists behaviour changes first and moves last, with what changed', () => {
    expect(changeEntries(diff).map(({ kind, nodeId, summary }) => [kind, nodeId, summary])).toEqual([
      ['added', 'e', 'new step'],
      ['removed', 'c', 'step removed'],
      ['changed', 'b', 'config.url, label'],
      ['layout', 'd', 'moved only: behaviour unchanged'],
    ]);
    expect(changeEntries(diff).find((entry) => entry.nodeId === 'b')?.renamedFrom).toBe('b');
    expect(changeCounts(diff)).toEqual({ added: 1, removed: 1, changed: 1, layout: 1, edges: 2, settings: 0 });
  });

  it('highlights removed nodes on the left, added ones on the right, changed and moved ones on both', () => {
    const kinds = nodeKinds(diff);
    expect(Object.fromEntries(kinds.before)).toEqual({ c: 'removed', b: 'changed', d: 'layout' });
    expect(Object.fromEntries(kinds.after)).toEqual({ e: 'added', b: 'changed', d: 'layout' });
    const right = diffNodes(after, kinds.after, 'b');
    expect(right.map((node) => [node.id, node.data.kind, node.data.selected])).toEqual([
      ['a', undefined, false],
      ['b', 'changed', true],
      ['d', 'layout', false],
      ['e', 'added', false],
    ]);
  });

  it('marks the wires only one side has', () => {
    const { removed, added } = edgeKinds(diff);
    expect(diffEdges(before, removed, 'removed').map((edge) => [edge.id, edge.className])).toEqual([
      ['a-b', undefined],
      ['b-c', 'removed'],
    ]);
    expect(diffEdges(after, added, 'added').map((edge) => [edge.id, edge.className, edge.label])).toEqual([
      ['a-b', undefined, undefined],
      ['b-e', 'added', 'done'],
    ]);
    // The same id between other ports is another wire.
    expect(edgeKey({ id: 'x', source: 'a', target: 'b' })).not.toBe(edgeKey({ id: 'x', source: 'a', sourcePort: 'true', target: 'b' }));
  });

  it('opens each side on its changed nodes and their direct neighbours', () => {
    expect(focusNodeIds(after, ['b', 'e'])).toEqual(['a', 'b', 'e']);
    expect(focusNodeIds(before, ['c'])).toEqual(['b', 'c']);
    expect(focusNodeIds(before, ['e'])).toBeUndefined();
  });

  it('compares with the live version, else the previous one, else nothing', () => {
    const versions = [
      { version: 4, live: false },
      { version: 3, live: false },
      { version: 2, live: true },
      { version: 1, live: false },
    ];
    expect(baseVersionFor(versions, 4)).toBe(2);
    expect(baseVersionFor(versions, 2)).toBe(1);
    expect(baseVersionFor(versions.map((v) => ({ ...v, live: false })), 4)).toBe(3);
    expect(baseVersionFor([{ version: 1, live: false }], 1)).toBeNull();
    expect(baseVersionFor([{ version: 2, live: false }, { version: 1, live: false }], 2, 1)).toBe(1);
  });

  it('formats field values for the before/after table', () => {
    expect(formatValue(undefined)).toBe('(none)');
    expect(formatValue('a b')).toBe('"a b"');
    expect(formatValue({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});
