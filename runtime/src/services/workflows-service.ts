import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { CountersignError, hashGraph, type NodeRegistry, type VersionDto, type WorkflowDto, type WorkflowSummaryDto } from '@countersign/shared';
import { audited, auditEntry, userActor } from '../audit/audit-log.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { jsonb } from '../engine/sql/step-rows.ts';
import type { Actor } from './actor.ts';
import { readStoredGraph, requireValidGraph } from './graph-rules.ts';
import { selectWorkflows, toVersion, toVersionSummary, toWorkflow, toWorkflowSummary, VERSION_SUMMARY_COLUMNS, type VersionRow, type WorkflowRow } from './workflow-rows.ts';

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

  /** The workflow's live (published) version number; 404 for a workflow of another tenant. */
  const requireWorkflow = async (actor: Actor, id: string, db: Knex = knex): Promise<number | null> => {
    const row = await tenantDb(db, actor.tenantId).table('workflows').where({ id }).first<{ published_version: number | null } | undefined>('published_version');
    if (!row) throw notFound();
    return row.published_version;
  };
  const target = (id: string) => ({ type: 'workflow', id });

  return {
    async create(actor, input) {
      const graph = requireValidGraph(input.graph, registry);
      const id = randomUUID();
      const draftHash = await hashGraph(graph);
      await audited(knex, actor.tenantId, async (trx, record) => {
        await tenantDb(trx, actor.tenantId).insert('workflows', { id, name: input.name, description: input.description ?? null, draft: jsonb(graph), created_by: actor.id });
        record(auditEntry({ actor: userActor(actor.id), action: 'workflow.created', target: target(id), after: { name: input.name, draftHash } }));
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
      await audited(knex, actor.tenantId, async (trx, record) => {
        const tx = tenantDb(trx, actor.tenantId);
        const before = await tx.table('workflows').where({ id }).first<{ name: string; description: string | null }>('name', 'description');
        await tx.table('workflows').where({ id }).update(patch);
        record(auditEntry({ actor: userActor(actor.id), action: 'workflow.updated', target: target(id), before, after: { ...before, ...patch } }));
      });
      return get(actor, id);
    },

    async updateDraft(actor, id, raw) {
      await requireWorkflow(actor, id);
      const graph = requireValidGraph(raw, registry);
      const draftHash = await hashGraph(graph);
      await audited(knex, actor.tenantId, async (trx, record) => {
        const tx = tenantDb(trx, actor.tenantId);
        const before = await tx.table('workflows').where({ id }).first<{ draft: unknown }>('draft');
        await tx.table('workflows').where({ id }).update({ draft: jsonb(graph), draft_updated_at: trx.fn.now() });
        // Digests, not graphs: the drafts themselves are in the workflow and its versions.
        record(auditEntry({ actor: userActor(actor.id), action: 'workflow.draft_saved', target: target(id), before: { draftHash: await hashGraph(readStoredGraph(before.draft)) }, after: { draftHash } }));
      });
      return get(actor, id);
    },

    async createVersion(actor, id) {
      return audited(knex, actor.tenantId, async (trx, record) => {
        const tx = tenantDb(trx, actor.tenantId);
        // The row lock serialises concurrent snapshots of one workflow, so version numbers never collide.
        const row = await tx.table('workflows').where({ id }).forUpdate().first<{ draft: unknown } | undefined>('draft');
        if (!row) throw notFound();
        const graph = requireValidGraph(row.draft, registry);
        const hash = await hashGraph(graph);
        const latest = await tx.table('workflow_versions').where({ workflow_id: id }).max<{ max: number | null }>('version as max').first();
        const version = Number(latest?.max ?? 0) + 1;
        await tx.insert('workflow_versions', { workflow_id: id, version, hash, graph: jsonb(graph), created_by: actor.id, status: 'draft' });
        record(auditEntry({ actor: userActor(actor.id), action: 'version.created', target: { type: 'version', id: `${id}@${version}` }, after: { version, hash, status: 'draft' }, versionHash: hash }));
        return { version, hash };
      });
    },

    async getVersion(actor, id, version) {
      const live = await requireWorkflow(actor, id);
      const row = await tenantDb(knex, actor.tenantId).table('workflow_versions').where({ workflow_id: id, version }).first<VersionRow | undefined>();
      if (!row) throw new CountersignError('NOT_FOUND', `Version ${version} of this workflow does not exist`);
      return toVersion(row, live);
    },

    async listVersions(actor, id) {
      const live = await requireWorkflow(actor, id);
      const rows: VersionRow[] = await tenantDb(knex, actor.tenantId).table('workflow_versions').where({ workflow_id: id }).select(VERSION_SUMMARY_COLUMNS).orderBy('version', 'desc');
      return rows.map((row) => toVersionSummary(row, live));
    },
  };
}
