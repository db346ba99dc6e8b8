import { z } from 'zod';
import { ROLES } from './permissions.ts';

/** An API key as listed: never the key itself (only its prefix, to recognise it). */
export const ApiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The first characters of the key, e.g. `csk_3f9a1c`. */
  prefix: z.string(),
  roles: z.array(z.enum(ROLES)),
  /** Requests per minute this key may make. */
  rateLimitPerMinute: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

/** `POST /api/api-keys` (admin): a key for server-to-server calls, scoped to roles. */
export const CreateApiKeyRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  roles: z.array(z.enum(ROLES)).min(1),
  rateLimitPerMinute: z.number().int().min(1).max(100_000).default(600),
});

/** `POST /api/api-keys` response: the key is shown this once (it is stored hashed). */
export const CreatedApiKeySchema = z.object({ key: z.string(), apiKey: ApiKeySchema });

/** `GET /api/api-keys`. */
export const ApiKeyListSchema = z.object({ items: z.array(ApiKeySchema) });

export type ApiKeyDto = z.output<typeof ApiKeySchema>;
export type CreateApiKeyRequest = z.output<typeof CreateApiKeyRequestSchema>;
