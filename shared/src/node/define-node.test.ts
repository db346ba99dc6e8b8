import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineNode, emit, nodeCapabilities } from './define-node.ts';

const base = {
  type: 'test.node', version: 1, category: 'connector', title: 'Test', description: 'A node for tests.',
  config: z.object({}), ports: { in: ['in'], out: ['out'] }, effect: 'external', execute: () => emit('out', null),
} as const;

describe('nodeCapabilities', () => {
  it('lists static capabilities, evaluates config-dependent ones, and gives none when absent or failing', () => {
    expect(nodeCapabilities(defineNode({ ...base, capabilities: ['approves'] }), {})).toEqual(['approves']);
    expect(nodeCapabilities(defineNode({ ...base, capabilities: (config) => (config['pay'] === true ? ['pays'] : []) }), { pay: true })).toEqual(['pays']);
    expect(nodeCapabilities(defineNode(base), {})).toEqual([]);
    const throwing = defineNode({ ...base, capabilities: () => { throw new Error('bug'); } });
    expect(nodeCapabilities(throwing, {})).toEqual([]);
  });
});
