import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { startTestRuntime, type TestRuntime } from '../api/api-test-harness.ts';
import { otherTenantAdmin } from '../api-keys/api-key-test-helpers.ts';
import { createEmbedKey, embedToken, type HeldEmbedKey } from './embed-test-kit.ts';

let t: TestRuntime;
let admin: string;
let key: HeldEmbedKey;

beforeAll(async () => {
  t = await startTestRuntime();
  admin = await t.login('admin@demo.test');
  key = await createEmbedKey(t, admin);
});

afterAll(async () => {
  await t?.close();
});

const refusal = async (token: string): Promise<{ status: number; message: string }> => {
  const { status, body } = await t.call('GET', '/api/workflows', { token });
  return { status, message: String(body?.error?.message ?? '') };
};

describe('embed tokens', () => {
  it('maps a valid token to an embed user of the tenant, on every route and /api/auth/me', async () => {
    const token = await embedToken(key, { restrictions: { readOnly: false, nodeCategories: ['trigger', 'data'] } });
    const me = await t.call('GET', '/api/auth/me', { token });
    expect(me).toEqual({
      status: 200,
      body: { id: 'embed:u-1', tenantId: 'demo', name: 'Ana Host', email: 'ana@host.test', roles: ['designer'], restrictions: { readOnly: false, nodeCategories: ['trigger', 'data'] }, tenantKind: 'client' },
    });
    const list = await t.call('GET', '/api/workflows', { token });
    expect(list.status).toBe(200);
    expect(list.body.items.map((w: { id: string }) => w.id)).toContain('ap-invoice-intake');
    // Roles are the token's: a designer may not manage embed keys.
    expect((await t.call('GET', '/api/embed/keys', { token })).status).toBe(403);
  });

  it('refuses an expired token, one living over 15 minutes, a bad signature and unknown roles (401)', async () => {
    const past = new Date(Date.now() - 20 * 60_000);
    expect(await refusal(await embedToken(key, {}, past))).toEqual({ status: 401, message: expect.stringMatching(/expired/) });
    const longLived = await new SignJWT({ name: 'A', roles: ['designer'] })
      .setProtectedHeader({ alg: 'HS256', kid: key.id })
      .setIssuer('demo')
      .setSubject('u-1')
      .setExpirationTime('2h')
      .sign(new TextEncoder().encode(key.secret));
    expect(await refusal(longLived)).toEqual({ status: 401, message: expect.stringMatching(/longer than 15 minutes/) });
    expect((await refusal(await embedToken({ id: key.id, secret: 'not-the-secret' }))).status).toBe(401);
    expect((await refusal(await embedToken(key, { roles: ['superuser' as 'admin'] }))).message).toMatch(/claim roles/);
    expect((await refusal(await embedToken(key, { name: '' }))).status).toBe(401);
  });

  it("refuses an unknown kid and another tenant's kid; a tenant's own token sees only its own data", async () => {
    expect(await refusal(await embedToken({ id: 'ek_unknown', secret: key.secret }))).toEqual({ status: 401, message: expect.stringMatching(/Unknown embed key/) });
    const keyB = await createEmbedKey(t, await otherTenantAdmin(t, 'tenant-b'), 'B portal');
    // B's key used for tenant demo (iss) is not a key of demo, whatever the signature.
    expect((await refusal(await embedToken(keyB))).message).toMatch(/Unknown embed key/);
    const asB = await embedToken(keyB, { tenantId: 'tenant-b', roles: ['admin'] });
    const listB = await t.call('GET', '/api/workflows', { token: asB });
    expect(listB.status).toBe(200);
    expect(JSON.stringify(listB.body)).not.toContain('ap-invoice-intake');
    expect((await t.call('GET', '/api/workflows/ap-invoice-intake', { token: asB })).status).toBe(404);
    expect((await t.call('POST', `/api/embed/keys/${key.id}/revoke`, { token: asB })).status).toBe(404);
  });

  it('refuses tokens of a revoked key from the next request, and the key is listed as revoked', async () => {
    const doomed = await createEmbedKey(t, admin, 'Doomed');
    const token = await embedToken(doomed);
    expect((await refusal(token)).status).toBe(200);
    const revoked = await t.call('POST', `/api/embed/keys/${doomed.id}/revoke`, { token: admin });
    expect(revoked.body).toMatchObject({ id: doomed.id, revokedAt: expect.any(String) });
    expect(await refusal(token)).toEqual({ status: 401, message: expect.stringMatching(/revoked/) });
  });

  it('keeps sign-in tokens and API keys working beside embed tokens', async () => {
    expect((await t.call('GET', '/api/auth/me', { token: admin })).body).toEqual({ id: 'demo-admin', tenantId: 'demo', email: 'admin@demo.test', name: 'Demo Admin', roles: ['admin'], tenantKind: 'client' });
    const apiKey = (await t.call('POST', '/api/api-keys', { token: admin, json: { name: 'k', roles: ['auditor'] } })).body.key as string;
    expect((await t.call('GET', '/api/workflows', { headers: { 'x-api-key': apiKey } })).status).toBe(200);
  });

  it('authenticates the run socket with an embed token, and refuses an expired one', async () => {
    const started = await t.call('POST', '/api/workflows/ap-invoice-intake/runs', { token: await embedToken(key), json: { input: { invoiceNumber: 'E-1', vendor: 'Acme', amount: 100, currency: 'EUR', invoiceDate: '2026-01-02', submittedBy: 'u-1' }, test: true } });
    expect(started.status).toBe(202);
    const subscribe = async (token: string): Promise<unknown> => {
      const socket = io(t.baseUrl, { auth: { token }, transports: ['websocket'], reconnection: false });
      try {
        const connected = await new Promise<boolean>((resolve) => {
          socket.once('connect', () => resolve(true));
          socket.once('connect_error', () => resolve(false));
        });
        return connected ? await socket.timeout(5_000).emitWithAck('run:subscribe', { runId: started.body.runId }) : 'refused';
      } finally {
        socket.close();
      }
    };
    expect(await subscribe(await embedToken(key))).toMatchObject({ ok: true });
    expect(await subscribe(await embedToken(key, {}, new Date(Date.now() - 20 * 60_000)))).toBe('refused');
  });
});
