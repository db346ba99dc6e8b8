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
  take(keyId: string, limitPerMinute: number): RateDecision;
}

interface Bucket {
  tokens: number;
  limit: number;
  at: number;
}

/** Idle buckets are dropped once there are this many (a full bucket is the same as none). */
const SWEEP_AT = 10_000;

/**
 * Creates an in-memory limiter. Limits are per process: with N API processes behind a load balancer
 * a key may make up to N times its limit. A shared store (e.g. Redis) is a later step.
 */
export function createRateLimiter(now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, Bucket>();

  const sweep = (t: number): void => {
    for (const [keyId, bucket] of buckets) if (t - bucket.at >= 60_000) buckets.delete(keyId);
  };

  return {
    take(keyId, limitPerMinute) {
      const t = now();
      const perMs = limitPerMinute / 60_000;
      const existing = buckets.get(keyId);
      // A changed limit starts a fresh bucket at the new size.
      const bucket = existing && existing.limit === limitPerMinute ? existing : { tokens: limitPerMinute, limit: limitPerMinute, at: t };
      bucket.tokens = Math.min(limitPerMinute, bucket.tokens + Math.max(0, t - bucket.at) * perMs);
      bucket.at = t;
      const allowed = bucket.tokens >= 1;
      if (allowed) bucket.tokens -= 1;
      if (!existing || existing !== bucket) {
        if (buckets.size >= SWEEP_AT) sweep(t);
        buckets.set(keyId, bucket);
      }
      return {
        allowed,
        limit: limitPerMinute,
        remaining: Math.floor(bucket.tokens),
        resetSeconds: Math.ceil((limitPerMinute - bucket.tokens) / perMs / 1000),
        retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)),
      };
    },
  };
}
