import { z } from 'zod';
import { CurrencyCodeSchema } from '../money/index.ts';

/** Longest delegation the API accepts, in days from its start. */
export const MAX_DELEGATION_DAYS = 365;

/** An approver's authority in one currency: the largest amount (integer minor units) they may approve. */
export const AuthorityLimitSchema = z.strictObject({
  currency: CurrencyCodeSchema,
  limit: z.number().int('Use integer minor units (cents), not a decimal amount').min(0, 'An authority limit cannot be negative').max(Number.MAX_SAFE_INTEGER),
});

/** `PUT /api/users/:id/authority-limits`: replaces all of a user's limits; one entry per currency. */
export const SetAuthorityLimitsRequestSchema = z
  .strictObject({ limits: z.array(AuthorityLimitSchema).max(200) })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.limits.forEach((entry, index) => {
      if (seen.has(entry.currency)) {
        ctx.addIssue({ code: 'custom', path: ['limits', index, 'currency'], message: `${entry.currency} appears more than once; give one limit per currency` });
      }
      seen.add(entry.currency);
    });
  });

/** A user of the tenant with roles and authority limits. */
export const UserWithAuthoritySchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  authorityLimits: z.array(AuthorityLimitSchema),
});

/** `GET /api/users`. */
export const UserListSchema = z.object({ items: z.array(UserWithAuthoritySchema) });

const Timestamp = z.iso.datetime({ offset: true });

/** A delegation of one approver's authority to another for a bounded period. */
export const DelegationSchema = z.object({
  id: z.string(),
  delegatorId: z.string(),
  delegateId: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  reason: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
  /** Whether it is in force now: started, not ended, not revoked. */
  active: z.boolean(),
});

/** `GET /api/delegations`. */
export const DelegationListSchema = z.object({ items: z.array(DelegationSchema) });

/** `GET /api/delegations?active=true|false`. */
export const DelegationListQuerySchema = z.object({
  active: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true')),
});

/**
 * `POST /api/delegations`: delegatorId defaults to the caller; endsAt is mandatory (no open-ended
 * delegation), after startsAt and within {@link MAX_DELEGATION_DAYS} of it.
 */
export const CreateDelegationRequestSchema = z.strictObject({
  delegatorId: z.string().min(1).max(100).optional(),
  delegateId: z.string().min(1).max(100),
  startsAt: Timestamp.optional(),
  endsAt: Timestamp,
  reason: z.string().trim().min(1, 'Give a reason for the delegation').max(1000),
});

export type AuthorityLimitDto = z.output<typeof AuthorityLimitSchema>;
export type UserWithAuthorityDto = z.output<typeof UserWithAuthoritySchema>;
export type DelegationDto = z.output<typeof DelegationSchema>;
export type CreateDelegationRequest = z.output<typeof CreateDelegationRequestSchema>;
