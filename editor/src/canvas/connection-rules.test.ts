import { describe, expect, it } from 'vitest';
import { typeKey } from './ports.ts';
import { connectionProblem, type ConnectionContext } from './connection-rules.ts';
import { outputPorts } from './ports.ts';
import { NODE_TYPES } from '../testing/node-types.fixture.ts';
import type { WorkflowFlowNode } from '../store/flow-types.ts';

const node = (id: string, type: string, config: Record<string, unknown> = {}): WorkflowFlowNode => ({
  id,
  type: 'workflow',
  position: { x: 0, y: 0 },
  data: { type, typeVersion: 1, label: id, config },
});

const context: ConnectionContext = {
  nodes: [node('start', 'trigger.manual'), node('check', 'flow.if'), node('set', 'data.set'), node('route', 'flow.switch', { cases: [{ port: 'eur' }, { port: 'usd' }] })],
  edges: [{ id: 'e1', source: 'start', sourceHandle: 'out', target: 'check', targetHandle: 'in' }],
  nodeTypes: Object.fromEntries(NODE_TYPES.map((info) => [typeKey(info.type, info.version), info])),
};

describe('connection rules', () => {
  it('allows an output port to an input port', () => {
    expect(connectionProblem({ source: 'check', sourceHandle: 'true', target: 'set', targetHandle: 'in' }, context)).toBeNull();
  });

  it('refuses self-loops, duplicates, unknown ports, inputs of triggers and cycles', () => {
    expect(connectionProblem({ source: 'set', sourceHandle: 'out', target: 'set', targetHandle: 'in' }, context)).toBe('self-loop');
    expect(connectionProblem({ source: 'start', sourceHandle: 'out', target: 'check', targetHandle: 'in' }, context)).toBe('duplicate');
    expect(connectionProblem({ source: 'check', sourceHandle: 'maybe', target: 'set', targetHandle: 'in' }, context)).toBe('not-an-output');
    expect(connectionProblem({ source: 'set', sourceHandle: 'in', target: 'check', targetHandle: 'out' }, context)).toBe('not-an-output');
    expect(connectionProblem({ source: 'check', sourceHandle: 'true', target: 'start', targetHandle: 'in' }, context)).toBe('not-an-input');
    expect(connectionProblem({ source: 'check', sourceHandle: 'true', target: 'ghost', targetHandle: 'in' }, context)).toBe('missing-end');
    const withSet = { ...context, edges: [...context.edges, { id: 'e2', source: 'check', sourceHandle: 'true', target: 'set', targetHandle: 'in' }] };
    expect(connectionProblem({ source: 'set', sourceHandle: 'out', target: 'check', targetHandle: 'in' }, withSet)).toBe('cycle');
  });

  it('lets a failure be routed from the error port of any node but a trigger', () => {
    expect(connectionProblem({ source: 'check', sourceHandle: 'error', target: 'set', targetHandle: 'in' }, context)).toBeNull();
    expect(connectionProblem({ source: 'start', sourceHandle: 'error', target: 'set', targetHandle: 'in' }, context)).toBe('not-an-output');
  });

  it('derives switch ports from its cases, then default', () => {
    const info = context.nodeTypes['flow.switch@1'];
    expect(outputPorts(info, { cases: [{ port: 'eur' }, { port: 'usd' }, { port: 'eur' }, {}] })).toEqual(['eur', 'usd', 'default']);
    expect(connectionProblem({ source: 'route', sourceHandle: 'usd', target: 'set', targetHandle: 'in' }, context)).toBeNull();
  });
});
