import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type Database } from '../db/connect.ts';
import { createAuthorityService, type AuthorityService } from './authority-service.ts';

let db: Database;
let service: AuthorityService;
const admin = { id: 'admin', tenantId: 't1', roles: ['admin'] };
const day = 86_400_000;

beforeAll(async () => {
  db = await connectDatabase({ dataDir: ':memory:' });
  await db.knex('tenants').insert([{ id: 't1', name: 'One' }, { id: 't2', name: 'Two' }]);
  const user = (id: string, tenant: string, roles: string[]) => ({ id, tenant_id: tenant, email: `${id}@x.test`, name: id, password_hash: 'x', roles: JSON.stringify(roles) });
  await db.knex('users').insert([user('admin', 't1', ['admin']), user('a', 't1', ['approver']), user('b', 't1', ['approver']), user('z', 't2', ['approver'])]);
  service = createAuthorityService(db.knex);
});

afterAll(async () => {
  await db?.close();
});

describe('authority service', () => {
  it('authorityLimit returns money in minor units, null without a limit, and stays in the tenant', async () => {
    await service.setLimits(admin, 'a', [{ currency: 'EUR', limit: Number.MAX_SAFE_INTEGER }, { currency: 'KWD', limit: 1_500 }]);
    expect(await service.authorityLimit('t1', 'a', 'EUR')).toEqual({ amount: Number.MAX_SAFE_INTEGER, currency: 'EUR' });
    expect(await service.authorityLimit('t1', 'a', 'KWD')).toEqual({ amount: 1_500, currency: 'KWD' });
    expect(await service.authorityLimit('t1', 'a', 'USD')).toBeNull();
    expect(await service.authorityLimit('t2', 'a', 'EUR')).toBeNull();
    await expect(service.setLimits({ id: 'z', tenantId: 't2' }, 'a', [])).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('activeDelegationsFor honours the window and revocation, as delegate or delegator', async () => {
    const now = new Date();
    const d = await service.createDelegation({ id: 'a', tenantId: 't1', roles: ['approver'] }, { delegateId: 'b', endsAt: new Date(now.getTime() + 2 * day).toISOString(), reason: 'Leave' }, now);
    const inside = new Date(now.getTime() + day);
    expect((await service.activeDelegationsFor('t1', 'b', inside)).map((x) => x.id)).toEqual([d.id]);
    expect((await service.activeDelegationsFor('t1', 'a', inside, 'delegator')).map((x) => x.id)).toEqual([d.id]);
    expect(await service.activeDelegationsFor('t1', 'a', inside)).toEqual([]);
    expect(await service.activeDelegationsFor('t1', 'b', new Date(now.getTime() + 2 * day))).toEqual([]);
    expect(await service.activeDelegationsFor('t2', 'b', inside)).toEqual([]);
    await service.revokeDelegation(admin, d.id, inside);
    expect(await service.activeDelegationsFor('t1', 'b', new Date(inside.getTime() + 1))).toEqual([]);
  });

  it('the database refuses an open-ended or inverted delegation even past the service', async () => {
    const row = { id: 'raw', tenant_id: 't1', delegator_id: 'a', delegate_id: 'b', starts_at: new Date(), reason: 'x', created_by: 'a' };
    await expect(db.knex('delegations').insert({ ...row, ends_at: null })).rejects.toThrow();
    await expect(db.knex('delegations').insert({ ...row, ends_at: new Date(Date.now() - day) })).rejects.toThrow();
  });
});
