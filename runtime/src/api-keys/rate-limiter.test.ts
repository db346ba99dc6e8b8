import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../api/api-test-harness.ts';
import { createRuntime, type Runtime } from '../create-runtime.ts';
import { connectDatabase, type Database } from '../db/connect.ts';
import { createLogger } from '../logging/logger.ts';
import { callWithKey, createKey } from './api-key-test-helpers.ts';
import { createRateLimiter } from './rate-limiter.ts';

describe('rate limiter (a token bucket per key, in the database)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await connectDatabase({ dataDir: ':memory:' });
    await database.knex('tenants').insert({ id: 't', name: 'Tenant' });
    await database.knex('api_keys').insert(
      ['k', 'a', 'b', 'c'].map((id) => ({ id, tenant_id: 't', name: `Key ${id}`, prefix: id, key_hash: `hash-${id}`, roles: JSON.stringify(['auditor']), rate_limit_per_minute: 3, created_by: 'test' })),
    );
  });
  afterAll(async () => database?.close());

  const at = (ms: number): (() => Date) => () => new Date(Date.UTC(2026, 0, 1) + ms);
  const key = (id: string): { id: string; tenantId: string } => ({ id, tenantId: 't' });

  it('allows a burst of the per-minute limit, then refuses until a token refills', async () => {
    let now = 0;
    const limiter = createRateLimiter(database.knex, () => at(now)());
    const burst = [];
    for (let i = 0; i < 3; i++) burst.push(await limiter.take(key('k'), 3));
    expect(burst.map((d) => [d.allowed, d.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
    ]);
    expect(await limiter.take(key('k'), 3)).toMatchObject({ allowed: false, limit: 3, remaining: 0, retryAfterSeconds: 20, resetSeconds: 60 });
    // One token every 20 s at 3 a minute.
    now = 19_000;
    expect(await limiter.take(key('k'), 3)).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    now = 20_000;
    expect(await limiter.take(key('k'), 3)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('keeps buckets apart per key and never holds more than the limit', async () => {
    let now = 0;
    const limiter = createRateLimiter(database.knex, () => at(now)());
    for (let i = 0; i < 2; i++) await limiter.take(key('a'), 2);
    expect((await limiter.take(key('a'), 2)).allowed).toBe(false);
    expect((await limiter.take(key('b'), 2)).allowed).toBe(true);
    now = 10 * 60_000;
    expect(await limiter.take(key('a'), 2)).toMatchObject({ allowed: true, remaining: 1, resetSeconds: 30 });
  });

  it('starts a fresh bucket when a key limit changes', async () => {
    const limiter = createRateLimiter(database.knex, at(0));
    await limiter.take(key('c'), 1);
    expect((await limiter.take(key('c'), 1)).allowed).toBe(false);
    expect(await limiter.take(key('c'), 5)).toMatchObject({ allowed: true, remaining: 4 });
  });
});

describe('a key served by two API processes', () => {
  let t: TestRuntime;
  let second: Runtime;
  let secondUrl: string;
  beforeAll(async () => {
    t = await startTestRuntime();
    // A second runtime (API only) on the same database, as a second process behind a load balancer.
    second = await createRuntime({ database: t.database, seed: false, role: 'api', logger: createLogger('silent') });
    const server = await second.listen(0, '127.0.0.1');
    const address = server.address();
    secondUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  it('has one limit across both: the burst spent on one is spent on the other', async () => {
    const admin = await t.login('admin@demo.test');
    const { key } = await createKey(t, admin, { name: 'Shared bucket', roles: ['auditor'], rateLimitPerMinute: 4 });
    const statuses: number[] = [];
    for (let i = 0; i < 2; i++) statuses.push((await callWithKey(t, key, 'GET', '/api/workflows')).status);
    for (let i = 0; i < 2; i++) statuses.push((await fetch(`${secondUrl}/api/workflows`, { headers: { 'x-api-key': key } })).status);
    const refusedByFirst = await callWithKey(t, key, 'GET', '/api/workflows');
    const refusedBySecond = await fetch(`${secondUrl}/api/workflows`, { headers: { 'x-api-key': key } });
    expect(statuses).toEqual([200, 200, 200, 200]);
    expect([refusedByFirst.status, refusedBySecond.status]).toEqual([429, 429]);
    // One token every 15 s at 4 a minute (less the moments the calls took).
    expect(Number(refusedBySecond.headers.get('retry-after'))).toBeGreaterThanOrEqual(14);
    expect(Number(refusedBySecond.headers.get('retry-after'))).toBeLessThanOrEqual(15);
  });
});
