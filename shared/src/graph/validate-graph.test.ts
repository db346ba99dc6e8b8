import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createNodeRegistry, defineNode, emit } from '../node/index.ts';
import { validateGraph } from './validate-graph.ts';

const registry = createNodeRegistry([
  defineNode({
    type: 'trigger.manual', version: 1, category: 'trigger', title: 'Manual', description: '', effect: 'pure',
    config: z.strictObject({}), ports: { in: [], out: ['out'] }, execute: (input) => emit('out', input),
  }),
  defineNode({
    type: 'flow.if', version: 1, category: 'flow', title: 'If', description: '', effect: 'pure',
    config: z.strictObject({ condition: z.boolean() }), ports: { in: ['in'], out: ['true', 'false'] },
    execute: (input, ctx) => emit(ctx.config.condition ? 'true' : 'false', input),
  }),
  defineNode({
    type: 'policy.limit', version: 1, category: 'policy', title: 'Limit', description: '', effect: 'pure',
    config: z.strictObject({ min: z.number(), max: z.number() }), ports: { in: ['in'], out: ['out'] },
    validate: (config) => (config.min > config.max ? [{ code: 'range_inverted', path: ['min'], message: 'min is above max' }] : []),
    execute: (input) => emit('out', input),
  }),
  defineNode({
    type: 'data.set', version: 1, category: 'data', title: 'Set', description: '', effect: 'pure',
    config: z.strictObject({ fields: z.record(z.string(), z.unknown()) }), ports: { in: ['in'], out: ['out'] },
    execute: (input) => emit('out', input),
  }),
]);

const node = (id: string, type: string, config: Record<string, unknown> = {}, label = id) => ({ id, type, typeVersion: 1, label, position: { x: 0, y: 0 }, config });
const edge = (source: string, target: string, sourcePort = 'out', targetPort = 'in') => ({ id: `${source}-${target}-${sourcePort}`, source, sourcePort, target, targetPort });
const graph = (nodes: unknown[], edges: unknown[]) => ({ schemaVersion: 1, nodes, edges, settings: {} });

describe('validateGraph', () => {
  it('accepts a valid graph with expressions in typed fields', () => {
    const result = validateGraph(
      graph([node('t', 'trigger.manual'), node('if', 'flow.if', { condition: '{{ $input.amount > 100 }}' }), node('s', 'data.set', { fields: { a: '{{ $node["t"].output.x }}' } })], [edge('t', 'if'), edge('if', 's', 'true')]),
      registry,
    );
    expect(result.issues).toEqual([]);
    expect(result.graph?.nodes).toHaveLength(3);
  });

  it('reports schema errors with their path and no graph', () => {
    const result = validateGraph({ schemaVersion: 1, nodes: [{ id: 'x' }], edges: [] }, registry);
    expect(result.graph).toBeUndefined();
    expect(result.issues.some((i) => i.code === 'schema' && i.path.join('.') === 'nodes.0.type')).toBe(true);
  });

  it('refuses a schemaVersion from the future', () => {
    const result = validateGraph({ ...graph([], []), schemaVersion: 99 }, registry);
    expect(result.issues[0]).toMatchObject({ code: 'schema', path: ['schemaVersion'] });
  });

  it('reports each structural problem as data pinned on the node or edge', () => {
    const result = validateGraph(
      graph(
        [
          node('t', 'trigger.manual'),
          node('u', 'nope.unknown'),
          node('if', 'flow.if', { condition: 'yes' }),
          node('a', 'data.set', { fields: {} }),
          node('b', 'data.set', { fields: {} }),
          node('lonely', 'data.set', { fields: { v: '{{ $input. }}', w: '{{ $node["Missing"].output }}' } }),
        ],
        [edge('t', 'if', 'out'), edge('if', 'a', 'maybe'), edge('a', 'b'), edge('b', 'a'), edge('t', 'ghost'), edge('a', 't')],
      ),
      registry,
    );
    const codes = (code: string) => result.issues.filter((i) => i.code === code);
    expect(codes('unknown_node_type')[0]).toMatchObject({ nodeId: 'u', path: ['nodes', 1, 'type'] });
    expect(codes('invalid_config')[0]).toMatchObject({ nodeId: 'if', path: ['nodes', 2, 'config', 'condition'] });
    expect(codes('unknown_port').map((i) => i.nodeId).sort()).toEqual(['if', 't']);
    expect(codes('dangling_edge')[0]).toMatchObject({ path: ['edges', 4, 'target'] });
    expect(codes('cycle').map((i) => i.nodeId).sort()).toEqual(expect.arrayContaining(['a', 'b']));
    expect(codes('unreachable').map((i) => i.nodeId)).toContain('lonely');
    expect(codes('expression_syntax')[0]).toMatchObject({ nodeId: 'lonely', path: ['nodes', 5, 'config', 'fields', 'v'] });
    expect(codes('unknown_node_reference')[0]).toMatchObject({ nodeId: 'lonely', message: 'No node is labelled "Missing"' });
  });

  it('requires a trigger and unique ids and labels', () => {
    const noTrigger = validateGraph(graph([node('a', 'data.set', { fields: {} })], []), registry);
    expect(noTrigger.issues.map((i) => i.code)).toContain('no_trigger');
    const dupes = validateGraph(graph([node('t', 'trigger.manual', {}, 'Same'), node('t', 'data.set', { fields: {} }, 'Same')], []), registry);
    expect(dupes.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['duplicate_id', 'duplicate_label']));
  });

  it('accepts an error route from any node but a trigger', () => {
    const routed = validateGraph(
      graph([node('t', 'trigger.manual'), node('a', 'data.set', { fields: {} }), node('fallback', 'data.set', { fields: {} })], [edge('t', 'a'), edge('a', 'fallback', 'error')]),
      registry,
    );
    expect(routed.issues).toEqual([]);
    const fromTrigger = validateGraph(graph([node('t', 'trigger.manual'), node('a', 'data.set', { fields: {} })], [edge('t', 'a', 'error')]), registry);
    expect(fromTrigger.issues.map((i) => i.code)).toContain('unknown_port');
  });

  it('adds the findings of the node type checks, pinned on the node and field', () => {
    const result = validateGraph(graph([node('t', 'trigger.manual'), node('lim', 'policy.limit', { min: 5, max: 1 })], [edge('t', 'lim')]), registry);
    expect(result.issues).toEqual([{ code: 'range_inverted', path: ['nodes', 1, 'config', 'min'], message: 'min is above max', nodeId: 'lim' }]);
  });
});
