import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { CountersignError, hashGraph, type NodeRegistry, type VersionDto, type WorkflowDto, type WorkflowSummaryDto } from '@countersign/shared';
import { jsonb } from '../engine/sql/step-rows.ts';
import type { Actor } from './actor.ts';
import { requireValidGraph } from './graph-rules.ts';
import { selectWorkflows, toVersion, toVersionSummary, toWorkflow, toWorkflowSummary, type VersionRow, type WorkflowRow } from './workflow-rows.ts';

/** Workflows, their drafts and their immutable versions, always within the actor's tenant. */
export interface WorkflowsService {
  create(actor: Actor, input: { name: string; description?: string | undefined; graph: unknown }): Promise<WorkflowDto>;
  list(actor: Actor): Promise<WorkflowSummaryDto[]>;
  get(actor: Actor, id: string): Promise<WorkflowDto>;
  updateDraft(actor: Actor, id: string, graph: unknown): Promise<WorkflowDto>;
  /** Renames a workflow or changes its description. */
  update(actor: Actor, id: string, changes: { name?: string | undefined; description?: string | null | undefined }): Promise<WorkflowDto>;
  /** Snapshots the draft (validated again) as the next version. */
  createVersion(actor: Actor, id: string): Promise<{ version: number; hash: string }>;
  getVersion(actor: Actor, id: string, version: number): Promise<VersionDto>;
  listVersions(actor: Actor, id: string): Promise<Omit<VersionDto, 'graph'>[]>;
}

const notFound = (): CountersignError => new CountersignError('NOT_FOUND', 'Workflow not found');

/** Creates the workflows service. */
export function createWorkflowsService(knex: Knex, registry: NodeRegistry): WorkflowsService {
  const get = async (actor: Actor, id: string): Promise<WorkflowDto> => {
    const row = await selectWorkflows(knex, actor.tenantId, true).andWhere('w.id', id).first<WorkflowRow | undefined>();
    if (!row) throw notFound();
    return toWorkflow(row);
  };

  const requireWorkflow = async (actor: Actor, id: string): Promise<void> => {
    const row = await knex('workflows').where({ id, tenant_id: actor.tenantId }).first('id');
    if (!row) throw notFound();
  };

  return {
    async create(actor, input) {
      const graph = requireValidGraph(input.graph, registry);
      const id = randomUUID();
      await knex('workflows').insert({
        id,
        tenant_id: actor.tenantId,
        name: input.name,
        description: input.description ?? null,
        draft: jsonb(graph),
        created_by: actor.id,
      });
      return get(actor, id);
    },

    async list(actor) {
      const rows: WorkflowRow[] = await selectWorkflows(knex, actor.tenantId, false).orderBy([
        { column: 'w.created_at', order: 'desc' },
        { column: 'w.id', order: 'asc' },
      ]);
      return rows.map(toWorkflowSummary);
    },

    get,

    async update(actor, id, changes) {
      await requireWorkflow(actor, id);
      const patch: Record<string, unknown> = {};
      if (changes.name !== undefined) patch['name'] = changes.name;
      if (changes.description !== undefined) patch['description'] = changes.description;
      await knex('workflows').where({ id, tenant_id: actor.tenantId }).update(patch);
      return get(actor, id);
    },

    async updateDraft(actor, id, raw) {
      await requireWorkflow(actor, id);
      const graph = requireValidGraph(raw, registry);
      await knex('workflows').where({ id, tenant_id: actor.tenantId }).update({ draft: jsonb(graph), draft_updated_at: knex.fn.now() });
      return get(actor, id);
    },

    async createVersion(actor, id) {
      return knex.transaction(async (trx) => {
        // The row lock serialises concurrent snapshots of one workflow, so version numbers never collide.
        const row = await trx('workflows').where({ id, tenant_id: actor.tenantId }).forUpdate().first<{ draft: unknown } | undefined>('draft');
        if (!row) throw notFound();
        const graph = requireValidGraph(row.draft, registry);
        const hash = await hashGraph(graph);
        const latest = await trx('workflow_versions').where({ workflow_id: id, tenant_id: actor.tenantId }).max<{ max: number | null }>('version as max').first();
        const version = Number(latest?.max ?? 0) + 1;
        await trx('workflow_versions').insert({ tenant_id: actor.tenantId, workflow_id: id, version, hash, graph: jsonb(graph), created_by: actor.id });
        return { version, hash };
      });
    },

    async getVersion(actor, id, version) {
      await requireWorkflow(actor, id);
      const row = await knex('workflow_versions').where({ workflow_id: id, tenant_id: actor.tenantId, version }).first<VersionRow | undefined>();
      if (!row) throw new CountersignError('NOT_FOUND', `Version ${version} of this workflow does not exist`);
      return toVersion(row);
    },

    async listVersions(actor, id) {
      await requireWorkflow(actor, id);
      const rows: VersionRow[] = await knex('workflow_versions')
        .where({ workflow_id: id, tenant_id: actor.tenantId })
        .select('tenant_id', 'workflow_id', 'version', 'hash', 'status', 'created_by', 'created_at')
        .orderBy('version', 'desc');
      return rows.map(toVersionSummary);
    },
  };
}
