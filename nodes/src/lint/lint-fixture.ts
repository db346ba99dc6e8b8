import { createNodeRegistry, defineNode, emit, type Graph, type GraphEdge, type GraphNode, type LintFinding } from '@countersign/shared';
import { z } from 'zod';
import { nodeDefinitions } from '../registry.ts';
import { lintGraph } from './lint-graph.ts';

/** An AI step for tests: no AI node type ships yet. */
export const testAiNode = defineNode({
  type: 'ai.triage',
  version: 1,
  category: 'ai',
  title: 'AI triage',
  description: 'Test double of an AI step that suggests how to handle an invoice.',
  config: z.object({}),
  ports: { in: ['in'], out: ['out'] },
  effect: 'external',
  capabilities: ['ai'],
  execute: () => emit('out', {}),
});

/** The shipped node types plus {@link testAiNode}. */
export const lintRegistry = createNodeRegistry([...nodeDefinitions, testAiNode]);

/** A node of a test graph; its label is its id unless given. */
export function node(id: string, type: string, config: Record<string, unknown> = {}, label = id): GraphNode {
  return { id, type, typeVersion: 1, label, position: { x: 0, y: 0 }, config };
}

/** Edges written `source>target` or `source.port>target` (port `out` by default). */
export function graph(nodes: GraphNode[], edges: string[] = []): Graph {
  return {
    schemaVersion: 1,
    nodes,
    edges: edges.map((text, i): GraphEdge => {
      const [from = '', target = ''] = text.split('>');
      const [source = '', sourcePort = 'out'] = from.split('.');
      return { id: `e${i}`, source, sourcePort, target, targetPort: 'in' };
    }),
    settings: {},
  };
}

/** The findings of one code for a graph, linted with {@link lintRegistry}. */
export function findings(g: Graph, code: LintFinding['code']): LintFinding[] {
  return lintGraph(g, lintRegistry).filter((finding) => finding.code === code);
}

/** Configs of common nodes in test graphs. */
export const configs = {
  approval: { title: 'Invoice', levels: [{ assignees: ['role:approver'] }] },
  matrixApproval: { title: 'Invoice', matrix: '{{ $input.decision.result }}' },
  post: { method: 'POST', url: 'https://erp.example.com/api/postings', body: { amount: '{{ $input.amount }}' } },
  read: { method: 'GET', url: 'https://erp.example.com/api/vendors' },
  /** A COLLECT approval matrix over `amount` with the given tiers (one approver level each). */
  table: (...tiers: string[]) => ({
    hitPolicy: 'COLLECT',
    inputs: [{ name: 'amount', expression: '{{ $input.amount }}' }],
    outputs: [{ name: 'level' }, { name: 'role' }],
    rules: tiers.map((tier, i) => ({ when: [tier], then: [i + 1, `role${i + 1}`] })),
  }),
};
