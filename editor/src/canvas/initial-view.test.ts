import { describe, expect, it } from 'vitest';
import { typeKey } from './ports.ts';
import { initialViewNodes } from './initial-view.ts';
import { flowNode } from '../store/flow-types.ts';
import { NODE_TYPES } from '../testing/node-types.fixture.ts';

const types = Object.fromEntries(NODE_TYPES.map((info) => [typeKey(info.type, info.version), info]));
const chain = (count: number) => {
  const nodes = Array.from({ length: count }, (_, i) => flowNode(`n${i}`, { x: i * 10, y: 0 }, { type: i === 3 ? 'trigger.manual' : 'data.set', typeVersion: 1, label: `N${i}`, config: {} }));
  const edges = nodes.slice(1).map((node, i) => ({ id: `e${i}`, source: i === 2 ? 'n3' : nodes[i]!.id, target: node.id }));
  return { nodes, edges };
};

describe('initial view', () => {
  it('fits a small graph whole', () => {
    const { nodes, edges } = chain(20);
    expect(initialViewNodes(nodes, edges, types)).toHaveLength(20);
  });

  it('opens a large graph on its trigger and the steps after it', () => {
    const { nodes, edges } = chain(400);
    const view = initialViewNodes(nodes, edges, types).map(({ id }) => id);
    expect(view[0]).toBe('n3');
    expect(view).toHaveLength(5);
  });
});
