import type { Knex } from 'knex';
import { CountersignError } from '@countersign/shared';
import { selectTemplateVersions, type TemplateRow } from './template-rows.ts';

/** Who looks at templates: a partner (its own), a client of a partner (what it was given), or neither. */
export type TemplateViewer = { kind: 'partner'; tenantId: string } | { kind: 'client'; tenantId: string; partnerId: string } | { kind: 'standalone'; tenantId: string };

/** The viewer a tenant is. */
export async function viewerOf(db: Knex, tenantId: string): Promise<TemplateViewer> {
  const tenant = await db('tenants').where({ id: tenantId }).first<{ kind: string; parent_id: string | null } | undefined>('kind', 'parent_id');
  if (tenant?.kind === 'partner') return { kind: 'partner', tenantId };
  if (tenant?.kind === 'client' && tenant.parent_id) return { kind: 'client', tenantId, partnerId: tenant.parent_id };
  return { kind: 'standalone', tenantId };
}

/**
 * Scopes a template query to what the viewer may see, in one place: a partner its own templates; a
 * client those of its partner published to all clients or to it; anyone else nothing.
 */
export function scopeToViewer(query: Knex.QueryBuilder, viewer: TemplateViewer): Knex.QueryBuilder {
  switch (viewer.kind) {
    case 'partner':
      return query.where('t.tenant_id', viewer.tenantId);
    case 'client':
      return query
        .where('t.tenant_id', viewer.partnerId)
        .andWhere((audience) => audience.whereRaw(`t.audience = '"all"'::jsonb`).orWhereRaw('t.audience @> ?::jsonb', [JSON.stringify([viewer.tenantId])]));
    case 'standalone':
      return query.whereRaw('false');
    default: {
      const never: never = viewer;
      throw new Error(`Unknown viewer ${JSON.stringify(never)}`);
    }
  }
}

/** The client tenant shown in a template's audience: the viewer itself when a client looks, else null (the partner sees all). */
export const audienceViewer = (viewer: TemplateViewer): string | null => (viewer.kind === 'client' ? viewer.tenantId : null);

/** The template (latest version, or `version`) if the viewer may see it; 404 otherwise, so that its existence does not leak. */
export async function requireVisibleTemplate(db: Knex, viewer: TemplateViewer, templateId: string, options: { withGraph: boolean; version?: number }): Promise<TemplateRow> {
  const row = await scopeToViewer(selectTemplateVersions(db, options), viewer).andWhere('t.id', templateId).first<TemplateRow | undefined>();
  if (!row) throw new CountersignError('NOT_FOUND', options.version === undefined ? 'Template not found' : `Version ${options.version} of this template does not exist`);
  return row;
}
