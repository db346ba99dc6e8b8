import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartnerOverviewSchema, TenantSchema } from '@countersign/shared';
import { startTestRuntime, type TestRuntime } from '../api/api-test-harness.ts';

let t: TestRuntime;
let partner: string;
beforeAll(async () => {
  t = await startTestRuntime();
  partner = await t.login('partner@demo.test');
}, 60_000);
afterAll(async () => t?.close());

describe('partner and client tenants', () => {
  it("lists the partner's clients and creates a new one with its first admin, who sees only their own tenant", async () => {
    const listed = await t.call('GET', '/api/tenants', { token: partner });
    expect(listed.body.items.map((x: { id: string }) => x.id)).toEqual(['demo']);
    const created = await t.call('POST', '/api/tenants', { token: partner, json: { name: 'Acme Corp', admin: { email: 'Admin@Acme.test', name: 'Acme Admin', password: 'a-long-password-1' } } });
    expect(created.status).toBe(201);
    expect(TenantSchema.parse(created.body)).toMatchObject({ name: 'Acme Corp', kind: 'client', parentId: 'demo-partner' });
    const duplicate = await t.call('POST', '/api/tenants', { token: partner, json: { name: 'Again', admin: { email: 'admin@acme.test', name: 'X', password: 'a-long-password-1' } } });
    expect(duplicate.status).toBe(409);

    const acme = await t.login('admin@acme.test', 'a-long-password-1');
    expect((await t.call('GET', '/api/workflows', { token: acme })).body.items).toEqual([]);
    expect((await t.call('GET', '/api/workflows/ap-invoice-intake', { token: acme })).status).toBe(404);
    // A client admin is not a partner: no clients, no switching.
    expect((await t.call('GET', '/api/tenants', { token: acme })).status).toBe(403);
    expect((await t.call('POST', '/api/tenants/demo/switch', { token: acme })).status).toBe(403);
  });

  it("switches a partner admin into a client (as admin there, recorded in the client's audit trail) and never into another partner's client", async () => {
    const switched = await t.call('POST', '/api/tenants/demo/switch', { token: partner });
    expect(switched.status).toBe(200);
    const inDemo = switched.body.token as string;
    const me = await t.call('GET', '/api/auth/me', { token: inDemo });
    expect(me.body).toMatchObject({ id: 'demo-partner-admin', tenantId: 'demo', roles: ['admin'] });
    expect((await t.call('GET', '/api/workflows', { token: inDemo })).body.items.map((w: { id: string }) => w.id)).toContain('ap-invoice-intake');
    const audit = await t.call('GET', '/api/audit?action=tenant.switched_into', { token: await t.login('auditor@demo.test') });
    expect(audit.body.items[0]).toMatchObject({ actor: { id: 'demo-partner-admin' }, target: { type: 'tenant', id: 'demo' } });

    await t.database.knex('tenants').insert({ id: 'other-partner', name: 'Other MSP', kind: 'partner' });
    await t.database.knex('tenants').insert({ id: 'their-client', name: 'Their client', kind: 'client', parent_id: 'other-partner' });
    expect((await t.call('POST', '/api/tenants/their-client/switch', { token: partner })).status).toBe(404);
    // A switch token stops working when the client leaves the partner.
    await t.database.knex('tenants').where({ id: 'demo' }).update({ parent_id: null });
    expect((await t.call('GET', '/api/workflows', { token: inDemo })).status).toBe(401);
    await t.database.knex('tenants').where({ id: 'demo' }).update({ parent_id: 'demo-partner' });
  });

  it("shows each client's runs and approval SLAs in one place", async () => {
    const started = await t.call('POST', '/hooks/ap-invoice-intake', { json: { invoiceNumber: 'OV-1', vendor: 'Hooli', amount: 50_000, currency: 'EUR', invoiceDate: '2026-11-20', submittedBy: 'demo-operator' } });
    expect(started.status).toBe(202);
    const deadline = Date.now() + 10_000;
    let demo;
    for (;;) {
      const overview = PartnerOverviewSchema.parse((await t.call('GET', '/api/partner/overview', { token: partner })).body);
      demo = overview.items.find((x) => x.tenant.id === 'demo');
      if ((demo?.tasks.open ?? 0) > 0 || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(demo).toMatchObject({ runs: { last24h: 1, waiting: 1 }, tasks: { open: 4, overdue: 0, dueWithin24h: 0 } });
    expect(demo?.lastRunAt).not.toBeNull();
  });
});
