import type { Knex } from 'knex';
import type { VersionDto, WorkflowDto, WorkflowSummaryDto } from '@countersign/shared';
import { readStoredGraph } from './graph-rules.ts';
import { iso } from './row-values.ts';

/** A workflows row with the two derived columns of {@link selectWorkflows}. */
export interface WorkflowRow {
  id: string;
  tenant_id: string;
  name: string;
  description: string | null;
  draft?: unknown;
  draft_updated_at: Date | string;
  created_at: Date | string;
  created_by: string;
  latest_version: number | null;
  last_run_status: string | null;
}

/** A workflow_versions row. */
export interface VersionRow {
  tenant_id: string;
  workflow_id: string;
  version: number;
  hash: string;
  graph?: unknown;
  status: string;
  created_by: string;
  created_at: Date | string;
}

/** Workflows of a tenant with their latest version number and the status of their newest run. */
export function selectWorkflows(knex: Knex, tenantId: string, withDraft: boolean): Knex.QueryBuilder {
  const columns = ['w.id', 'w.tenant_id', 'w.name', 'w.description', 'w.draft_updated_at', 'w.created_at', 'w.created_by'];
  return knex({ w: 'workflows' })
    .where('w.tenant_id', tenantId)
    .select(withDraft ? [...columns, 'w.draft'] : columns)
    .select(
      knex('workflow_versions as v').max('v.version').where('v.tenant_id', tenantId).andWhereRaw('v.workflow_id = w.id').as('latest_version'),
      knex('runs as r')
        .select('r.status')
        .where('r.tenant_id', tenantId)
        .andWhereRaw('r.workflow_id = w.id')
        .orderBy([{ column: 'r.created_at', order: 'desc' }, { column: 'r.id', order: 'desc' }])
        .limit(1)
        .as('last_run_status'),
    );
}

/** A listed workflow. */
export function toWorkflowSummary(row: WorkflowRow): WorkflowSummaryDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    draftUpdatedAt: iso(row.draft_updated_at),
    createdAt: iso(row.created_at),
    createdBy: row.created_by,
    latestVersion: row.latest_version === null ? null : Number(row.latest_version),
    lastRunStatus: row.last_run_status,
  };
}

/** A workflow with its draft. */
export function toWorkflow(row: WorkflowRow): WorkflowDto {
  return { ...toWorkflowSummary(row), draft: readStoredGraph(row.draft) };
}

/** A version without its graph. */
export function toVersionSummary(row: VersionRow): Omit<VersionDto, 'graph'> {
  return {
    workflowId: row.workflow_id,
    version: row.version,
    hash: row.hash,
    status: row.status,
    createdAt: iso(row.created_at),
    createdBy: row.created_by,
  };
}

/** A version with its graph. */
export function toVersion(row: VersionRow): VersionDto {
  return { ...toVersionSummary(row), graph: readStoredGraph(row.graph) };
}
