import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyListSchema, ApiKeySchema, AuditPageSchema, CountersignError } from '@countersign/shared';
import { startTestRuntime, type TestRuntime } from '../api/api-test-harness.ts';
import { callWithKey, createKey, otherTenantAdmin } from './api-key-test-helpers.ts';
import { createApiKeysService } from './api-keys-service.ts';

let t: TestRuntime;
let admin: string;
let designer: string;
let adminB: string;

beforeAll(async () => {
  t = await startTestRuntime();
  admin = await t.login('admin@demo.test');
  designer = await t.login('designer@demo.test');
  adminB = await otherTenantAdmin(t, 'tenant-b');
});

afterAll(async () => {
  await t?.close();
});

describe('creating and listing keys', () => {
  it('shows the key once; the listing and the database hold only its prefix and hash', async () => {
    const { key, apiKey } = await createKey(t, admin, { name: 'ERP sync', roles: ['designer', 'operator'] });
    expect(key).toMatch(/^csk_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({ name: 'ERP sync', prefix: key.slice(0, 10), roles: ['designer', 'operator'], rateLimitPerMinute: 600, createdBy: 'demo-admin', lastUsedAt: null, revokedAt: null });

    const list = await t.call('GET', '/api/api-keys', { token: admin });
    expect(list.status).toBe(200);
    expect(ApiKeyListSchema.parse(list.body).items.find((item) => item.id === apiKey.id)).toEqual(apiKey);
    expect(JSON.stringify(list.body)).not.toContain(key);
    const row = await t.database.knex('api_keys').where({ id: apiKey.id }).first();
    expect(row.key_hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(key);
  });

  it('is for admins only: a designer and a key without admin are refused', async () => {
    const byDesigner = await t.call('POST', '/api/api-keys', { token: designer, json: { name: 'mine', roles: ['designer'] } });
    expect(byDesigner.status).toBe(403);
    expect(byDesigner.body.error.code).toBe('FORBIDDEN');
    expect((await t.call('GET', '/api/api-keys', { token: designer })).status).toBe(403);

    const { key } = await createKey(t, admin, { name: 'Operator key', roles: ['operator'] });
    const byKey = await callWithKey(t, key, 'POST', '/api/api-keys', { json: { name: 'escalate', roles: ['admin'] } });
    expect(byKey.status).toBe(403);
    expect(byKey.body.error.message).toContain('apikey.manage');
  });

  it('never grants a role its creator does not hold (an admin may grant any)', async () => {
    const service = createApiKeysService(t.database.knex);
    const attempt = service.create({ id: 'demo-designer', tenantId: 'demo', roles: ['designer'] }, { name: 'x', roles: ['designer', 'admin'], rateLimitPerMinute: 10 });
    await expect(attempt).rejects.toThrow(CountersignError);
    await expect(attempt).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('admin') });
    const { apiKey } = await createKey(t, admin, { name: 'All roles', roles: ['reviewer', 'approver', 'auditor', 'admin'] });
    expect(apiKey.roles).toEqual(['reviewer', 'approver', 'auditor', 'admin']);
  });

  it('answers 400 naming the field for a role outside the matrix', async () => {
    const { status, body } = await t.call('POST', '/api/api-keys', { token: admin, json: { name: 'x', roles: ['cfo'] } });
    expect(status).toBe(400);
    expect(body.error.issues[0].path).toEqual(['body', 'roles', 0]);
  });
});

describe('authenticating with a key', () => {
  it('acts as apikey:<id> with the key roles, as X-Api-Key or as a bearer token', async () => {
    const { key, apiKey } = await createKey(t, admin, { name: 'Run starter', roles: ['operator'] });
    const me = await callWithKey(t, key, 'GET', '/api/auth/me');
    expect(me).toMatchObject({ status: 200, body: { id: `apikey:${apiKey.id}`, tenantId: 'demo', email: '', name: 'Run starter', roles: ['operator'] } });
    expect((await callWithKey(t, key, 'GET', '/api/workflows', { as: 'bearer' })).status).toBe(200);
    expect((await callWithKey(t, key, 'GET', '/api/runs')).status).toBe(200);
    // workflow.write is designer/admin: refused by the permission matrix like any operator.
    const write = await callWithKey(t, key, 'POST', '/api/workflows', { json: { name: 'x', graph: { schemaVersion: 1, nodes: [], edges: [] } } });
    expect(write.status).toBe(403);
  });

  it('records when a key was last used, at most once a minute', async () => {
    const { key, apiKey } = await createKey(t, admin, { name: 'Usage', roles: ['auditor'] });
    await callWithKey(t, key, 'GET', '/api/workflows');
    const first = (await t.database.knex('api_keys').where({ id: apiKey.id }).first()).last_used_at;
    expect(first).not.toBeNull();
    await callWithKey(t, key, 'GET', '/api/workflows');
    const second = (await t.database.knex('api_keys').where({ id: apiKey.id }).first()).last_used_at;
    expect(new Date(second).getTime()).toBe(new Date(first).getTime());
  });

  it('refuses unknown, malformed and revoked keys with 401 and says why', async () => {
    const unknown = await callWithKey(t, `csk_${'A'.repeat(43)}`, 'GET', '/api/workflows');
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.message).toMatch(/^Unknown API key/);
    expect((await callWithKey(t, 'csk_short', 'GET', '/api/workflows')).status).toBe(401);
    const notAKey = await callWithKey(t, 'hello', 'GET', '/api/workflows');
    expect(notAKey.status).toBe(401);
    expect(notAKey.body.error.message).toContain('X-Api-Key takes an API key');

    const { key, apiKey } = await createKey(t, admin, { name: 'To revoke', roles: ['auditor'] });
    expect((await callWithKey(t, key, 'GET', '/api/workflows')).status).toBe(200);
    const revoked = await t.call('POST', `/api/api-keys/${apiKey.id}/revoke`, { token: admin });
    expect(revoked.status).toBe(200);
    const dto = ApiKeySchema.parse(revoked.body);
    expect(dto.revokedAt).not.toBeNull();
    // Idempotent: the first revocation stands.
    expect((await t.call('POST', `/api/api-keys/${apiKey.id}/revoke`, { token: admin })).body).toEqual(dto);
    const after = await callWithKey(t, key, 'GET', '/api/workflows', { as: 'bearer' });
    expect(after.status).toBe(401);
    expect(after.body.error).toEqual({ code: 'UNAUTHENTICATED', message: expect.stringContaining('revoked') });
  });
});

