import { z } from 'zod';
import { BrandingSchema, PublicBrandingSchema, TenantBrandingSchema } from '@countersign/shared';
import type { ApiServices } from '../api-services.ts';
import { defineRoute, type Route } from '../route.ts';

const IdParams = z.object({ id: z.string().min(1).max(100) });

/** White-label branding: the tenant's (inherited from its partner), a partner's clients', and the public one of a custom domain. */
export function brandingRoutes(services: ApiServices): Route[] {
  const { branding } = services;
  return [
    defineRoute({
      operationId: 'getPublicBranding',
      method: 'get',
      path: '/api/public/branding',
      auth: false,
      tag: 'branding',
      summary: "The branding of the request's host (a tenant's custom domain) for the sign-in page; Countersign's for an unknown host. No tenant ids",
      status: 200,
      response: PublicBrandingSchema,
      handle: ({ raw }) => branding.forHost(raw.headers.host),
    }),
    defineRoute({
      operationId: 'getBranding',
      method: 'get',
      path: '/api/branding',
      auth: true,
      // Every role of the tenant reads it (the app shows it to everyone signed in).
      permission: 'workflow.read',
      tag: 'branding',
      summary: "Your tenant's effective branding (its own fields, else its partner's, else the defaults) and what it set itself",
      status: 200,
      response: TenantBrandingSchema,
      handle: ({ user }) => branding.get(user),
    }),
    defineRoute({
      operationId: 'updateBranding',
      method: 'put',
      path: '/api/branding',
      auth: true,
      permission: 'branding.manage',
      tag: 'branding',
      summary: "Replace your tenant's own branding (absent fields inherit); 422 with issues (colour, contrast, logo, links, hosts), 409 for a domain of another tenant",
      body: BrandingSchema,
      status: 200,
      response: TenantBrandingSchema,
      handle: ({ user, body }) => branding.update(user, body),
    }),
    defineRoute({
      operationId: 'updateClientBranding',
      method: 'put',
      path: '/api/tenants/:id/branding',
      auth: true,
      permission: 'branding.manage',
      tag: 'branding',
      summary: "Replace the own branding of one of your partner tenant's clients (404 for any other tenant)",
      params: IdParams,
      body: BrandingSchema,
      status: 200,
      response: TenantBrandingSchema,
      handle: ({ user, params, body }) => branding.updateClient(user, params.id, body),
    }),
  ];
}
