import type { Knex } from 'knex';
import { CountersignError, diffGraphs, hashGraph, TemplateParametersSchema, type NodeRegistry, type UpgradeTemplateResponseDto, type WorkflowTemplateOriginDto } from '@countersign/shared';
import { audited, auditEntry, userActor } from '../audit/audit-log.ts';
import { tenantDb, type TenantDb } from '../db/tenant-db.ts';
import { jsonb } from '../engine/sql/step-rows.ts';
import type { Actor } from '../services/actor.ts';
import { readStoredGraph } from '../services/graph-rules.ts';
import { iso, isoOrNull } from '../services/row-values.ts';
import { materializeTemplate } from './materialize-template.ts';
import { requireVisibleTemplate, scopeToViewer, viewerOf } from './template-access.ts';
import { selectTemplateVersions, type TemplateRow } from './template-rows.ts';

/** A workflow_templates row. */
interface OriginRow {
  workflow_id: string;
  template_id: string;
  template_version: number;
  parameters: Record<string, unknown>;
  instantiated_by: string;
  instantiated_at: Date | string;
  upgraded_at: Date | string | null;
}

/** Where the actor's workflow came from, or null when it was not made from a template; 404 for another tenant's workflow. */
async function originRow(db: Knex, actor: Actor, workflowId: string): Promise<OriginRow | null> {
  const view = tenantDb(db, actor.tenantId);
  const workflow = await view.table('workflows').where({ id: workflowId }).first('id');
  if (!workflow) throw new CountersignError('NOT_FOUND', 'Workflow not found');
  return (await view.table('workflow_templates').where({ workflow_id: workflowId }).first<OriginRow | undefined>()) ?? null;
}

/** Which template, version and parameters a workflow came from, and whether the client may upgrade it. */
export async function workflowOrigin(knex: Knex, actor: Actor, workflowId: string): Promise<WorkflowTemplateOriginDto | null> {
  const row = await originRow(knex, actor, workflowId);
  if (!row) return null;
  // The latest version the client still sees; its own version when the template is no longer published to it.
  const visible = await scopeToViewer(selectTemplateVersions(knex, { withGraph: false }), await viewerOf(knex, actor.tenantId)).andWhere('t.id', row.template_id).first<TemplateRow | undefined>();
  // The name from the partner's row, which the client's view would not find.
  const name = visible?.name ?? (await knex('templates').where({ id: row.template_id }).first<{ name: string }>('name')).name;
  const version = Number(row.template_version);
  const latestVersion = Math.max(version, Number(visible?.latest_version ?? version));
  return {
    workflowId,
    templateId: row.template_id,
    templateName: name,
    version,
    latestVersion,
    upgradeAvailable: latestVersion > version,
    parameters: row.parameters,
    instantiatedBy: row.instantiated_by,
    instantiatedAt: iso(row.instantiated_at),
    upgradedAt: isoOrNull(row.upgraded_at),
  };
}

/**
 * Re-instantiates a newer template version (the latest by default) with the kept parameters into the
 * workflow's draft, and returns the diff from the current draft. Only the draft changes: the client
 * reviews and publishes as usual. With `preview` nothing changes. `parameters` adds or overrides values
 * (for parameters the newer version introduced); kept values the newer version dropped are left out.
 */
export async function upgradeFromTemplate(
  knex: Knex,
  registry: NodeRegistry,
  actor: Actor,
  workflowId: string,
  input: { version?: number | undefined; preview: boolean; parameters?: Record<string, unknown> | undefined },
): Promise<UpgradeTemplateResponseDto> {
  const row = await originRow(knex, actor, workflowId);
  if (!row) throw new CountersignError('NOT_FOUND', 'This workflow was not made from a template');
  const viewer = await viewerOf(knex, actor.tenantId);
  const latest = await requireVisibleTemplate(knex, viewer, row.template_id, { withGraph: false });
  const to = input.version ?? Number(latest.latest_version);
  const from = Number(row.template_version);
  if (to <= from) throw new CountersignError('CONFLICT', `This workflow is on version ${from} of the template; upgrade to a newer version`);
  const target = await requireVisibleTemplate(knex, viewer, row.template_id, { withGraph: true, version: to });
  const declared = TemplateParametersSchema.parse(target.parameters).properties;
  const kept = Object.fromEntries(Object.entries(row.parameters).filter(([name]) => Object.hasOwn(declared, name)));
  const { graph, values } = await materializeTemplate(knex, registry, actor.tenantId, target, { ...kept, ...input.parameters });

  const db = tenantDb(knex, actor.tenantId);
  const compute = async (view: TenantDb) => {
    const current = await view.table('workflows').where({ id: workflowId }).modify((q) => (input.preview ? q : q.forUpdate())).first<{ draft: unknown }>('draft');
    const before = readStoredGraph(current.draft);
    return { before, diff: diffGraphs(before, graph) };
  };
  const result = { from, to, parameters: values };
  if (input.preview) return { ...result, applied: false, diff: (await compute(db)).diff };

  const draftHash = await hashGraph(graph);
  const diff = await audited(knex, actor.tenantId, async (trx, record) => {
    const tx = db.through(trx);
    const { before, diff } = await compute(tx);
    await tx.table('workflows').where({ id: workflowId }).update({ draft: jsonb(graph), draft_updated_at: trx.fn.now() });
    await tx
      .table('workflow_templates')
      .where({ workflow_id: workflowId })
      .update({ template_version: to, parameters: JSON.stringify(values), upgraded_by: actor.id, upgraded_at: trx.fn.now() });
    record(
      auditEntry({
        actor: userActor(actor.id),
        action: 'template.upgraded',
        target: { type: 'workflow', id: workflowId },
        before: { templateId: row.template_id, templateVersion: from, draftHash: await hashGraph(before) },
        after: { templateId: row.template_id, templateVersion: to, draftHash, parameters: values },
      }),
    );
    return diff;
  });
  return { ...result, applied: true, diff };
}