describe('tenancy', () => {
  it("another tenant's admin neither sees nor revokes a key (404)", async () => {
    const { key, apiKey } = await createKey(t, admin, { name: 'Tenant A key', roles: ['auditor'] });
    const listB = await t.call('GET', '/api/api-keys', { token: adminB });
    expect(listB.status).toBe(200);
    expect(listB.body.items.map((item: { id: string }) => item.id)).not.toContain(apiKey.id);
    const revokeB = await t.call('POST', `/api/api-keys/${apiKey.id}/revoke`, { token: adminB });
    expect(revokeB.status).toBe(404);
    expect((await callWithKey(t, key, 'GET', '/api/workflows')).status).toBe(200);
  });

  it("tenant B's key never reads tenant A's workflows, runs or audit trail", async () => {
    const graph = { schemaVersion: 1, nodes: [{ id: 'start', type: 'trigger.manual', typeVersion: 1, label: 'start', position: { x: 0, y: 0 }, config: {} }], edges: [] };
    const workflow = await t.call('POST', '/api/workflows', { token: designer, json: { name: 'Tenant A only', graph } });
    await t.call('POST', `/api/workflows/${workflow.body.id}/versions`, { token: designer });
    const run = await t.call('POST', `/api/workflows/${workflow.body.id}/runs`, { token: designer, json: { input: {}, test: true } });
    expect(run.status).toBeLessThan(300);

    const { key } = await createKey(t, adminB, { name: 'Tenant B key', roles: ['admin'] });
    const workflows = await callWithKey(t, key, 'GET', '/api/workflows');
    expect(workflows).toMatchObject({ status: 200, body: { items: [] } });
    expect((await callWithKey(t, key, 'GET', `/api/workflows/${workflow.body.id}`)).status).toBe(404);
    const runs = await callWithKey(t, key, 'GET', '/api/runs');
    expect(runs).toMatchObject({ status: 200, body: { items: [] } });
    expect((await callWithKey(t, key, 'GET', `/api/runs/${run.body.runId}`)).status).toBe(404);
    expect((await callWithKey(t, key, 'GET', `/api/runs/${run.body.runId}/events`)).status).toBe(404);
    const audit = AuditPageSchema.parse((await callWithKey(t, key, 'GET', '/api/audit')).body);
    expect(audit.items.every((event) => event.tenantId === 'tenant-b')).toBe(true);
  });
});

describe('audit', () => {
  it('records apikey.created and apikey.revoked without the key, on a chain that verifies', async () => {
    const { key, apiKey } = await createKey(t, admin, { name: 'Audited', roles: ['auditor'] });
    await t.call('POST', `/api/api-keys/${apiKey.id}/revoke`, { token: admin });
    const page = await t.call('GET', `/api/audit?targetId=${apiKey.id}`, { token: admin });
    const events = AuditPageSchema.parse(page.body).items;
    expect(events.map((event) => event.action).sort()).toEqual(['apikey.created', 'apikey.revoked']);
    expect(events.every((event) => event.actor.id === 'demo-admin' && event.target.type === 'api_key')).toBe(true);
    expect(events.find((event) => event.action === 'apikey.created')?.after).toEqual({ name: 'Audited', prefix: apiKey.prefix, roles: ['auditor'], rateLimitPerMinute: 600 });
    const hash = createHash('sha256').update(key).digest('hex');
    expect(JSON.stringify(events)).not.toContain(key);
    expect(JSON.stringify(events)).not.toContain(hash);
    expect((await t.call('GET', '/api/audit/verify', { token: admin })).body).toMatchObject({ ok: true });
  });
});
