import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { CountersignError, hashGraph, type NodeRegistry } from '@countersign/shared';
import { audited, auditEntry, userActor } from '../audit/audit-log.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { jsonb } from '../engine/sql/step-rows.ts';
import type { Actor } from '../services/actor.ts';
import { materializeTemplate } from './materialize-template.ts';
import { requireVisibleTemplate, viewerOf } from './template-access.ts';

/**
 * Instantiates the latest version of a template in the actor's (client) tenant: a new workflow whose
 * draft is the template with the parameters substituted, and a record of where it came from. It has no
 * version: the client saves, reviews and publishes it like any workflow. Returns the workflow id.
 */
export async function instantiateTemplate(knex: Knex, registry: NodeRegistry, actor: Actor, templateId: string, input: { parameters: Record<string, unknown>; name?: string | undefined }): Promise<string> {
  const viewer = await viewerOf(knex, actor.tenantId);
  const template = await requireVisibleTemplate(knex, viewer, templateId, { withGraph: true });
  if (viewer.kind !== 'client') throw new CountersignError('FORBIDDEN', 'Templates are instantiated in a client tenant: switch into one of your clients first');
  const { graph, values } = await materializeTemplate(knex, registry, actor.tenantId, template, input.parameters);
  const draftHash = await hashGraph(graph);
  const id = randomUUID();
  const name = input.name ?? template.name;
  const version = Number(template.version);
  await audited(knex, actor.tenantId, async (trx, record) => {
    const tx = tenantDb(trx, actor.tenantId);
    await tx.insert('workflows', { id, name, description: template.description || null, draft: jsonb(graph), created_by: actor.id });
    await tx.insert('workflow_templates', { workflow_id: id, template_id: template.id, template_version: version, parameters: JSON.stringify(values), instantiated_by: actor.id });
    const target = { type: 'workflow', id };
    record(auditEntry({ actor: userActor(actor.id), action: 'workflow.created', target, after: { name, draftHash } }));
    record(auditEntry({ actor: userActor(actor.id), action: 'template.instantiated', target, after: { templateId: template.id, templateVersion: version, partnerId: template.tenant_id, parameters: values, draftHash } }));
  });
  return id;
}
