import { PublicBrandingSchema, TenantBrandingSchema, type BrandingDto } from '@countersign/shared';
import type { Transport } from '../api/transport.ts';

/** White-label branding: the host's before sign-in, the tenant's after, and an admin's changes. */
export function brandingApi({ request }: Transport) {
  return {
    /** The branding of this page's host (a partner's custom domain) for the sign-in page; no token needed. */
    publicBranding: () => request('GET', '/api/public/branding', PublicBrandingSchema),
    /** The signed-in user's tenant: its effective branding (inherited from its partner) and its own fields. */
    tenantBranding: () => request('GET', '/api/branding', TenantBrandingSchema),
    /** Replaces the tenant's own branding (admins); 422 with issues per field, 409 for a domain in use. */
    updateBranding: (branding: BrandingDto) => request('PUT', '/api/branding', TenantBrandingSchema, branding),
    /** Replaces the own branding of a client tenant (a partner's admins). */
    updateClientBranding: (tenantId: string, branding: BrandingDto) => request('PUT', `/api/tenants/${encodeURIComponent(tenantId)}/branding`, TenantBrandingSchema, branding),
  };
}
