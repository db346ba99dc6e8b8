import { describe, expect, it } from 'vitest';
import { GraphSchema, type Graph } from '@countersign/shared';
import { flowToGraph, graphToFlow } from './graph-convert.ts';

const graph: Graph = GraphSchema.parse({
  schemaVersion: 1,
  nodes: [
    { id: 'start', type: 'trigger.manual', typeVersion: 1, label: 'Start', position: { x: 0, y: 10.5 }, config: {} },
    { id: 'route', type: 'flow.switch', typeVersion: 1, label: 'Route', position: { x: 300, y: -20 }, config: { value: '{{ $input.currency }}', cases: [{ port: 'eur', equals: 'EUR' }] } },
    { id: 'post', type: 'connector.http', typeVersion: 2, label: 'Post', position: { x: 600, y: 0 }, config: { url: 'https://erp.example' }, retry: { maxAttempts: 3 }, timeoutMs: 5000, notes: 'idempotent' },
  ],
  edges: [
    { id: 'e1', source: 'start', sourcePort: 'out', target: 'route', targetPort: 'in' },
    { id: 'e2', source: 'route', sourcePort: 'eur', target: 'post', targetPort: 'in' },
  ],
  settings: { timeoutMs: 60000, owner: 'ap-team' },
});

describe('graph <-> React Flow conversion', () => {
  it('maps ports to handles and data to node data', () => {
    const flow = graphToFlow(graph);
    expect(flow.nodes[1]).toMatchObject({ id: 'route', type: 'workflow', position: { x: 300, y: -20 }, data: { type: 'flow.switch', label: 'Route' } });
    expect(flow.edges[1]).toEqual({ id: 'e2', source: 'route', sourceHandle: 'eur', target: 'post', targetHandle: 'in' });
  });

  it('round-trips ids, ports, positions, config, retry, timeout, notes and settings', () => {
    const flow = graphToFlow(graph);
    expect(GraphSchema.parse(flowToGraph(flow.nodes, flow.edges, flow.settings))).toEqual(graph);
  });

  it('defaults missing handles to the out and in ports', () => {
    const back = flowToGraph([], [{ id: 'x', source: 'a', target: 'b' }], {});
    expect(back.edges?.[0]).toMatchObject({ sourcePort: 'out', targetPort: 'in' });
  });
});
