import { describe, expect, it } from 'vitest';
import { canonicalJson, hashGraph, sha256Hex } from './canonical.ts';
import { GraphSchema } from './graph.schema.ts';

const base = GraphSchema.parse({
  schemaVersion: 1,
  nodes: [
    { id: 'b', type: 'data.set', typeVersion: 1, label: 'B', position: { x: 10, y: 0 }, config: { fields: { z: 1, a: 2 } } },
    { id: 'a', type: 'trigger.manual', typeVersion: 1, label: 'A', position: { x: 0, y: 0 }, config: {} },
  ],
  edges: [{ id: 'e', source: 'a', target: 'b' }],
});

describe('canonical JSON and hashing', () => {
  it('sorts keys, drops undefined and refuses non-finite numbers', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined })).toBe('{"a":[true,null,"x"],"b":1}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow();
  });

  it('gives the known SHA-256 of a string', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('ignores positions and array order but not behaviour', async () => {
    const hash = await hashGraph(base);
    const moved = { ...base, nodes: base.nodes.map((n) => ({ ...n, position: { x: n.position.x + 500, y: 99 } })).reverse() };
    expect(await hashGraph(moved)).toBe(hash);
    const changed = { ...base, nodes: base.nodes.map((n) => (n.id === 'b' ? { ...n, config: { fields: { z: 1, a: 3 } } } : n)) };
    expect(await hashGraph(changed)).not.toBe(hash);
    const relabelled = { ...base, nodes: base.nodes.map((n) => (n.id === 'b' ? { ...n, label: 'Other' } : n)) };
    expect(await hashGraph(relabelled)).not.toBe(hash);
  });
});
