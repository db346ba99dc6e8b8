import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type Database } from './connect.ts';
import { tenantDb } from './tenant-db.ts';

describe('a tenant view of the database', () => {
  let database: Database;
  beforeAll(async () => {
    database = await connectDatabase({ dataDir: ':memory:' });
    await database.knex('tenants').insert([
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B' },
    ]);
  });
  afterAll(async () => database?.close());

  it('stamps inserts with its tenant and reads back only that tenant, aliases included', async () => {
    const a = tenantDb(database.knex, 'a');
    const b = tenantDb(database.knex, 'b');
    await a.insert('workflows', { id: 'wf-a', name: 'Of A', draft: '{}', created_by: 'test' });
    await b.insert('workflows', [{ id: 'wf-b', name: 'Of B', draft: '{}', created_by: 'test' }]);
    expect(await a.table('workflows').select('id', 'tenant_id')).toEqual([{ id: 'wf-a', tenant_id: 'a' }]);
    expect(await b.table('workflows as w').select('w.id')).toEqual([{ id: 'wf-b' }]);
    // An id of the other tenant is simply not there.
    expect(await a.table('workflows').where({ id: 'wf-b' }).first()).toBeUndefined();
    expect(await a.table('workflows').where({ id: 'wf-b' }).update({ name: 'changed' }).returning('id')).toEqual([]);
  });

  it('refuses a row that names another tenant, and keeps the tenant inside a transaction', async () => {
    const a = tenantDb(database.knex, 'a');
    expect(() => a.insert('workflows', { id: 'wf-x', tenant_id: 'b', name: 'Planted', draft: '{}', created_by: 'test' })).toThrow(/tenant b/);
    const names = await a.transaction(async (tx) => {
      await tx.table('workflows').where({ id: 'wf-a' }).update({ name: 'Renamed' });
      return (await tx.table('workflows').select('name')).map((row: { name: string }) => row.name);
    });
    expect(names).toEqual(['Renamed']);
    expect(() => tenantDb(database.knex, '')).toThrow(/tenant id/);
  });
});
