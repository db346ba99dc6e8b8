import { describe, expect, it } from 'vitest';
import { configs, findings, graph, node } from './lint-fixture.ts';

const trigger = node('hook', 'trigger.webhook', { signatureSecret: 'erp-hook' }, 'Invoice received');
const approve = node('approve', 'approval.request', configs.approval, 'Approve invoice');
const post = node('post', 'connector.http', configs.post, 'Post to ERP');
const lint = (edges: string[], nodes = [trigger, approve, post]) => findings(graph(nodes, edges), 'posting_without_approval');

describe('posting_without_approval', () => {
  it('passes a posting behind the approved port', () => {
    expect(lint(['hook>approve', 'approve.approved>post'])).toEqual([]);
  });

  it.each(['rejected', 'escalated', 'expired', 'error'])('flags a posting reached by the %s port', (port) => {
    expect(lint(['hook>approve', `approve.${port}>post`])).toEqual([
      expect.objectContaining({ severity: 'error', nodeId: 'post', message: expect.stringContaining(`"Invoice received" → "Approve invoice" (${port}) → "Post to ERP"`) }),
    ]);
  });

  it('flags a posting behind an approval that a bypass edge also reaches, showing the bypass', () => {
    const [finding] = lint(['hook>approve', 'approve.approved>post', 'hook>post']);
    expect(finding).toMatchObject({ nodeId: 'post', message: expect.stringContaining('"Invoice received" → "Post to ERP": route every path') });
  });

  it('follows unknown node types and branches, and ignores what no trigger reaches', () => {
    const nodes = [trigger, approve, post, node('mystery', 'vendor.thing'), node('orphan', 'connector.http', configs.post)];
    expect(lint(['hook>mystery', 'mystery>approve', 'approve.approved>post'], nodes)).toEqual([]);
    expect(lint(['hook>mystery', 'mystery.weird>post'], nodes).map((f) => f.nodeId)).toEqual(['post']);
  });

  it('judges an HTTP call by its purpose: reads and notifications need no approval, payments do', () => {
    const call = (config: Record<string, unknown>) => lint(['hook>post'], [trigger, node('post', 'connector.http', config)]).length;
    expect(call(configs.read)).toBe(0);
    expect(call({ ...configs.post, purpose: 'notify' })).toBe(0);
    expect(call({ ...configs.read, purpose: 'pay' })).toBe(1);
    expect(call(configs.post)).toBe(1);
  });
});
