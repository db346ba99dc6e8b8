import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DelegationSchema, UserListSchema } from '@countersign/shared';
import { startTestRuntime, type TestRuntime } from './api-test-harness.ts';

let t: TestRuntime;
let admin: string;
let approver: string;
let approver2: string;
let designer: string;

const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();

beforeAll(async () => {
  t = await startTestRuntime();
  // The seed has a second approver (demo-approver-2).
  admin = await t.login('admin@demo.test');
  approver = await t.login('approver@demo.test');
  approver2 = await t.login('approver2@demo.test');
  designer = await t.login('designer@demo.test');
});

afterAll(async () => {
  await t?.close();
});

describe('authority limits', () => {
  it('are set by an admin and read back by any role in minor units', async () => {
    const put = await t.call('PUT', '/api/users/demo-approver/authority-limits', { token: admin, json: { limits: [{ currency: 'EUR', limit: 5_000_000 }, { currency: 'JPY', limit: 1_000_000 }] } });
    expect(put.status).toBe(200);
    expect(put.body.authorityLimits).toEqual([{ currency: 'EUR', limit: 5_000_000 }, { currency: 'JPY', limit: 1_000_000 }]);

    const list = await t.call('GET', '/api/users', { token: designer });
    expect(list.status).toBe(200);
    const users = UserListSchema.parse(list.body).items;
    expect(users.find((u) => u.id === 'demo-approver')).toMatchObject({ email: 'approver@demo.test', roles: ['approver'], authorityLimits: [{ currency: 'EUR', limit: 5_000_000 }, { currency: 'JPY', limit: 1_000_000 }] });
    expect(users.find((u) => u.id === 'demo-designer')?.authorityLimits).toEqual([]);

    // Replace all: JPY goes away.
    const replaced = await t.call('PUT', '/api/users/demo-approver/authority-limits', { token: admin, json: { limits: [{ currency: 'EUR', limit: 2_500_000 }] } });
    expect(replaced.body.authorityLimits).toEqual([{ currency: 'EUR', limit: 2_500_000 }]);
  });

  it('cannot be set by an approver (403), not even their own', async () => {
    const res = await t.call('PUT', '/api/users/demo-approver/authority-limits', { token: approver, json: { limits: [{ currency: 'EUR', limit: 999_999_999 }] } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });

  it.each([
    ['a negative limit', [{ currency: 'EUR', limit: -1 }], ['body', 'limits', 0, 'limit']],
    ['a decimal limit', [{ currency: 'EUR', limit: 10.5 }], ['body', 'limits', 0, 'limit']],
    ['an unsafe integer', [{ currency: 'EUR', limit: 2 ** 60 }], ['body', 'limits', 0, 'limit']],
    ['a malformed currency', [{ currency: 'eur', limit: 100 }], ['body', 'limits', 0, 'currency']],
    ['a duplicate currency', [{ currency: 'EUR', limit: 100 }, { currency: 'USD', limit: 100 }, { currency: 'EUR', limit: 200 }], ['body', 'limits', 2, 'currency']],
  ])('refuses %s and names the field', async (_name, limits, path) => {
    const res = await t.call('PUT', '/api/users/demo-approver/authority-limits', { token: admin, json: { limits } });
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((issue: { path: unknown[] }) => issue.path)).toContainEqual(path);
  });

  it('refuses limits for a user who is not an approver', async () => {
    const res = await t.call('PUT', '/api/users/demo-designer/authority-limits', { token: admin, json: { limits: [{ currency: 'EUR', limit: 100 }] } });
    expect(res.status).toBe(422);
    expect(res.body.error.issues[0].path).toEqual(['body', 'limits']);
  });

  it('answers 404 for a user of another tenant, both ways', async () => {
    const other = await t.otherTenantToken();
    expect((await t.call('PUT', '/api/users/other-1-user/authority-limits', { token: admin, json: { limits: [] } })).status).toBe(404);
    const list = await t.call('GET', '/api/users', { token: other });
    expect(list.body.items.map((u: { id: string }) => u.id)).toEqual(['other-1-user']);
  });
});

describe('delegations', () => {
  const base = { delegateId: 'demo-approver-2', reason: 'Holiday' };

  it('refuses a delegation without endsAt, naming endsAt', async () => {
    const res = await t.call('POST', '/api/delegations', { token: approver, json: base });
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toEqual(['body', 'endsAt']);
  });

  it('refuses an endsAt in the past, before startsAt, or beyond 365 days', async () => {
    const past = await t.call('POST', '/api/delegations', { token: approver, json: { ...base, endsAt: inDays(-1) } });
    expect(past.status).toBe(422);
    expect(past.body.error.issues[0].path).toEqual(['body', 'endsAt']);
    const beforeStart = await t.call('POST', '/api/delegations', { token: approver, json: { ...base, startsAt: inDays(5), endsAt: inDays(3) } });
    expect(beforeStart.status).toBe(422);
    expect(beforeStart.body.error.issues[0].path).toEqual(['body', 'endsAt']);
    const tooLong = await t.call('POST', '/api/delegations', { token: approver, json: { ...base, endsAt: inDays(400) } });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.error.message).toMatch(/365 days/);
  });

  it('refuses self-delegation', async () => {
    const res = await t.call('POST', '/api/delegations', { token: approver, json: { ...base, delegateId: 'demo-approver', endsAt: inDays(7) } });
    expect(res.status).toBe(422);
    expect(res.body.error.issues[0].path).toEqual(['body', 'delegateId']);
  });

  it('refuses a delegate without the approver role', async () => {
    const res = await t.call('POST', '/api/delegations', { token: approver, json: { ...base, delegateId: 'demo-reviewer', endsAt: inDays(7) } });
    expect(res.status).toBe(422);
    expect(res.body.error.issues[0].path).toEqual(['body', 'delegateId']);
  });

  it("refuses an approver delegating someone else's authority, and roles without delegation.manage", async () => {
    const res = await t.call('POST', '/api/delegations', { token: approver2, json: { ...base, delegatorId: 'demo-approver', delegateId: 'demo-approver-2', endsAt: inDays(7) } });
    expect(res.status).toBe(403);
    expect(res.body.error.issues[0].path).toEqual(['body', 'delegatorId']);
    expect((await t.call('POST', '/api/delegations', { token: designer, json: { ...base, endsAt: inDays(7) } })).status).toBe(403);
  });

  it('answers 404 for a delegate of another tenant', async () => {
    await t.otherTenantToken();
    const res = await t.call('POST', '/api/delegations', { token: approver, json: { ...base, delegateId: 'other-2-user', endsAt: inDays(7) } });
    expect(res.status).toBe(404);
  });

  it('creates a delegation, lists it as active, and a revoke by the delegator ends it', async () => {
    const created = await t.call('POST', '/api/delegations', { token: approver, json: { ...base, endsAt: inDays(7) } });
    expect(created.status).toBe(201);
    const delegation = DelegationSchema.parse(created.body);
    expect(delegation).toMatchObject({ delegatorId: 'demo-approver', delegateId: 'demo-approver-2', createdBy: 'demo-approver', active: true, revokedAt: null });

    const active = await t.call('GET', '/api/delegations?active=true', { token: designer });
    expect(active.body.items.map((d: { id: string }) => d.id)).toContain(delegation.id);

    // Neither the delegate nor another tenant may revoke it.
    expect((await t.call('POST', `/api/delegations/${delegation.id}/revoke`, { token: approver2 })).status).toBe(403);
    const revoked = await t.call('POST', `/api/delegations/${delegation.id}/revoke`, { token: approver });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ active: false, revokedBy: 'demo-approver' });
    expect(revoked.body.revokedAt).toEqual(expect.any(String));

    const after = await t.call('GET', '/api/delegations?active=true', { token: approver });
    expect(after.body.items.map((d: { id: string }) => d.id)).not.toContain(delegation.id);
    const inactive = await t.call('GET', '/api/delegations?active=false', { token: approver });
    expect(inactive.body.items.map((d: { id: string }) => d.id)).toContain(delegation.id);
  });

  it('lets an admin delegate for an approver and revoke it; another tenant sees nothing', async () => {
    const created = await t.call('POST', '/api/delegations', { token: admin, json: { ...base, delegatorId: 'demo-approver', startsAt: inDays(1), endsAt: inDays(3) } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ delegatorId: 'demo-approver', createdBy: 'demo-admin', active: false });
    const other = await t.otherTenantToken();
    expect((await t.call('GET', '/api/delegations', { token: other })).body.items).toEqual([]);
    expect((await t.call('POST', `/api/delegations/${created.body.id}/revoke`, { token: admin })).status).toBe(200);
  });
});
