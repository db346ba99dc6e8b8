import { describe, expect, it } from 'vitest';
import { registry } from '@countersign/nodes';
import { GraphSchema, type GraphInput } from '@countersign/shared';
import { compileGraph } from './run-graph.ts';
import { RunState } from './run-state.ts';

const node = (id: string, type: string, config: Record<string, unknown> = {}) => ({ id, type, typeVersion: 1, label: id, position: { x: 0, y: 0 }, config });
const edge = (source: string, target: string, sourcePort = 'out') => ({ id: `${source}-${sourcePort}-${target}`, source, sourcePort, target, targetPort: 'in' });

function stateOf(graph: Omit<GraphInput, 'schemaVersion'>): RunState {
  return new RunState(compileGraph(GraphSchema.parse({ schemaVersion: 1, ...graph }), 'hash', registry), []);
}

const at = new Date('2026-01-01T00:00:00Z');

describe('RunState', () => {
  it('runs the join of a diamond once, after both branches, with their outputs merged', () => {
    const state = stateOf({
      nodes: [node('t', 'trigger.manual'), node('a', 'data.set', { fields: {} }), node('b', 'data.set', { fields: {} }), node('j', 'flow.join')],
      edges: [edge('t', 'a'), edge('t', 'b'), edge('a', 'j'), edge('b', 'j')],
    });
    state.start('t', {});
    state.complete('t', 'succeeded', 'out', { x: 1 }, at);
    expect(state.readySteps(at).map((s) => s.nodeId)).toEqual(['a', 'b']);
    state.complete('a', 'succeeded', 'out', { fromA: true }, at);
    expect(state.steps.has('j')).toBe(false);
    state.complete('b', 'succeeded', 'out', { fromB: true }, at);
    expect(state.readySteps(at).map((s) => s.nodeId)).toEqual(['j']);
    expect(state.steps.get('j')?.input).toEqual({ fromA: true, fromB: true });
    expect(state.firedInputs('j')).toEqual({ a: { fromA: true }, b: { fromB: true } });
  });

  it('skips the dead branch of an if and still runs the join for the live one', () => {
    const state = stateOf({
      nodes: [node('t', 'trigger.manual'), node('if', 'flow.if', { condition: true }), node('yes', 'data.set', { fields: {} }), node('no', 'data.set', { fields: {} }), node('after', 'data.set', { fields: {} })],
      edges: [edge('t', 'if'), edge('if', 'yes', 'true'), edge('if', 'no', 'false'), edge('no', 'after'), edge('yes', 'after')],
    });
    state.start('t', {});
    state.complete('t', 'succeeded', 'out', {}, at);
    const skipped = state.complete('if', 'succeeded', 'true', { v: 1 }, at);
    expect(skipped).toEqual(['no']);
    expect(state.readySteps(at).map((s) => s.nodeId)).toEqual(['yes']);
    state.complete('yes', 'succeeded', 'out', { v: 2 }, at);
    expect(state.steps.get('after')?.status).toBe('queued');
    expect(state.steps.get('after')?.input).toEqual({ v: 2 });
    state.complete('after', 'succeeded', 'out', { done: true }, at);
    expect(state.isSettled()).toBe(true);
    expect(state.runOutput()).toEqual({ done: true });
  });

  it('skips everything downstream of a dead branch and marks unused triggers dead', () => {
    const state = stateOf({
      nodes: [node('t', 'trigger.manual'), node('w', 'trigger.webhook'), node('if', 'flow.if', { condition: true }), node('no1', 'data.set', { fields: {} }), node('no2', 'data.set', { fields: {} })],
      edges: [edge('t', 'if'), edge('w', 'if'), edge('if', 'no1', 'false'), edge('no1', 'no2')],
    });
    state.start('t', {});
    expect(state.settleTriggers()).toEqual(['w']);
    expect(state.settleTriggers()).toEqual([]);
    state.complete('t', 'succeeded', 'out', {}, at);
    expect(state.complete('if', 'succeeded', 'true', {}, at)).toEqual(['no1', 'no2']);
    expect(state.isSettled()).toBe(true);
  });

  it('holds a retry until its backoff has passed', () => {
    const state = stateOf({ nodes: [node('t', 'trigger.manual')], edges: [] });
    const step = state.start('t', {});
    step.wakeAt = new Date(at.getTime() + 1000);
    expect(state.readySteps(at)).toEqual([]);
    expect(state.nextWakeAt()).toEqual(step.wakeAt);
    expect(state.readySteps(new Date(at.getTime() + 1000)).map((s) => s.nodeId)).toEqual(['t']);
  });
});

describe('RunState after a crash', () => {
  it('offers a step left running by a dead process for execution again', () => {
    const graph = compileGraph(GraphSchema.parse({ schemaVersion: 1, nodes: [node('t', 'trigger.manual')], edges: [] }), 'hash', registry);
    const orphan = { nodeId: 't', status: 'running' as const, attempt: 1, port: null, input: {}, output: null, error: null, state: null, wakeAt: null, startedAt: at, finishedAt: null, position: 0, dirty: false };
    const state = new RunState(graph, [orphan]);
    expect(state.readySteps(at).map((s) => s.nodeId)).toEqual(['t']);
    expect(state.isSettled()).toBe(false);
  });
});
