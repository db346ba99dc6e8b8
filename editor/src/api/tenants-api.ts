import { PartnerOverviewSchema, SwitchTenantResponseSchema, TenantSchema } from '@countersign/shared';
import type { Transport } from './transport.ts';

/** A partner's client tenants: their activity in one place, creating one, acting in one. */
export function tenantsApi({ request }: Transport) {
  const id = encodeURIComponent;
  return {
    /** Each client's runs (last 24 h, failed, running, waiting) and approval tasks (open, overdue, due within 24 h). */
    partnerOverview: async () => (await request('GET', '/api/partner/overview', PartnerOverviewSchema)).items,
    /** A new client tenant with its first admin; 409 with an issue at `body.admin.email` when the email is taken. */
    createClientTenant: (body: { name: string; admin: { email: string; name: string; password: string } }) => request('POST', '/api/tenants', TenantSchema, body),
    /** A one-hour token to act as admin in the client (recorded in the client's audit trail). */
    switchIntoClient: (tenantId: string) => request('POST', `/api/tenants/${id(tenantId)}/switch`, SwitchTenantResponseSchema),
  };
}
