import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { z } from 'zod';
import { CountersignError, type PublishTemplateRequestSchema, type ValidationIssue } from '@countersign/shared';
import { audited, auditEntry, userActor } from '../audit/audit-log.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { jsonb } from '../engine/sql/step-rows.ts';
import type { AuthorityActor } from '../services/authority-service.ts';
import { readStoredGraph } from '../services/graph-rules.ts';
import type { VersionRow } from '../services/workflow-rows.ts';
import { applyPlaceholders } from './apply-placeholders.ts';
import { parameterSchemaIssues } from './parameter-values.ts';
import { viewerOf } from './template-access.ts';

/** The parsed body of `POST /api/templates`. */
export type PublishTemplateInput = z.output<typeof PublishTemplateRequestSchema>;

/** Fails with every issue as one 422. */
function rejectIssues(what: string, issues: ValidationIssue[]): void {
  if (issues.length === 0) return;
  throw new CountersignError('VALIDATION_FAILED', `${what}: ${issues[0]?.message ?? ''}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`, { issues });
}

/** Chosen audience tenants that are not clients of the partner, as issues. */
async function audienceIssues(db: Knex, partnerId: string, audience: PublishTemplateInput['audience']): Promise<ValidationIssue[]> {
  if (audience === 'all') return [];
  // A partner reads its clients' tenant rows.
  const clients = new Set(await db('tenants').where({ parent_id: partnerId }).pluck<string[]>('id'));
  return audience.flatMap((id, i) => (clients.has(id) ? [] : [{ code: 'unknown_client', path: ['body', 'audience', i], message: `"${id}" is not one of your client tenants` }]));
}

/**
 * Publishes a published version of one of the partner's own workflows as a new template, or as the
 * next version of `templateId`. Only a partner admin may (the route checks `tenant.manage`); the
 * template graph is the version's graph with the placeholders applied. Returns the template id.
 */
export async function publishTemplate(knex: Knex, actor: AuthorityActor, input: PublishTemplateInput): Promise<string> {
  if ((await viewerOf(knex, actor.tenantId)).kind !== 'partner') throw new CountersignError('FORBIDDEN', 'Only a partner tenant publishes templates to its clients');
  const db = tenantDb(knex, actor.tenantId);
  const source = await db.table('workflow_versions').where({ workflow_id: input.workflowId, version: input.version }).first<VersionRow | undefined>();
  if (!source) throw new CountersignError('NOT_FOUND', `Version ${input.version} of this workflow does not exist`);
  if (source.status !== 'published') {
    throw new CountersignError('CONFLICT', `Version ${input.version} is ${source.status.replace('_', ' ')}: only a published version (reviewed and live) can become a template`);
  }
  rejectIssues('The parameters are not usable', parameterSchemaIssues(input.parameters));
  rejectIssues('The audience is not valid', await audienceIssues(knex, actor.tenantId, input.audience));
  const { graph, issues } = applyPlaceholders(readStoredGraph(source.graph), input.placeholders, input.parameters);
  rejectIssues('The placeholders do not fit the published version', issues);
  const audience = input.audience === 'all' ? 'all' : [...new Set(input.audience)];

  return audited(knex, actor.tenantId, async (trx, record) => {
    const tx = db.through(trx);
    let id: string = randomUUID();
    let version = 1;
    if (input.templateId !== undefined) {
      // The row lock serialises two publications of one template, so version numbers never collide.
      const existing = await tx.table('templates').where({ id: input.templateId }).forUpdate().first<{ latest_version: number } | undefined>('latest_version');
      if (!existing) throw new CountersignError('NOT_FOUND', 'Template not found');
      id = input.templateId;
      version = Number(existing.latest_version) + 1;
      await tx
        .table('templates')
        .where({ id })
        .update({ name: input.name, description: input.description, category: input.category, audience: JSON.stringify(audience), latest_version: version, updated_at: trx.fn.now() });
    } else {
      await tx.insert('templates', { id, name: input.name, description: input.description, category: input.category, audience: JSON.stringify(audience), latest_version: 1, created_by: actor.id });
    }
    await tx.insert('template_versions', {
      template_id: id, version, source_workflow_id: input.workflowId, source_version: input.version, source_hash: source.hash,
      graph: jsonb(graph), parameters: jsonb(input.parameters), published_by: actor.id,
    });
    record(
      auditEntry({
        actor: userActor(actor.id),
        action: 'template.published',
        target: { type: 'template', id },
        after: { version, name: input.name, category: input.category, audience, sourceWorkflowId: input.workflowId, sourceVersion: input.version, parameters: Object.keys(input.parameters.properties) },
        versionHash: source.hash,
      }),
    );
    return id;
  });
}
