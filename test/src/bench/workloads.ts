import type { GraphInput } from '@countersign/shared';

type Body = Omit<GraphInput, 'schemaVersion'>;
const node = (id: string, type: string, config: Record<string, unknown> = {}) => ({ id, type, typeVersion: 1, label: id, position: { x: 0, y: 0 }, config });
const edge = (source: string, target: string, sourcePort = 'out') => ({ id: `${source}-${sourcePort}-${target}`, source, sourcePort, target, targetPort: 'in' });

/** A benchmark workload: a graph and how many steps each run executes. */
export interface Workload {
  name: string;
  graph: Body;
  stepsPerRun: number;
}

/** Trigger plus nine data.set nodes in a line, each with an expression. */
export function linear10(): Workload {
  const nodes = [node('n0', 'trigger.manual')];
  const edges = [];
  for (let i = 1; i < 10; i++) {
    nodes.push(node(`n${i}`, 'data.set', { fields: { [`f${i}`]: `{{ $input.amount + ${i} }}` } }));
    edges.push(edge(`n${i - 1}`, `n${i}`));
  }
  return { name: 'linear-10', graph: { nodes, edges }, stepsPerRun: 10 };
}

/**
 * 30 nodes: a trigger fanning out into three parallel branches of eight nodes, a join, an if with two
 * nodes on its true side and one on its false side (dead path). 29 steps execute per run.
 */
export function branching30(): Workload {
  const nodes = [node('t', 'trigger.manual')];
  const edges = [];
  for (const branch of ['a', 'b', 'c']) {
    for (let i = 0; i < 8; i++) {
      nodes.push(node(`${branch}${i}`, 'data.set', { fields: { [`${branch}${i}`]: `{{ $input.amount * ${i + 1} }}` } }));
      edges.push(edge(i === 0 ? 't' : `${branch}${i - 1}`, `${branch}${i}`));
    }
    edges.push(edge(`${branch}7`, 'join'));
  }
  nodes.push(node('join', 'flow.join'), node('if', 'flow.if', { condition: '{{ $input.amount > 100 }}' }));
  nodes.push(node('yes1', 'data.set', { fields: { big: true } }), node('yes2', 'data.set', { fields: { routed: 'controller' } }));
  nodes.push(node('no1', 'data.set', { fields: { big: false } }));
  edges.push(edge('join', 'if'), edge('if', 'yes1', 'true'), edge('yes1', 'yes2'), edge('if', 'no1', 'false'));
  return { name: 'branching-30', graph: { nodes, edges }, stepsPerRun: 29 };
}
