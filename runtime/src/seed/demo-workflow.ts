import type { GraphInput } from '@countersign/shared';

/** The sample workflow's name. */
export const DEMO_WORKFLOW_NAME = 'AP invoice intake';

/** Invoices above this amount (minor units: 10,000.00) go to the controller. */
export const DEMO_APPROVAL_LIMIT = 1_000_000;

// Checks the shape of an incoming invoice; `$input` may be anything a caller posted.
const FIELDS_VALID = [
  "typeof $input === 'object' && $input !== null",
  "typeof $input.invoiceNumber === 'string' && $input.invoiceNumber.trim() !== ''",
  "typeof $input.vendor === 'string' && $input.vendor.trim() !== ''",
  'Number.isInteger($input.amount) && $input.amount > 0',
  "typeof $input.currency === 'string' && /^[A-Z]{3}$/.test($input.currency)",
].join(' && ');

const node = (id: string, type: string, label: string, x: number, y: number, config: Record<string, unknown>) => ({
  id,
  type,
  typeVersion: 1,
  label,
  position: { x, y },
  config,
});

const edge = (source: string, sourcePort: string, target: string) => ({ id: `${source}.${sourcePort}-${target}`, source, sourcePort, target, targetPort: 'in' });

/**
 * "AP invoice intake": webhook -> fields valid? -> over the approval limit? -> routing -> post to the ERP
 * (idempotent by vendor and invoice number); invalid invoices are rejected. Laid out left to right.
 */
export function demoWorkflowGraph(erpUrl: string): GraphInput {
  return {
    schemaVersion: 1,
    nodes: [
      node('invoice-received', 'trigger.webhook', 'Invoice received', 0, 160, {}),
      node('fields-valid', 'flow.if', 'Fields valid?', 280, 160, { condition: `{{ ${FIELDS_VALID} }}` }),
      node('over-limit', 'flow.if', 'Over approval limit?', 560, 80, { condition: `{{ $input.amount > ${DEMO_APPROVAL_LIMIT} }}` }),
      node('route-controller', 'data.set', 'Route to controller', 840, 0, { fields: { routing: 'controller' } }),
      node('route-ap-clerk', 'data.set', 'Route to AP clerk', 840, 160, { fields: { routing: 'ap-clerk' } }),
      {
        ...node('post-to-erp', 'connector.http', 'Post to ERP', 1120, 80, {
          method: 'POST',
          url: erpUrl,
          body: {
            invoiceNumber: '{{ $input.invoiceNumber }}',
            vendor: '{{ $input.vendor }}',
            amount: '{{ $input.amount }}',
            currency: '{{ $input.currency }}',
            routing: '{{ $input.routing }}',
          },
          businessKey: "{{ $input.vendor + ':' + $input.invoiceNumber }}",
        }),
        retry: { maxAttempts: 3, backoffMs: 1000 },
      },
      node('reject-missing-fields', 'data.set', 'Reject: missing fields', 560, 320, { fields: { status: 'rejected' } }),
    ],
    edges: [
      edge('invoice-received', 'out', 'fields-valid'),
      edge('fields-valid', 'true', 'over-limit'),
      edge('fields-valid', 'false', 'reject-missing-fields'),
      edge('over-limit', 'true', 'route-controller'),
      edge('over-limit', 'false', 'route-ap-clerk'),
      edge('route-controller', 'out', 'post-to-erp'),
      edge('route-ap-clerk', 'out', 'post-to-erp'),
    ],
    settings: {},
  };
}
