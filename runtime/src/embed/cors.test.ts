import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../config/env.ts';
import { createRuntime, type Runtime } from '../create-runtime.ts';
import { connectDatabase } from '../db/connect.ts';
import { createLogger } from '../logging/logger.ts';

// A partner app on its own domain loads the script-tag editor, which calls the API on the runtime's.
describe('the API called from a partner app on another origin', () => {
  const PORTAL = 'https://portal.partner.test';
  let runtime: Runtime;
  let base: string;
  beforeAll(async () => {
    runtime = await createRuntime({ database: await connectDatabase({ dataDir: ':memory:' }), seed: false, corsOrigins: [PORTAL], logger: createLogger('silent') });
    const server = await runtime.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => runtime?.close());

  it('answers the preflight of a listed origin, with the headers the API reads', async () => {
    const preflight = await fetch(`${base}/api/workflows`, {
      method: 'OPTIONS',
      headers: { origin: PORTAL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('lets a listed origin read answers and their request id, and gives any other origin no permission', async () => {
    const listed = await fetch(`${base}/api/auth/me`, { headers: { origin: PORTAL } });
    expect(listed.status).toBe(401);
    expect(listed.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(listed.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
    const other = await fetch(`${base}/api/auth/me`, { headers: { origin: 'https://elsewhere.test' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('reads the origins from COUNTERSIGN_CORS_ORIGINS and refuses a URL with a path', () => {
    expect(loadEnv({ COUNTERSIGN_CORS_ORIGINS: 'https://Portal.partner.test, http://localhost:4000' }).COUNTERSIGN_CORS_ORIGINS).toEqual([
      'https://portal.partner.test',
      'http://localhost:4000',
    ]);
    expect(loadEnv({}).COUNTERSIGN_CORS_ORIGINS).toBeUndefined();
    expect(() => loadEnv({ COUNTERSIGN_CORS_ORIGINS: 'https://portal.partner.test/app' })).toThrow(/COUNTERSIGN_CORS_ORIGINS: entry 1 \(https:\/\/portal.partner.test\/app\) must be an origin/);
  });
});
