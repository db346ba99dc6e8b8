import type { Knex } from 'knex';
import type { AuditEntry, Graph, TemplateParametersDto, TemplatePlaceholderDto } from '@countersign/shared';
import { auditEntry, serviceActor } from '../audit/audit-log.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { jsonb } from '../engine/sql/step-rows.ts';
import { applyPlaceholders } from './apply-placeholders.ts';

/** The sample template's id and its source workflow in the partner tenant. */
export const DEMO_TEMPLATE = { id: 'ap-invoice-approval', sourceWorkflowId: 'ap-invoice-approval-source', name: 'AP invoice approval' } as const;

/** The sample's parameters: where to post, the single-approver limit, who approves, and an optional ERP credential. */
export const DEMO_TEMPLATE_PARAMETERS: TemplateParametersDto = {
  type: 'object',
  properties: {
    erpUrl: { type: 'string', format: 'uri', title: 'ERP URL', description: 'Where approved invoices are posted (http or https).' },
    approvalThreshold: { type: 'integer', title: 'Single-approver limit', description: 'Invoices below this amount (minor units) need one approver.', minimum: 1, maximum: 4_999_999, default: 1_000_000 },
    approverRole: { type: 'string', title: 'Approver role', description: 'The role that approves invoices below the limit and reviews possible duplicates.', minLength: 1, maxLength: 100, default: 'approver' },
    erpCredential: { type: 'string', format: 'credential', title: 'ERP credential', description: 'A credential of your tenant sent with each posting (optional).' },
  },
  required: ['erpUrl'],
};

/** Where the sample's parameters go in the AP invoice workflow (node ids of the seeded sample). */
export const DEMO_TEMPLATE_PLACEHOLDERS: TemplatePlaceholderDto[] = [
  { nodeId: 'post-to-erp', path: ['url'], value: '{{param:erpUrl}}' },
  { nodeId: 'post-to-erp', path: ['credentialId'], value: '{{param:erpCredential}}' },
  { nodeId: 'approval-matrix', path: ['rules', 0, 'when', 0], value: '< {{param:approvalThreshold}}' },
  { nodeId: 'approval-matrix', path: ['rules', 0, 'then', 1], value: '{{param:approverRole}}' },
  { nodeId: 'approval-matrix', path: ['rules', 1, 'when', 0], value: '[{{param:approvalThreshold}}..5000000)' },
  { nodeId: 'review-suspect', path: ['levels', 0, 'assignees', 0], value: 'role:{{param:approverRole}}' },
];

/**
 * Seeds, inside the seed's transaction, the partner's own published copy of the AP workflow and the
 * sample template published from it to all its clients; returns the partner's audit entries.
 */
export async function seedDemoTemplate(trx: Knex.Transaction, input: { partnerId: string; authorId: string; graph: Graph; hash: string }): Promise<AuditEntry[]> {
  const { graph: templateGraph, issues } = applyPlaceholders(input.graph, DEMO_TEMPLATE_PLACEHOLDERS, DEMO_TEMPLATE_PARAMETERS);
  if (issues.length > 0) throw new Error(`The demo template does not fit the sample workflow (a bug): ${JSON.stringify(issues)}`);
  const id = DEMO_TEMPLATE.sourceWorkflowId;
  const at = new Date();
  const tx = tenantDb(trx, input.partnerId);
  await tx.insert('workflows', { id, name: `${DEMO_TEMPLATE.name} (template source)`, description: 'The partner\'s copy of the AP workflow its clients get as a template.', draft: jsonb(input.graph), created_by: input.authorId, published_version: 1 });
  await tx.insert('workflow_versions', {
    workflow_id: id, version: 1, hash: input.hash, graph: jsonb(input.graph), created_by: input.authorId, status: 'published',
    submitted_by: input.authorId, submitted_at: at, reviewed_by: 'seed', reviewed_at: at, review_comment: 'Template source, reviewed at seeding', published_by: input.authorId, published_at: at,
  });
  await tx.insert('templates', { id: DEMO_TEMPLATE.id, name: DEMO_TEMPLATE.name, description: 'Checks, de-duplicates, routes by amount, approves and posts supplier invoices to your ERP.', category: 'Accounts payable', audience: JSON.stringify('all'), latest_version: 1, created_by: input.authorId });
  await tx.insert('template_versions', {
    template_id: DEMO_TEMPLATE.id, version: 1, source_workflow_id: id, source_version: 1, source_hash: input.hash,
    graph: jsonb(templateGraph), parameters: jsonb(DEMO_TEMPLATE_PARAMETERS), published_by: input.authorId,
  });
  const version = { type: 'version', id: `${id}@1` };
  return [
    ...(['submitted', 'approved', 'published'] as const).map((step) =>
      auditEntry({ actor: serviceActor('seed'), action: `version.${step}`, target: version, after: { status: step === 'submitted' ? 'in_review' : step }, versionHash: input.hash, reason: 'Seeded template source' }),
    ),
    auditEntry({ actor: serviceActor('seed'), action: 'template.published', target: { type: 'template', id: DEMO_TEMPLATE.id }, after: { version: 1, name: DEMO_TEMPLATE.name, audience: 'all', sourceWorkflowId: id, sourceVersion: 1 }, versionHash: input.hash }),
  ];
}
