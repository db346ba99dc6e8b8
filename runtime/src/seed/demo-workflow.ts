import type { GraphInput } from '@countersign/shared';

/** The sample workflow's name. */
export const DEMO_WORKFLOW_NAME = 'AP invoice intake';

/** Amount tiers of the sample approval matrix (minor units: 10,000.00 and 50,000.00). */
export const DEMO_TIERS = { controllerFrom: 1_000_000, cfoFrom: 5_000_000 } as const;

const node = (id: string, type: string, label: string, x: number, y: number, config: Record<string, unknown>) => ({
  id,
  type,
  typeVersion: 1,
  label,
  position: { x, y },
  config,
});

const edge = (source: string, sourcePort: string, target: string) => ({ id: `${source}.${sourcePort}-${target}`, source, sourcePort, target, targetPort: 'in' });

const FIELD_RULES = [
  ...['invoiceNumber', 'vendor', 'amount', 'currency', 'invoiceDate', 'submittedBy'].map((field) => ({ check: 'required', field })),
  { check: 'range', field: 'amount', min: 1, integer: true, message: 'The amount must be a positive whole number of minor units (cents)' },
  { check: 'format', field: 'currency', format: 'currency' },
  { check: 'format', field: 'invoiceDate', format: 'date' },
];

// COLLECT: every matching rule is one approver of the chain. Below 10,000.00 one approver; up to
// 50,000.00 a controller; above, a controller then the CFO. The top tier reaches to infinity.
const APPROVAL_MATRIX = {
  hitPolicy: 'COLLECT',
  inputs: [{ name: 'amount', label: 'Amount (minor units)', expression: '{{ $input.amount }}' }],
  outputs: [{ name: 'level' }, { name: 'role' }],
  rules: [
    { id: 'below_10k', when: [`< ${DEMO_TIERS.controllerFrom}`], then: [1, 'approver'], description: 'Below 10,000.00: one approver' },
    { id: 'to_50k', when: [`[${DEMO_TIERS.controllerFrom}..${DEMO_TIERS.cfoFrom})`], then: [1, 'controller'], description: '10,000.00 to 50,000.00: a controller' },
    { id: 'top_controller', when: [`>= ${DEMO_TIERS.cfoFrom}`], then: [1, 'controller'], description: 'From 50,000.00: a controller...' },
    { id: 'top_cfo', when: [`>= ${DEMO_TIERS.cfoFrom}`], then: [2, 'cfo'], description: '...then the CFO' },
  ],
};

const title = "{{ 'Invoice ' + $input.invoiceNumber + ' from ' + $input.vendor }}";
const amount = { amount: '{{ $input.amount }}', currency: '{{ $input.currency }}' };

/**
 * "AP invoice intake": webhook -> field checks -> duplicate check (a duplicate stops, a suspect goes to
 * a reviewer) -> approval matrix (three amount tiers) -> approvals -> post to the ERP (idempotent by
 * vendor and invoice number). The submitter, earlier approvers and the author never approve.
 */
export function demoWorkflowGraph(erpUrl: string): GraphInput {
  return {
    schemaVersion: 1,
    nodes: [
      node('invoice-received', 'trigger.webhook', 'Invoice received', 0, 200, {}),
      node('check-fields', 'policy.validate', 'Check invoice fields', 260, 200, { rules: FIELD_RULES }),
      node('reject-invalid', 'data.set', 'Reject: invalid invoice', 520, 380, { fields: { status: 'rejected' } }),
      node('duplicate-check', 'policy.duplicate-check', 'Duplicate check', 520, 200, {
        entity: "{{ $input.entity || 'DEMO' }}",
        vendorId: '{{ $input.vendor }}',
        invoiceNumber: '{{ $input.invoiceNumber }}',
        amount: '{{ $input.amount }}',
        currency: '{{ $input.currency }}',
        invoiceDate: '{{ $input.invoiceDate }}',
      }),
      node('stop-duplicate', 'data.set', 'Stop: duplicate invoice', 1040, 400, { fields: { status: 'duplicate' } }),
      node('review-suspect', 'approval.request', 'Review possible duplicate', 780, 300, {
        title: "{{ 'Possible duplicate: invoice ' + $input.invoiceNumber + ' from ' + $input.vendor }}",
        amount,
        requester: '{{ $input.submittedBy }}',
        levels: [{ name: 'Duplicate review', assignees: ['role:approver'] }],
        dueIn: '24h',
      }),
      node('approval-matrix', 'policy.decision-table', 'Approval matrix', 1040, 160, APPROVAL_MATRIX),
      node('approve', 'approval.request', 'Approve invoice', 1300, 160, {
        title,
        amount,
        requester: '{{ $input.submittedBy }}',
        matrix: '{{ $input.decision.result }}',
        dueIn: '48h',
        remindBefore: '8h',
        onTimeout: 'next-level',
      }),
      node('rejected', 'data.set', 'Rejected by approver', 1560, 300, { fields: { status: 'rejected' } }),
      node('overdue', 'data.set', 'Approval overdue', 1560, 420, { fields: { status: 'overdue' } }),
      {
        ...node('post-to-erp', 'connector.http', 'Post to ERP', 1560, 120, {
          method: 'POST',
          url: erpUrl,
          body: {
            invoiceNumber: '{{ $input.invoiceNumber }}',
            vendor: '{{ $input.vendor }}',
            amount: '{{ $input.amount }}',
            currency: '{{ $input.currency }}',
            approvedBy: '{{ $input.approval.decisions.map((d) => d.by) }}',
          },
          businessKey: "{{ $input.vendor + ':' + $input.invoiceNumber }}",
        }),
        retry: { maxAttempts: 3, backoffMs: 1000 },
      },
    ],
    edges: [
      edge('invoice-received', 'out', 'check-fields'),
      edge('check-fields', 'valid', 'duplicate-check'),
      edge('check-fields', 'invalid', 'reject-invalid'),
      edge('duplicate-check', 'clear', 'approval-matrix'),
      edge('duplicate-check', 'suspect', 'review-suspect'),
      edge('duplicate-check', 'duplicate', 'stop-duplicate'),
      edge('review-suspect', 'approved', 'approval-matrix'),
      edge('review-suspect', 'rejected', 'stop-duplicate'),
      edge('approval-matrix', 'matched', 'approve'),
      edge('approve', 'approved', 'post-to-erp'),
      edge('approve', 'rejected', 'rejected'),
      edge('approve', 'expired', 'overdue'),
    ],
    settings: {},
  };
}
