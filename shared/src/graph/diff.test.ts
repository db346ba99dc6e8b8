import { describe, expect, it } from 'vitest';
import { diffGraphs } from './diff.ts';
import { GraphSchema } from './graph.schema.ts';

const g = (nodes: unknown[], edges: unknown[] = [], settings = {}) => GraphSchema.parse({ schemaVersion: 1, nodes, edges, settings });
const n = (id: string, label: string, config: Record<string, unknown> = {}, x = 0) => ({ id, type: 'data.set', typeVersion: 1, label, position: { x, y: 0 }, config });

describe('diffGraphs', () => {
  it('lists added, removed and changed nodes with config paths, and edge changes', () => {
    const before = g([n('a', 'A', { fields: { amount: 1, note: 'x' } }), n('b', 'B')], [{ id: 'e1', source: 'a', target: 'b' }]);
    const after = g([n('a', 'A', { fields: { amount: 2, note: 'x' } }), n('c', 'C')], [{ id: 'e2', source: 'a', target: 'c' }], { timeoutMs: 5000 });
    const diff = diffGraphs(before, after);
    expect(diff.nodesAdded.map((x) => x.id)).toEqual(['c']);
    expect(diff.nodesRemoved.map((x) => x.id)).toEqual(['b']);
    expect(diff.nodesChanged).toEqual([
      { id: 'a', label: 'A', type: 'data.set', layoutOnly: false, changes: [{ path: 'config.fields.amount', before: 1, after: 2 }] },
    ]);
    expect(diff.edgesAdded.map((e) => e.id)).toEqual(['e2']);
    expect(diff.edgesRemoved.map((e) => e.id)).toEqual(['e1']);
    expect(diff.settingsChanged).toEqual([{ path: 'settings.timeoutMs', before: undefined, after: 5000 }]);
    expect(diff.behaviourUnchanged).toBe(false);
  });

  it('marks a moved node as layout only and a renamed node as renamed, not added', () => {
    const diff = diffGraphs(g([n('a', 'A'), n('b', 'B')]), g([n('a', 'A', {}, 300), n('b', 'Bee')]));
    expect(diff.nodesChanged.find((c) => c.id === 'a')?.layoutOnly).toBe(true);
    expect(diff.nodesChanged.find((c) => c.id === 'b')?.renamed).toEqual({ before: 'B', after: 'Bee' });
    expect(diff.nodesAdded).toEqual([]);
    const moved = diffGraphs(g([n('a', 'A')]), g([n('a', 'A', {}, 40)]));
    expect(moved.behaviourUnchanged).toBe(true);
  });
});
