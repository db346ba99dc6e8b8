import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, ServerToClientEvents } from '@countersign/shared';
import { startTestRuntime, type TestRuntime } from '../api/api-test-harness.ts';
import { callWithKey, createKey } from './api-key-test-helpers.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let t: TestRuntime;
let admin: string;
const clients: Client[] = [];

beforeAll(async () => {
  t = await startTestRuntime();
  admin = await t.login('admin@demo.test');
});

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await t?.close();
});

/** Connects with a handshake `auth` payload; resolves with the client, or rejects with the connect error. */
function connectWith(auth: Record<string, string>): Promise<Client> {
  const socket: Client = connect(t.baseUrl, { transports: ['websocket'], reconnection: false, forceNew: true, auth });
  clients.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

describe('rate limits per key', () => {
  it('allows the burst with RateLimit headers, then answers 429 RATE_LIMITED with Retry-After', async () => {
    const { key } = await createKey(t, admin, { name: 'Slow partner', roles: ['auditor'], rateLimitPerMinute: 3 });
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const { status, headers } = await callWithKey(t, key, 'GET', '/api/workflows');
      expect(status).toBe(200);
      expect(headers.get('ratelimit-limit')).toBe('3');
      remaining.push(headers.get('ratelimit-remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);

    const limited = await callWithKey(t, key, 'GET', '/api/workflows');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(20);
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    // Refused by role costs a token too, and is refused as limited first.
    expect((await callWithKey(t, key, 'POST', '/api/api-keys', { json: { name: 'x', roles: ['auditor'] } })).status).toBe(429);

    // Another key of the same tenant, and signed-in users, have their own allowance.
    const other = await createKey(t, admin, { name: 'Other partner', roles: ['auditor'], rateLimitPerMinute: 3 });
    expect((await callWithKey(t, other.key, 'GET', '/api/workflows')).status).toBe(200);
    const response = await fetch(`${t.baseUrl}/api/workflows`, { headers: { authorization: `Bearer ${admin}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('ratelimit-limit')).toBeNull();
  });
});

describe('socket.io with an API key', () => {
  it('connects with auth.apiKey or auth.token and subscribes to a run of its tenant', async () => {
    const designer = await t.login('designer@demo.test');
    const graph = { schemaVersion: 1, nodes: [{ id: 'start', type: 'trigger.manual', typeVersion: 1, label: 'start', position: { x: 0, y: 0 }, config: {} }], edges: [] };
    const workflow = await t.call('POST', '/api/workflows', { token: designer, json: { name: 'Socket key', graph } });
    await t.call('POST', `/api/workflows/${workflow.body.id}/versions`, { token: designer });
    const run = await t.call('POST', `/api/workflows/${workflow.body.id}/runs`, { token: designer, json: { input: {}, test: true } });

    const { key } = await createKey(t, admin, { name: 'Live feed', roles: ['operator'] });
    const byApiKey = await connectWith({ apiKey: key });
    expect(await byApiKey.emitWithAck('run:subscribe', { runId: run.body.runId })).toEqual({ ok: true });
    const byToken = await connectWith({ token: key });
    expect(await byToken.emitWithAck('run:subscribe', { runId: 'no-such-run' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a revoked or unknown key at the handshake', async () => {
    const { key, apiKey } = await createKey(t, admin, { name: 'Gone', roles: ['operator'] });
    await t.call('POST', `/api/api-keys/${apiKey.id}/revoke`, { token: admin });
    await expect(connectWith({ apiKey: key })).rejects.toThrow('UNAUTHENTICATED');
    await expect(connectWith({ apiKey: `csk_${'B'.repeat(43)}` })).rejects.toThrow('UNAUTHENTICATED');
  });
});
