import type { Knex } from 'knex';

/** What a request's turn at the bucket decided, with what the RateLimit headers say. */
export interface RateDecision {
  allowed: boolean;
  /** The key's requests per minute (also the burst). */
  limit: number;
  /** Whole requests left right now. */
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
  /** Seconds until the next request would be allowed (0 when this one was). */
  retryAfterSeconds: number;
}

/** Token buckets per API key. */
export interface RateLimiter {
  /** Takes one token from the key's bucket, refilled continuously at `limitPerMinute`, holding at most that many. */
  take(key: { id: string; tenantId: string }, limitPerMinute: number): Promise<RateDecision>;
}

// The tokens a bucket holds at the time of the take: refilled since the last take, at most the limit.
// A changed limit starts a fresh, full bucket at the new size.
const AVAILABLE = `CASE WHEN b.limit_per_minute <> EXCLUDED.limit_per_minute THEN EXCLUDED.limit_per_minute::float8
  ELSE LEAST(EXCLUDED.limit_per_minute::float8,
             b.tokens + GREATEST(0, EXTRACT(EPOCH FROM EXCLUDED.refilled_at - b.refilled_at)) * EXCLUDED.limit_per_minute / 60.0) END`;

// One statement per take: the row lock of the upsert serialises the takes of one key across every
// process, and the database's clock is the one clock they share.
const TAKE = `
INSERT INTO api_key_rate_buckets AS b (key_id, tenant_id, limit_per_minute, tokens, refilled_at, allowed)
VALUES (?, ?, ?, ? - 1, COALESCE(?::timestamptz, clock_timestamp()), true)
ON CONFLICT (key_id) DO UPDATE SET
  tokens = (${AVAILABLE}) - CASE WHEN (${AVAILABLE}) >= 1 THEN 1 ELSE 0 END,
  allowed = (${AVAILABLE}) >= 1,
  limit_per_minute = EXCLUDED.limit_per_minute,
  refilled_at = EXCLUDED.refilled_at
RETURNING tokens, allowed`;

/**
 * Creates a limiter whose buckets live in the database (api_key_rate_buckets), so a key's limit holds
 * across every API process. `now` replaces the database clock (tests).
 */
export function createRateLimiter(knex: Knex, now?: () => Date): RateLimiter {
  return {
    async take(key, limitPerMinute) {
      const at = now ? now().toISOString() : null;
      const result = await knex.raw<{ rows: { tokens: number; allowed: boolean }[] }>(TAKE, [key.id, key.tenantId, limitPerMinute, limitPerMinute, at]);
      const row = result.rows[0];
      if (!row) throw new Error('The rate bucket upsert returned no row');
      const tokens = Number(row.tokens);
      const perSecond = limitPerMinute / 60;
      // Whole seconds up, forgiving floating-point noise (0.95 tokens may come back as 0.94999...).
      const secondsUntil = (missing: number): number => Math.ceil(missing / perSecond - 1e-6);
      return {
        allowed: row.allowed,
        limit: limitPerMinute,
        remaining: Math.floor(tokens + 1e-9),
        resetSeconds: secondsUntil(limitPerMinute - tokens),
        retryAfterSeconds: row.allowed ? 0 : Math.max(1, secondsUntil(1 - tokens)),
      };
    },
  };
}
