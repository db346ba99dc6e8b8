import type { Knex } from 'knex';
import { DEFAULT_BRANDING, effectiveBranding, type BrandingDto, type EffectiveBrandingDto } from '@countersign/shared';
import { tenantDb } from '../db/tenant-db.ts';
import { toBranding, type BrandingRow } from './branding-rows.ts';

/** A tenant's own branding and its partner's (null for a tenant without a partner). */
export interface BrandingChain {
  own: BrandingDto;
  partner: BrandingDto | null;
}

/** The tenant's own branding (empty when it set none). */
export async function readOwnBranding(db: Knex | Knex.Transaction, tenantId: string): Promise<BrandingDto> {
  const view = tenantDb(db, tenantId);
  const row = await view.table('tenant_branding').first<BrandingRow | undefined>();
  const domains: { host: string }[] = await view.table('branding_domains').orderBy('position').select('host');
  return toBranding(row, domains.map((d) => d.host));
}

/** The tenant's own branding and its partner's, which fills what the tenant left out. */
export async function readBrandingChain(db: Knex | Knex.Transaction, tenantId: string): Promise<BrandingChain> {
  const tenant = await db('tenants').where({ id: tenantId }).first<{ parent_id: string | null } | undefined>('parent_id');
  const own = await readOwnBranding(db, tenantId);
  // A client reads its partner's branding too: those rows carry the partner's tenant_id.
  return { own, partner: tenant?.parent_id ? await readOwnBranding(db, tenant.parent_id) : null };
}

/** The tenant's effective branding: own fields, else the partner's, else Countersign's defaults. */
export async function readEffectiveBranding(db: Knex | Knex.Transaction, tenantId: string): Promise<EffectiveBrandingDto> {
  const { own, partner } = await readBrandingChain(db, tenantId);
  return effectiveBranding(own, partner);
}

/** The effective branding of the tenant a host is mapped to, or the defaults for an unknown host. */
export async function readHostBranding(db: Knex, host: string | null): Promise<EffectiveBrandingDto> {
  // The host names the tenant, so the lookup reads every tenant's domains.
  const mapped = host === null ? undefined : await db('branding_domains').where({ host }).first<{ tenant_id: string } | undefined>('tenant_id');
  return mapped ? readEffectiveBranding(db, mapped.tenant_id) : DEFAULT_BRANDING;
}
