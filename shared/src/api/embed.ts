import { z } from 'zod';
import { ROLES } from './permissions.ts';

/** What a partner may restrict an embedded session to (claim `restrictions` of an embed token). */
export const EmbedRestrictionsSchema = z.strictObject({
  /** Read everything, change nothing: every mutating route answers 403. */
  readOnly: z.boolean().optional(),
  /** Node categories the session may add or change (e.g. `['trigger', 'flow', 'data', 'approval']`). */
  nodeCategories: z.array(z.string().min(1).max(50)).max(50).optional(),
});

/**
 * The claims of an embed token, a JWT (HS256) the partner's server signs with an embed key of the
 * tenant: header `kid` = the key's id; `iss` = the tenant id; `sub` = the host app's user id.
 */
export const EmbedTokenClaimsSchema = z.object({
  iss: z.string().min(1).max(100),
  sub: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(200),
  email: z.string().max(320).optional(),
  roles: z.array(z.enum(ROLES)).min(1),
  exp: z.number().int(),
  iat: z.number().int().optional(),
  restrictions: EmbedRestrictionsSchema.optional(),
});

/** An embed signing key as listed: never its secret. */
export const EmbedKeySchema = z.object({
  /** The `kid` header of the tokens it signs. */
  id: z.string(),
  name: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

/** `POST /api/embed/keys` (admin). */
export const CreateEmbedKeyRequestSchema = z.strictObject({ name: z.string().trim().min(1).max(200) });

/** `POST /api/embed/keys` response: the HS256 secret (its UTF-8 bytes are the key) is shown this once. */
export const CreatedEmbedKeySchema = z.object({ id: z.string(), secret: z.string(), embedKey: EmbedKeySchema });

/** `GET /api/embed/keys`. */
export const EmbedKeyListSchema = z.object({ items: z.array(EmbedKeySchema) });

/** The longest an embed token may live: `exp` at most this far ahead (seconds). */
export const EMBED_TOKEN_MAX_SECONDS = 15 * 60;

/** Restrictions of an embedded session. */
export type EmbedRestrictions = z.output<typeof EmbedRestrictionsSchema>;
/** Verified claims of an embed token. */
export type EmbedTokenClaims = z.output<typeof EmbedTokenClaimsSchema>;
/** An embed key as listed. */
export type EmbedKeyDto = z.output<typeof EmbedKeySchema>;
/** `POST /api/embed/keys` body. */
export type CreateEmbedKeyRequest = z.output<typeof CreateEmbedKeyRequestSchema>;
