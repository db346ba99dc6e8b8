import type { Knex } from 'knex';
import { CountersignError, effectiveBranding, normalizeHost, type BrandingDto, type PublicBrandingDto, type TenantBrandingDto } from '@countersign/shared';
import type { Actor } from '../services/actor.ts';
import { readBrandingChain, readHostBranding } from './read-branding.ts';
import { saveBranding } from './save-branding.ts';
import { alsoTenants, asSystem } from '../db/tenant-scope.ts';

/** White-label branding: a tenant's own, its effective one (inherited from its partner), and a host's before sign-in. */
export interface BrandingService {
  /** The actor's tenant: what it shows and what it set itself. */
  get(actor: Actor): Promise<TenantBrandingDto>;
  /** Replaces the actor's tenant's own branding (422 for content issues, 409 for a domain of another tenant). */
  update(actor: Actor, input: BrandingDto): Promise<TenantBrandingDto>;
  /** Replaces the branding of one of the actor's partner tenant's clients (404 for any other tenant). */
  updateClient(actor: Actor, clientId: string, input: BrandingDto): Promise<TenantBrandingDto>;
  /** The branding of the tenant a Host header is mapped to (defaults when none), without ids or domains. */
  forHost(host: string | undefined): Promise<PublicBrandingDto>;
}

/** Creates the branding service. */
export function createBrandingService(knex: Knex): BrandingService {
  const view = async (tenantId: string): Promise<TenantBrandingDto> => {
    const { own, partner } = await readBrandingChain(knex, tenantId);
    return { effective: effectiveBranding(own, partner), own, inherited: effectiveBranding({}, partner) };
  };
  return {
    get: (actor) => view(actor.tenantId),

    async update(actor, input) {
      await saveBranding(knex, actor, actor.tenantId, input);
      return view(actor.tenantId);
    },

    async updateClient(actor, clientId, input) {
      // Only a client of the actor's own tenant; anything else does not exist for the actor.
      const client = await knex('tenants').where({ id: clientId, parent_id: actor.tenantId }).first<{ id: string } | undefined>('id');
      if (!client) throw new CountersignError('NOT_FOUND', 'Client tenant not found');
      // A partner admin reaches its client's branding rows here, and only here.
      return alsoTenants([client.id], async () => {
        await saveBranding(knex, actor, client.id, input);
        return view(client.id);
      });
    },

    async forHost(host) {
      // Before sign-in the host is what names the tenant: a system lookup.
      const { customDomains: _domains, ...shown } = await asSystem(() => readHostBranding(knex, host === undefined ? null : normalizeHost(host)));
      return shown;
    },
  };
}
