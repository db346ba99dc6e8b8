import type { Knex } from 'knex';
import { CountersignError, type UserDto } from '@countersign/shared';
import { apiKeyActorId, keyRoles, type ApiKeyRow } from './api-key-rows.ts';
import { hashApiKey, isWellFormedApiKey } from './api-key-secret.ts';

/** The caller a valid key stands for, with what its rate limit needs. */
export interface VerifiedApiKey {
  /** `{ id: 'apikey:<id>', tenantId, email: '', name: <key name>, roles: <key roles> }`. */
  user: UserDto;
  keyId: string;
  rateLimitPerMinute: number;
}

/** Resolves API keys to the caller they stand for. */
export interface ApiKeyVerifier {
  /** The caller of a key (401 UNAUTHENTICATED when it is unknown or revoked). */
  verify(key: string, now?: Date): Promise<VerifiedApiKey>;
}

/** `last_used_at` is written at most this often per key, not on every request. */
const LAST_USED_EVERY_MS = 60_000;

const UNKNOWN = 'Unknown API key: check it was copied whole (a key is shown once, when it is created)';
const REVOKED = 'This API key has been revoked: ask an admin of your tenant for a new one';

/** Creates the verifier: one indexed read per request, so a revocation takes effect at once in every process. */
export function createApiKeyVerifier(knex: Knex): ApiKeyVerifier {
  return {
    async verify(key, now = new Date()) {
      // Finds the tenant from the key itself, so it reads across tenants.
      const row = isWellFormedApiKey(key) ? await knex('api_keys').where({ key_hash: hashApiKey(key) }).first<ApiKeyRow | undefined>() : undefined;
      if (!row) throw new CountersignError('UNAUTHENTICATED', UNKNOWN);
      if (row.revoked_at !== null) throw new CountersignError('UNAUTHENTICATED', REVOKED);
      const lastUsed = row.last_used_at === null ? undefined : new Date(row.last_used_at).getTime();
      if (lastUsed === undefined || now.getTime() - lastUsed >= LAST_USED_EVERY_MS) {
        // Conditional, so concurrent requests (or processes) that all saw a stale value write once.
        const staleBefore = new Date(now.getTime() - LAST_USED_EVERY_MS);
        await knex('api_keys')
          .where({ id: row.id })
          .andWhere((q) => q.whereNull('last_used_at').orWhere('last_used_at', '<=', staleBefore))
          .update({ last_used_at: now });
      }
      return {
        user: { id: apiKeyActorId(row.id), tenantId: row.tenant_id, email: '', name: row.name, roles: keyRoles(row) },
        keyId: row.id,
        rateLimitPerMinute: Number(row.rate_limit_per_minute),
      };
    },
  };
}
