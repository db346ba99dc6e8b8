import type { Knex } from 'knex';
import { LintFindingSchema, type VersionDto, type WorkflowDto, type WorkflowSummaryDto } from '@countersign/shared';
import { tenantDb } from '../db/tenant-db.ts';
import { readStoredGraph } from './graph-rules.ts';
import { iso, isoOrNull } from './row-values.ts';

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
  published_version: number | null;
  last_run_status: string | null;
}

/** A workflow_versions row. */
export interface VersionRow {
  tenant_id: string;
  workflow_id: string;
  version: number;
  hash: string;
  graph?: unknown;
  status: VersionDto['status'];
  created_by: string;
  created_at: Date | string;
  submitted_by: string | null;
  submitted_at: Date | string | null;
  reviewed_by: string | null;
  reviewed_at: Date | string | null;
  review_comment: string | null;
  published_by: string | null;
  published_at: Date | string | null;
  lint: unknown;
}

/** Every column of a version row but the graph. */
export const VERSION_SUMMARY_COLUMNS = [
  'tenant_id', 'workflow_id', 'version', 'hash', 'status', 'created_by', 'created_at', 'submitted_by', 'submitted_at',
  'reviewed_by', 'reviewed_at', 'review_comment', 'published_by', 'published_at', 'lint',
];

/** Workflows of a tenant with their latest version number and the status of their newest run. */
export function selectWorkflows(knex: Knex, tenantId: string, withDraft: boolean): Knex.QueryBuilder {
  const db = tenantDb(knex, tenantId);
  const columns = ['w.id', 'w.tenant_id', 'w.name', 'w.description', 'w.draft_updated_at', 'w.created_at', 'w.created_by', 'w.published_version'];
  return db
    .table('workflows as w')
    .select(withDraft ? [...columns, 'w.draft'] : columns)
    .select(
      db.table('workflow_versions as v').max('v.version').andWhereRaw('v.workflow_id = w.id').as('latest_version'),
      db
        .table('runs as r')
        .select('r.status')
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
    publishedVersion: row.published_version ?? null,
    lastRunStatus: row.last_run_status,
  };
}

/** A workflow with its draft. */
export function toWorkflow(row: WorkflowRow): WorkflowDto {
  return { ...toWorkflowSummary(row), draft: readStoredGraph(row.draft) };
}

/** A version without its graph; `liveVersion` is the workflow's published version. */
export function toVersionSummary(row: VersionRow, liveVersion: number | null): Omit<VersionDto, 'graph'> {
  const lint = LintFindingSchema.array().safeParse(row.lint);
  return {
    workflowId: row.workflow_id,
    version: row.version,
    hash: row.hash,
    status: row.status,
    createdAt: iso(row.created_at),
    createdBy: row.created_by,
    submittedBy: row.submitted_by,
    submittedAt: isoOrNull(row.submitted_at),
    reviewedBy: row.reviewed_by,
    reviewedAt: isoOrNull(row.reviewed_at),
    reviewComment: row.review_comment,
    publishedBy: row.published_by,
    publishedAt: isoOrNull(row.published_at),
    live: liveVersion !== null && row.version === liveVersion,
    lint: lint.success ? lint.data : [],
  };
}

/** A version with its graph. */
export function toVersion(row: VersionRow, liveVersion: number | null): VersionDto {
  return { ...toVersionSummary(row, liveVersion), graph: readStoredGraph(row.graph) };
}
