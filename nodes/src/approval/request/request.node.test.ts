import { describe, expect, it } from 'vitest';
import { approvalRequestNode } from './request.node.ts';
import { runNode } from '../../testing/run-node.ts';

const invoice = { invoiceNumber: 'INV-7', amount: 250_000, currency: 'EUR' };

describe('approval.request', () => {
  it('suspends with a plan of sequential levels the runtime can open', async () => {
    const result = await runNode(
      approvalRequestNode,
      {
        title: 'Invoice INV-7',
        amount: { amount: 250_000, currency: 'EUR' },
        requester: 'u-clerk',
        levels: [{ assignees: ['role:approver', 'user:u-lead', { role: 'approver' }], quorum: 2 }, { name: 'CFO', assignees: ['u-cfo'], requireAuthority: true }],
        dueIn: '48h',
        remindBefore: '4h',
        onTimeout: 'next-level',
      },
      invoice,
    );
    expect(result).toEqual({
      kind: 'suspend',
      reason: 'approval',
      data: {
        plan: {
          title: 'Invoice INV-7',
          amount: { amount: 250_000, currency: 'EUR' },
          requesters: ['u-clerk'],
          levels: [
            { name: 'Level 1', assignees: [{ type: 'role', id: 'approver' }, { type: 'user', id: 'u-lead' }], quorum: 2, requireAuthority: false },
            { name: 'CFO', assignees: [{ type: 'user', id: 'u-cfo' }], quorum: 1, requireAuthority: true },
          ],
          vetoOnReject: true,
          dueInMs: 48 * 3_600_000,
          remindBeforeMs: 4 * 3_600_000,
          onTimeout: 'next-level',
          escalationRole: null,
          alternates: [],
          records: [],
          conflicts: [],
        },
      },
    });
  });

  it('turns an approval matrix (a decision table COLLECT result) into levels in level order', async () => {
    const matrix = [
      { level: 2, role: 'cfo', tier: 'top' },
      { level: 1, role: 'approver', quorum: 2 },
      { level: 1, user: 'u-lead' },
    ];
    const result = await runNode(approvalRequestNode, { title: 'Invoice', matrix }, invoice);
    expect(result.kind === 'suspend' && result.data).toMatchObject({
      plan: {
        levels: [
          { name: 'Level 1', assignees: [{ type: 'role', id: 'approver' }, { type: 'user', id: 'u-lead' }], quorum: 2 },
          { name: 'Level 2', assignees: [{ type: 'role', id: 'cfo' }], quorum: 1 },
        ],
      },
    });
  });

  it('refuses an empty matrix: an invoice must never route to nobody', async () => {
    await expect(runNode(approvalRequestNode, { title: 'Invoice', matrix: [] }, invoice)).rejects.toMatchObject({ code: 'POLICY_ERROR' });
  });

  it('checks its config: levels or a matrix, a due time for escalation, a role to escalate to', () => {
    const issues = (config: unknown) => approvalRequestNode.config.safeParse(config).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(issues({ title: 'x' })).toEqual(['levels: Give the levels, or an approval matrix']);
    expect(issues({ title: 'x', levels: [{ assignees: ['role:approver'] }], onTimeout: 'escalate-role' })).toEqual([
      'escalationRole: Name the role to escalate to',
      'dueIn: Set a due time for "escalate-role"',
    ]);
    expect(issues({ title: 'x', levels: [{ assignees: ['role:approver'] }], dueIn: '2 days' })).toEqual(['dueIn: Write a duration like 30m, 48h or 5d']);
    expect(issues({ title: 'x', levels: Array.from({ length: 10 }, () => ({ assignees: ['role:approver'] })) })[0]).toContain('levels');
  });

  it('leaves by the port of the outcome the runtime resumed it with, recording the decisions', async () => {
    const decisions = [{ level: 1, decision: 'approve', by: 'u-1', onBehalfOf: null, comment: null, at: '2025-01-15T10:00:00.000Z' }];
    for (const status of ['approved', 'rejected', 'escalated', 'expired'] as const) {
      const outcome = { status, message: status, decisions, at: '2025-01-15T10:00:00.000Z' };
      const result = await runNode(approvalRequestNode, { title: 'Invoice', levels: [{ assignees: ['role:approver'] }] }, invoice, {
        resumed: { at: '2025-01-15T10:00:00.000Z', data: { plan: {}, outcome } },
      });
      expect(result).toMatchObject({ kind: 'emit', port: status, output: { ...invoice, approval: { outcome: status, decisions } } });
    }
  });

  it('fails into an exception when segregation of duties left nobody eligible (never approves by itself)', async () => {
    const outcome = { status: 'no_eligible_approver', message: 'Nobody eligible remains', decisions: [], at: '2025-01-15T10:00:00.000Z' };
    await expect(
      runNode(approvalRequestNode, { title: 'Invoice', levels: [{ assignees: ['role:approver'] }] }, invoice, { resumed: { at: outcome.at, data: { outcome } } }),
    ).rejects.toMatchObject({ code: 'SOD_VIOLATION', retryable: false });
  });
});
