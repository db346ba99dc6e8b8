import type { Knex } from 'knex';
import { TemplateParametersSchema, type TemplateAudienceDto, type TemplateDetailDto, type TemplateDto } from '@countersign/shared';
import { readStoredGraph } from '../services/graph-rules.ts';
import { iso } from '../services/row-values.ts';

/** A template joined with one of its versions (see {@link selectTemplateVersions}). */
export interface TemplateRow {
  id: string;
  tenant_id: string;
  name: string;
  description: string;
  category: string;
  audience: unknown;
  latest_version: number;
  version: number;
  source_workflow_id: string;
  source_version: number;
  source_hash: string;
  parameters: unknown;
  graph?: unknown;
  published_by: string;
  published_at: Date | string;
}

const COLUMNS = [
  't.id', 't.tenant_id', 't.name', 't.description', 't.category', 't.audience', 't.latest_version',
  'v.version', 'v.source_workflow_id', 'v.source_version', 'v.source_hash', 'v.parameters', 'v.published_by', 'v.published_at',
];

/** Templates with their latest version (or, with `version`, that version), with the graph when asked. */
export function selectTemplateVersions(db: Knex, options: { withGraph: boolean; version?: number }): Knex.QueryBuilder {
  return db({ t: 'templates' })
    .join({ v: 'template_versions' }, function joinVersion() {
      this.on('v.template_id', '=', 't.id');
      if (options.version === undefined) this.andOn('v.version', '=', 't.latest_version');
    })
    .modify((query) => {
      if (options.version !== undefined) query.where('v.version', options.version);
    })
    .select(options.withGraph ? [...COLUMNS, 'v.graph'] : COLUMNS);
}

/** The stored audience: 'all' or a list of client tenant ids. */
export function readAudience(raw: unknown): TemplateAudienceDto {
  return Array.isArray(raw) ? raw.filter((id): id is string => typeof id === 'string') : 'all';
}

/**
 * A template as the API shows it. `viewerClientId` is set when a client looks: it sees `all` or only
 * itself in the audience, never which other clients of the partner the template went to.
 */
export function toTemplate(row: TemplateRow, viewerClientId: string | null): TemplateDto {
  const audience = readAudience(row.audience);
  return {
    id: row.id,
    partnerTenantId: row.tenant_id,
    name: row.name,
    description: row.description,
    category: row.category,
    version: Number(row.version),
    sourceWorkflowId: row.source_workflow_id,
    sourceVersion: Number(row.source_version),
    sourceHash: row.source_hash,
    parameters: TemplateParametersSchema.parse(row.parameters),
    audience: viewerClientId === null || audience === 'all' ? audience : [viewerClientId],
    publishedBy: row.published_by,
    publishedAt: iso(row.published_at),
  };
}

/** A template with its graph. */
export function toTemplateDetail(row: TemplateRow, viewerClientId: string | null): TemplateDetailDto {
  return { ...toTemplate(row, viewerClientId), graph: readStoredGraph(row.graph) };
}
