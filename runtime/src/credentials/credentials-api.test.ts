import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialListSchema, CredentialSchema } from '@countersign/shared';
import { startTestRuntime, type TestRuntime } from '../api/api-test-harness.ts';
import { newTenant, saveHttpWorkflow, startRecordingTarget, testRun, type RecordingTarget } from './credential-test-kit.ts';

let t: TestRuntime;
let target: RecordingTarget;
let admin: string;
let designer: string;

beforeAll(async () => {
  t = await startTestRuntime();
  target = await startRecordingTarget();
  admin = await t.login('admin@demo.test');
  designer = await t.login('designer@demo.test');
});

afterAll(async () => {
  await t?.close();
  await target?.close();
});

const create = (token: string, json: unknown) => t.call('POST', '/api/credentials', { token, json });

describe('credentials API', () => {
  it('creates (201), lists and reads metadata but never the value; 409 on a taken name', async () => {
    const created = await create(admin, { name: 'ERP token', kind: 'api_token', value: 'tok-api-1111' });
    expect(created.status).toBe(201);
    const dto = CredentialSchema.parse(created.body);
    expect(dto).toMatchObject({ name: 'ERP token', kind: 'api_token', headerName: null, createdBy: 'demo-admin', lastUsedAt: null });
    expect(JSON.stringify(created.body)).not.toContain('tok-api-1111');
    expect(created.body).not.toHaveProperty('value');

    const list = await t.call('GET', '/api/credentials', { token: designer });
    expect(list.status).toBe(200);
    expect(CredentialListSchema.parse(list.body).items.map((c) => c.name)).toContain('ERP token');
    expect(JSON.stringify(list.body)).not.toContain('tok-api-1111');
    expect((await t.call('GET', `/api/credentials/${dto.id}`, { token: designer })).body).toEqual(created.body);

    const duplicate = await create(admin, { name: 'ERP token', kind: 'api_token', value: 'other' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.message).toBe('A credential named "ERP token" already exists in this tenant');
  });

  it('lets only admins change credentials (designers read, others see nothing)', async () => {
    expect((await create(designer, { name: 'x', kind: 'api_token', value: 'v' })).status).toBe(403);
    expect((await t.call('GET', '/api/credentials', { token: await t.login('approver@demo.test') })).status).toBe(403);
    expect((await t.call('POST', '/api/credentials/rotate', { token: designer })).status).toBe(403);
  });

  it('checks that the value fits the kind', async () => {
    const bad = async (json: unknown) => (await create(admin, json)).body.error;
    expect(await bad({ name: 'b', kind: 'basic_auth', value: 'user:pass' })).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: ['body', 'value'] }] });
    expect(await bad({ name: 'h', kind: 'header', value: 'v' })).toMatchObject({ issues: [{ path: ['body', 'headerName'] }] });
    expect(await bad({ name: 'h', kind: 'header', headerName: 'Idempotency-Key', value: 'v' })).toMatchObject({ issues: [{ path: ['body', 'headerName'] }] });
    expect(await bad({ name: 't', kind: 'api_token', headerName: 'X-Key', value: 'v' })).toMatchObject({ issues: [{ path: ['body', 'headerName'] }] });
    expect((await create(admin, { name: 'b', kind: 'basic_auth', value: { username: 'u', password: 'p' } })).status).toBe(201);
  });

  it('sends the credential from a run, records its use, replaces and deletes it; each change is audited without the value', async () => {
    const { body: credential } = await create(admin, { name: 'Ledger key', kind: 'header', headerName: 'X-Api-Key', value: 'key-2222-first' });
    const workflowId = await saveHttpWorkflow(t, designer, target.url, credential.id);
    expect((await testRun(t, designer, workflowId)).status).toBe('succeeded');
    expect(target.requests.at(-1)?.['x-api-key']).toBe('key-2222-first');
    expect((await t.call('GET', `/api/credentials/${credential.id}`, { token: admin })).body.lastUsedAt).not.toBeNull();

    const replaced = await t.call('PUT', `/api/credentials/${credential.id}/value`, { token: admin, json: { value: 'key-2222-second' } });
    expect(replaced.status).toBe(200);
    expect((await testRun(t, designer, workflowId)).status).toBe('succeeded');
    expect(target.requests.at(-1)?.['x-api-key']).toBe('key-2222-second');

    expect((await t.call('DELETE', `/api/credentials/${credential.id}`, { token: admin })).status).toBe(200);
    expect((await t.call('GET', `/api/credentials/${credential.id}`, { token: admin })).status).toBe(404);
    const failed = await testRun(t, designer, workflowId);
    expect(failed.status).toBe('failed');
    expect(failed.steps.find((s: { nodeId: string }) => s.nodeId === 'call').error).toMatchObject({ code: 'NOT_FOUND', message: `No credential "${credential.id}" exists in this tenant` });

    const audit = await t.call('GET', `/api/audit?targetType=credential&targetId=${credential.id}`, { token: await t.login('auditor@demo.test') });
    const actions = (audit.body.items as { action: string; target: { id: string } }[]).filter((e) => e.target.id === credential.id).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['credential.created', 'credential.value_replaced', 'credential.deleted']));
    expect(JSON.stringify(audit.body)).not.toMatch(/key-2222/);
  });

  it('refuses to delete a credential a published version still names, saying which', async () => {
    const { body: credential } = await create(admin, { name: 'Payments key', kind: 'api_token', value: 'tok-live-4444' });
    const workflowId = await saveHttpWorkflow(t, designer, target.url, credential.id);
    await t.publish(designer, workflowId, 1);
    const refused = await t.call('DELETE', `/api/credentials/${credential.id}`, { token: admin });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/^The credential Payments key is still named by Uses .* v1 \(published\), node call/);
    expect(refused.body.error.details.uses).toEqual([{ workflowId, workflowName: `Uses ${credential.id}`, version: 1, status: 'published', nodeId: 'call' }]);
    // Still there, still usable by the live version.
    expect((await t.call('GET', `/api/credentials/${credential.id}`, { token: admin })).status).toBe(200);
  });

  it('keeps tenants apart: another tenant can neither see, change nor use a credential by its id', async () => {
    const { body: credential } = await create(admin, { name: 'Demo only', kind: 'api_token', value: 'tok-demo-3333' });
    const other = await newTenant(t, 'tenant-b');
    for (const [method, path, json] of [
      ['GET', `/api/credentials/${credential.id}`, undefined],
      ['PUT', `/api/credentials/${credential.id}/value`, { value: 'stolen' }],
      ['DELETE', `/api/credentials/${credential.id}`, undefined],
    ] as const) {
      expect((await t.call(method, path, { token: other.admin, ...(json ? { json } : {}) })).status).toBe(404);
    }
    expect((await t.call('GET', '/api/credentials', { token: other.admin })).body.items).toEqual([]);
    expect((await t.call('POST', '/api/credentials/rotate', { token: other.admin })).body).toMatchObject({ rotated: 0 });

    const before = target.requests.length;
    const workflowId = await saveHttpWorkflow(t, other.designer, target.url, credential.id);
    const run = await testRun(t, other.designer, workflowId);
    expect(run.status).toBe('failed');
    expect(run.steps.find((s: { nodeId: string }) => s.nodeId === 'call').error).toMatchObject({ code: 'NOT_FOUND' });
    expect(target.requests.length).toBe(before);
    // Names are unique per tenant only: the other tenant may have its own "Demo only".
    expect((await create(other.admin, { name: 'Demo only', kind: 'api_token', value: 'tok-b' })).status).toBe(201);
    expect((await t.call('GET', `/api/credentials/${credential.id}`, { token: admin })).body.lastUsedAt).toBeNull();
  });

  it('binds a sealed value to its tenant: a row moved to another tenant does not decrypt', async () => {
    const { body: credential } = await create(admin, { name: 'Moved', kind: 'api_token', value: 'tok-moved-4444' });
    const other = await newTenant(t, 'tenant-c');
    await t.database.knex('credentials').where({ id: credential.id }).update({ tenant_id: 'tenant-c' });
    const before = target.requests.length;
    const workflowId = await saveHttpWorkflow(t, other.designer, target.url, credential.id);
    const run = await testRun(t, other.designer, workflowId);
    expect(run.status).toBe('failed');
    const error = run.steps.find((s: { nodeId: string }) => s.nodeId === 'call').error;
    expect(error).toMatchObject({ code: 'UNAVAILABLE' });
    expect(error.message).toMatch(/cannot be decrypted .*belongs to another tenant/);
    expect(target.requests.length).toBe(before);
  });
});
