import type { Graph, RunDto } from '@countersign/shared';
import { describe, expect, it } from 'vitest';
import { emptyRunView, FIRED_EDGE_CLASS, reduceRunEvents } from '../runs/index.ts';
import { runHistory } from '../runs/test-events.ts';
import { focusNodeIds, positionEdges, positionNodes, positionStatus, runEdges, stepStatuses } from './run-position-flow.ts';

const graph: Graph = {
  schemaVersion: 1,
  nodes: [
    { id: 'in', type: 'trigger.webhook', typeVersion: 1, label: 'Invoice received', position: { x: 0, y: 0 }, config: {} },
    { id: 'ok', type: 'approval.request', typeVersion: 1, label: 'Controller approval', position: { x: 240, y: 0 }, config: {} },
    { id: 'pay', type: 'connector.http', typeVersion: 1, label: 'Pay', position: { x: 480, y: 0 }, config: {} },
  ],
  edges: [
    { id: 'e1', source: 'in', sourcePort: 'out', target: 'ok', targetPort: 'in' },
    { id: 'e2', source: 'ok', sourcePort: 'approved', target: 'pay', targetPort: 'in' },
  ],
  settings: {},
};

describe('run position', () => {
  it('maps the graph to read-only nodes with statuses and the task node marked', () => {
    const nodes = positionNodes(graph, (id) => (id === 'in' ? 'succeeded' : id === 'ok' ? 'waiting' : undefined), 'ok');
    expect(nodes.map((node) => [node.id, node.data.category, node.data.status, node.data.current])).toEqual([
      ['in', 'trigger', 'succeeded', false],
      ['ok', 'approval', 'waiting', true],
      ['pay', 'connector', undefined, false],
    ]);
    expect(nodes[1]?.position).toEqual({ x: 240, y: 0 });
  });

  it('labels named ports and animates fired edges', () => {
    const edges = positionEdges(graph, ['e1']);
    expect(edges.map((edge) => [edge.id, edge.label, edge.className])).toEqual([
      ['e1', undefined, FIRED_EDGE_CLASS],
      ['e2', 'approved', undefined],
    ]);
  });

  it('takes statuses from the run until its events arrive, then from the events', () => {
    const run = { steps: [{ nodeId: 'in', status: 'succeeded' }, { nodeId: 'ok', status: 'waiting' }] } as unknown as RunDto;
    const fallback = stepStatuses(run);
    const empty = emptyRunView('r1');
    expect(positionStatus(empty, fallback, 'ok')).toBe('waiting');
    const view = reduceRunEvents(empty, runHistory('r1', [['step.started', 'in'], ['step.succeeded', 'in'], ['step.started', 'ok']]), runEdges(graph));
    expect(['in', 'ok', 'pay'].map((id) => positionStatus(view, fallback, id))).toEqual(['succeeded', 'running', 'queued']);
  });

  it('opens on the task node, one step before it and two after', () => {
    const chain: Graph = {
      ...graph,
      nodes: ['a', 'b', 'c', 'd', 'e', 'f'].map((id, index) => ({ id, type: 'flow.if', typeVersion: 1, label: id, position: { x: index * 240, y: 0 }, config: {} })),
      edges: [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['c', 'c']].map(([source, target]) => ({ id: `${source}-${target}`, source: source!, sourcePort: 'out', target: target!, targetPort: 'in' })),
    };
    expect(focusNodeIds(chain, 'c')).toEqual(['b', 'c', 'd', 'e']);
    expect(focusNodeIds(chain, 'a')).toEqual(['a', 'b', 'c']);
    expect(focusNodeIds(graph, 'missing')).toEqual([]);
  });
});
