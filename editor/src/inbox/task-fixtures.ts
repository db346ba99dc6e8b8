import type { TaskDetailDto, TaskDto } from '@countersign/shared';

/** Test helper: an open task of level 2 of 3, due in 8 hours from 2030-01-01 08:00 UTC. */
export function taskFixture(overrides: Partial<TaskDto> = {}): TaskDto {
  return {
    id: 't1',
    runId: 'r1',
    workflowId: 'w1',
    workflowName: 'AP invoice approval',
    nodeId: 'approve-controller',
    nodeLabel: 'Controller approval',
    title: 'Invoice INV-1042 from Acme GmbH',
    amount: { amount: 123450, currency: 'EUR' },
    level: 2,
    levelCount: 3,
    quorum: 1,
    assigneeId: 'u-ann',
    assigneeName: 'Ann Approver',
    route: 'assignee',
    status: 'open',
    createdAt: '2030-01-01T08:00:00.000Z',
    dueAt: '2030-01-01T16:00:00.000Z',
    closedAt: null,
    decision: null,
    decidedBy: null,
    onBehalfOf: null,
    comment: null,
    delegatedFrom: null,
    ...overrides,
  };
}

/** Test helper: the task with evidence: an invoice, a duplicate finding, a decision table, a violation and one earlier decision. */
export function taskDetailFixture(overrides: Partial<TaskDto> = {}): TaskDetailDto {
  return {
    ...taskFixture(overrides),
    approvalsAtLevel: 0,
    evidence: {
      input: { invoiceNumber: 'INV-1042', vendor: { name: 'Acme GmbH' }, amount: 123450, currency: 'EUR' },
      stepInput: { invoiceNumber: 'INV-1042' },
      policyResults: [
        {
          nodeId: 'dup',
          label: 'Duplicate check',
          type: 'policy.duplicate-check',
          port: 'suspect',
          output: { duplicateCheck: { verdict: 'suspect', rule: 'number-distance-1', findings: [{ invoiceId: 'inv-77', runId: 'r0', verdict: 'suspect', rule: 'number-distance-1', detail: 'INV-1041 is one edit away', invoice: { invoiceNumber: 'INV-1041', amount: 123450, currency: 'EUR', invoiceDate: '2029-12-30' } }], checkedAgainst: 5 } },
        },
        {
          nodeId: 'matrix',
          label: 'Approval matrix',
          type: 'policy.decision-table',
          port: 'matched',
          output: { decision: { hitPolicy: 'COLLECT', result: [{ role: 'controller' }], matchedRules: ['tier-2'], inputs: { amount: 123450 }, tableHash: 'f00dfeedcafebabe0123456789abcdef' } },
        },
        { nodeId: 'check', label: 'Invoice checks', type: 'policy.validate', port: 'invalid', output: { validation: { valid: false, violations: [{ rule: 0, check: 'required', field: 'vendor.iban', message: 'IBAN is missing' }] } } },
      ],
      decisions: [{ taskId: 't0', nodeId: 'approve-lead', level: 1, decision: 'approve', decidedBy: 'u-bob', decidedByName: 'Bob Lead', onBehalfOf: 'u-cara', comment: 'Budget confirmed', at: '2030-01-01T07:00:00.000Z' }],
      run: { id: 'r1', status: 'waiting', version: 4, versionHash: 'abc', requestedBy: 'u-sam', createdAt: '2030-01-01T06:00:00.000Z' },
    },
  };
}
