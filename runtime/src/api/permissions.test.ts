import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from './api-test-harness.ts';
import { createRouteTable } from './route-table.ts';
import type { ApiServices } from './api-services.ts';

const graph = {
  schemaVersion: 1,
  nodes: [
    { id: 'start', type: 'trigger.manual', typeVersion: 1, label: 'Start', position: { x: 0, y: 0 }, config: {} },
    { id: 'mark', type: 'data.set', typeVersion: 1, label: 'Mark', position: { x: 200, y: 0 }, config: { fields: { seen: true } } },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'mark' }],
};

let t: TestRuntime;

beforeAll(async () => {
  t = await startTestRuntime();
});

afterAll(async () => {
  await t?.close();
});

describe('permissions', () => {
  it('names a permission on every authenticated route but the current-user one (new routes cannot forget it)', () => {
    const routes = createRouteTable(new Proxy({}, { get: () => ({}) }) as ApiServices);
    const unguarded = routes.filter((route) => route.auth && route.permission === undefined).map((route) => route.operationId);
    expect(unguarded).toEqual(['getCurrentUser']);
  });

  it('lets every role read but only designers and admins change workflows', async () => {
    const designer = await t.login('designer@demo.test');
    const approver = await t.login('approver@demo.test');
    const auditor = await t.login('auditor@demo.test');
    const created = await t.call('POST', '/api/workflows', { token: designer, json: { name: 'Guarded', graph } });
    expect(created.status).toBe(201);
    const id: string = created.body.id;

    const refused = await t.call('POST', '/api/workflows', { token: approver, json: { name: 'Mine', graph } });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'FORBIDDEN' });
    expect(refused.body.error.message).toMatch(/approver.*workflow\.write.*designer, admin/);
    expect((await t.call('PUT', `/api/workflows/${id}/draft`, { token: auditor, json: { graph } })).status).toBe(403);
    expect((await t.call('POST', `/api/workflows/${id}/versions`, { token: approver })).status).toBe(403);

    expect((await t.call('PATCH', `/api/workflows/${id}`, { token: approver, json: { name: 'Hijacked' } })).status).toBe(403);
    const renamed = await t.call('PATCH', `/api/workflows/${id}`, { token: designer, json: { name: 'Guarded invoices', description: 'Renamed' } });
    expect(renamed.body).toMatchObject({ name: 'Guarded invoices', description: 'Renamed' });
    expect((await t.call('PATCH', `/api/workflows/${id}`, { token: designer, json: {} })).status).toBe(400);
    expect((await t.call('PATCH', `/api/workflows/${id}`, { token: designer, json: { name: '   ' } })).status).toBe(400);
    expect((await t.call('GET', '/api/workflows', { token: approver })).status).toBe(200);
    expect((await t.call('GET', `/api/workflows/${id}`, { token: auditor })).status).toBe(200);
  });

  it('refuses to start runs for an auditor, lets an admin start one, and lets the auditor read it', async () => {
    const designer = await t.login('designer@demo.test');
    const admin = await t.login('admin@demo.test');
    const auditor = await t.login('auditor@demo.test');
    const created = await t.call('POST', '/api/workflows', { token: designer, json: { name: 'Runnable', graph } });
    await t.call('POST', `/api/workflows/${created.body.id}/versions`, { token: designer });
    expect((await t.call('POST', `/api/workflows/${created.body.id}/runs`, { token: auditor, json: { input: {}, test: true } })).status).toBe(403);
    const started = await t.call('POST', `/api/workflows/${created.body.id}/runs`, { token: admin, json: { input: {}, test: true } });
    expect(started.status).toBe(202);
    expect((await t.waitForRun(auditor, started.body.runId)).status).toBe('succeeded');
  });
});
