import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter.ts';

describe('rate limiter (token bucket per key)', () => {
  it('allows a burst of the per-minute limit, then refuses until a token refills', () => {
    let now = 0;
    const limiter = createRateLimiter(() => now);
    const burst = [1, 2, 3].map(() => limiter.take('k', 3));
    expect(burst.map((d) => [d.allowed, d.remaining])).toEqual([[true, 2], [true, 1], [true, 0]]);
    const refused = limiter.take('k', 3);
    expect(refused).toMatchObject({ allowed: false, limit: 3, remaining: 0, retryAfterSeconds: 20, resetSeconds: 60 });
    // One token every 20 s at 3 a minute.
    now = 19_000;
    expect(limiter.take('k', 3)).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    now = 20_000;
    expect(limiter.take('k', 3)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('keeps buckets apart per key and never holds more than the limit', () => {
    let now = 0;
    const limiter = createRateLimiter(() => now);
    for (let i = 0; i < 2; i++) limiter.take('a', 2);
    expect(limiter.take('a', 2).allowed).toBe(false);
    expect(limiter.take('b', 2).allowed).toBe(true);
    now = 10 * 60_000;
    expect(limiter.take('a', 2)).toMatchObject({ allowed: true, remaining: 1, resetSeconds: 30 });
  });

  it('starts a fresh bucket when a key limit changes', () => {
    const limiter = createRateLimiter(() => 0);
    limiter.take('k', 1);
    expect(limiter.take('k', 1).allowed).toBe(false);
    expect(limiter.take('k', 5)).toMatchObject({ allowed: true, remaining: 4 });
  });
});
