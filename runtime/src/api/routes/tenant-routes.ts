import { z } from 'zod';
import { CreateClientTenantRequestSchema, PartnerOverviewSchema, SwitchTenantResponseSchema, TenantListSchema, TenantSchema } from '@countersign/shared';
import type { ApiServices } from '../api-services.ts';
import { defineRoute, type Route } from '../route.ts';

const IdParams = z.object({ id: z.string().min(1).max(100) });

/** A partner's client tenants. */
export function tenantRoutes(services: ApiServices): Route[] {
  const { tenants, auth } = services;
  return [
    defineRoute({
      operationId: 'listClientTenants',
      method: 'get',
      path: '/api/tenants',
      auth: true,
      permission: 'tenant.manage',
      tag: 'tenants',
      summary: "Your partner tenant's client tenants",
      status: 200,
      response: TenantListSchema,
      handle: async ({ user }) => ({ items: await tenants.listClients(user) }),
    }),
    defineRoute({
      operationId: 'createClientTenant',
      method: 'post',
      path: '/api/tenants',
      auth: true,
      permission: 'tenant.manage',
      tag: 'tenants',
      summary: 'Create a client tenant with its first admin',
      body: CreateClientTenantRequestSchema,
      status: 201,
      response: TenantSchema,
      handle: ({ user, body }) => tenants.createClient(user, body),
    }),
    defineRoute({
      operationId: 'switchTenant',
      method: 'post',
      path: '/api/tenants/:id/switch',
      auth: true,
      permission: 'tenant.manage',
      tag: 'tenants',
      summary: 'A one-hour token to act as admin in one of your client tenants (recorded in its audit trail)',
      params: IdParams,
      status: 200,
      response: SwitchTenantResponseSchema,
      handle: async ({ user, params }) => {
        const tenant = await tenants.switchInto(user, params.id);
        return { token: await auth.issueSwitchToken(user, tenant.id), tenant };
      },
    }),
    defineRoute({
      operationId: 'partnerOverview',
      method: 'get',
      path: '/api/partner/overview',
      auth: true,
      permission: 'tenant.manage',
      tag: 'tenants',
      summary: "Each client's runs (last 24 h, failed, running, waiting) and approval SLAs (open, overdue, due within 24 h)",
      status: 200,
      response: PartnerOverviewSchema,
      handle: ({ user }) => tenants.overview(user),
    }),
  ];
}
