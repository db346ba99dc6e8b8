import type { Graph } from '@countersign/shared';
import { describe, expect, it } from 'vitest';
import { configs, graph, lintRegistry, node } from './lint-fixture.ts';
import { lintGraph } from './lint-graph.ts';

const amount = { amount: '{{ $input.amount }}', currency: '{{ $input.currency }}' };

/** The shape of the seeded "AP invoice intake" workflow (runtime/src/seed/demo-workflow.ts), trimmed to what the lint reads. */
const demoShaped = graph(
  [
    node('invoice-received', 'trigger.webhook', {}),
    node('check-fields', 'policy.validate', { rules: [{ check: 'required', field: 'amount' }] }),
    node('reject-invalid', 'data.set', { fields: { status: 'rejected' } }),
    node('duplicate-check', 'policy.duplicate-check', { vendorId: '{{ $input.vendor }}', amount: '{{ $input.amount }}' }),
    node('stop-duplicate', 'data.set', { fields: { status: 'duplicate' } }),
    node('review-suspect', 'approval.request', { title: 'Possible duplicate', amount, levels: [{ assignees: ['role:approver'] }], dueIn: '24h' }),
    node('approval-matrix', 'policy.decision-table', configs.table('< 1000000', '[1000000..5000000)', '>= 5000000', '>= 5000000'), 'Approval matrix'),
    node('approve', 'approval.request', { ...configs.matrixApproval, amount, dueIn: '48h', onTimeout: 'next-level' }),
    node('rejected', 'data.set', { fields: { status: 'rejected' } }),
    node('overdue', 'data.set', { fields: { status: 'overdue' } }),
    node('post-to-erp', 'connector.http', { ...configs.post, url: 'http://127.0.0.1:3000/demo/erp/invoices', businessKey: "{{ $input.vendor + ':' + $input.invoiceNumber }}" }),
  ],
  [
    'invoice-received>check-fields',
    'check-fields.valid>duplicate-check',
    'check-fields.invalid>reject-invalid',
    'duplicate-check.clear>approval-matrix',
    'duplicate-check.suspect>review-suspect',
    'duplicate-check.duplicate>stop-duplicate',
    'review-suspect.approved>approval-matrix',
    'review-suspect.rejected>stop-duplicate',
    'approval-matrix.matched>approve',
    'approve.approved>post-to-erp',
    'approve.rejected>rejected',
    'approve.expired>overdue',
  ],
);

describe('lintGraph', () => {
  it('finds only the unsigned webhook in the sample workflow', () => {
    expect(lintGraph(demoShaped, lintRegistry)).toEqual([expect.objectContaining({ code: 'unsigned_webhook', severity: 'warning', nodeId: 'invoice-received' })]);
  });

  it('sorts errors before warnings, then by node', () => {
    const g = graph(
      [node('z-hook', 'trigger.webhook'), node('b-post', 'connector.http', { ...configs.post, url: 'http://erp.example.com/' }), node('a-post', 'connector.http', configs.post)],
      ['z-hook>b-post', 'z-hook>a-post'],
    );
    expect(lintGraph(g, lintRegistry).map((f) => [f.severity, f.nodeId, f.code])).toEqual([
      ['error', 'a-post', 'posting_without_approval'],
      ['error', 'b-post', 'insecure_http'],
      ['error', 'b-post', 'posting_without_approval'],
      ['warning', 'z-hook', 'unsigned_webhook'],
    ]);
  });

  it('never throws on an odd graph', () => {
    const odd = {
      schemaVersion: 1,
      nodes: [
        null,
        node('t', 'trigger.manual'),
        { ...node('weird', 'connector.http'), config: 'not an object' },
        node('cycle', 'approval.request', { matrix: '{{ $input.decision.result ', title: 3 }),
        node('unknown', 'vendor.thing', { url: 'http://x/{{' }, 'unknown'),
        node('bad-table', 'policy.decision-table', { hitPolicy: 'FIRST', inputs: 'amount' }),
      ],
      edges: [
        { id: 'e1', source: 't', sourcePort: 'out', target: 'cycle', targetPort: 'in' },
        { id: 'e2', source: 'cycle', sourcePort: 'rejected', target: 'cycle', targetPort: 'in' },
        { id: 'e3', source: 'bad-table', sourcePort: 'matched', target: 'cycle', targetPort: 'in' },
        { id: 'e4', source: 'cycle', sourcePort: 'approved', target: 'nowhere', targetPort: 'in' },
        null,
      ],
      settings: {},
    } as unknown as Graph;
    expect(() => lintGraph(odd, lintRegistry)).not.toThrow();
    expect(lintGraph({ ...odd, nodes: undefined, edges: undefined } as unknown as Graph, lintRegistry)).toEqual([]);
    expect(lintGraph(null as unknown as Graph, lintRegistry)).toEqual([]);
  });

  it('lints a large graph with many AI steps quickly', () => {
    const size = 5000;
    const steps = Array.from({ length: size }, (_, i) => node(`n${i}`, i % 2 === 0 ? 'ai.triage' : 'data.set', { fields: { i: `{{ $input.v${i} }}` } }));
    const nodes = [node('t', 'trigger.manual', {}), ...steps, node('approve', 'approval.request', configs.approval), node('post', 'connector.http', configs.post)];
    const chain = ['t>n0', ...Array.from({ length: size - 1 }, (_, i) => `n${i}>n${i + 1}`), ...Array.from({ length: size - 2 }, (_, i) => `n${i}>n${i + 2}`)];
    const gated = [...chain, `n${size - 1}>approve`, 'approve.approved>post'];
    const started = performance.now();
    expect(lintGraph(graph(nodes, gated), lintRegistry)).toEqual([]);
    expect(lintGraph(graph(nodes, [...gated, 'approve.rejected>post']), lintRegistry)).toHaveLength(size / 2 + 1);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
