import { z } from 'zod';

/** A partner (MSP, ERP partner) owns client tenants; a standalone tenant has neither. */
export const TENANT_KINDS = ['partner', 'client', 'standalone'] as const;

/** A tenant as its admins and its partner see it. */
export const TenantSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(TENANT_KINDS),
  parentId: z.string().nullable(),
  createdAt: z.string(),
});

/** `POST /api/tenants` (admin of a partner tenant): creates a client tenant with its first admin. */
export const CreateClientTenantRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  admin: z.strictObject({ email: z.email().max(320), name: z.string().trim().min(1).max(200), password: z.string().min(12).max(1000) }),
});

/** `GET /api/tenants`: the partner's clients. */
export const TenantListSchema = z.object({ items: z.array(TenantSchema) });

/** `POST /api/tenants/:id/switch`: a token to act in the client tenant (as admin), on behalf of the partner. */
export const SwitchTenantResponseSchema = z.object({ token: z.string(), tenant: TenantSchema });

/** `GET /api/partner/overview`: each client's runs and approval SLAs in one place. */
export const PartnerOverviewSchema = z.object({
  items: z.array(
    z.object({
      tenant: TenantSchema,
      runs: z.object({ last24h: z.number().int(), failed24h: z.number().int(), running: z.number().int(), waiting: z.number().int() }),
      tasks: z.object({ open: z.number().int(), overdue: z.number().int(), dueWithin24h: z.number().int() }),
      lastRunAt: z.string().nullable(),
    }),
  ),
});

export type TenantDto = z.output<typeof TenantSchema>;
export type PartnerOverviewDto = z.output<typeof PartnerOverviewSchema>;
