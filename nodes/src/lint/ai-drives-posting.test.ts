import { createNodeRegistry, defineNode, emit } from '@countersign/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { nodeDefinitions } from '../registry.ts';
import { configs, findings, graph, node } from './lint-fixture.ts';
import { lintGraph } from './lint-graph.ts';

const nodes = [
  node('start', 'trigger.manual'),
  node('triage', 'ai.triage', {}, 'AI triage'),
  node('approve', 'approval.request', configs.approval, 'Approve'),
  node('post', 'connector.http', configs.post, 'Post to ERP'),
];
const lint = (edges: string[]) => findings(graph(nodes, edges), 'ai_drives_posting');

describe('ai_drives_posting', () => {
  it('flags an AI step that drives a posting directly', () => {
    expect(lint(['start>triage', 'triage>post'])).toEqual([
      expect.objectContaining({ severity: 'error', nodeId: 'triage', message: expect.stringContaining('"Post to ERP"') }),
    ]);
  });

  it('passes an AI step whose advice goes through an approval', () => {
    expect(lint(['start>triage', 'triage>approve', 'approve.approved>post'])).toEqual([]);
  });

  it('flags an AI step with a path around the approval', () => {
    expect(lint(['start>triage', 'triage>approve', 'approve.approved>post', 'approve.expired>post'])).toHaveLength(1);
  });

  it('never lets an AI step act as the approval gate', () => {
    const aiApprover = defineNode({
      type: 'ai.approver', version: 1, category: 'ai', title: 'AI approver', description: 'Test double of an AI step that claims to approve.',
      config: z.object({}), ports: { in: ['in'], out: ['approved'] }, effect: 'external', capabilities: ['ai', 'approves'],
      execute: () => emit('approved', {}),
    });
    const registry = createNodeRegistry([...nodeDefinitions, aiApprover]);
    const g = graph([node('start', 'trigger.manual'), node('bot', 'ai.approver'), node('post', 'connector.http', configs.post)], ['start>bot', 'bot.approved>post']);
    expect(lintGraph(g, registry).map((f) => f.code).sort()).toEqual(['ai_drives_posting', 'posting_without_approval']);
  });
});
