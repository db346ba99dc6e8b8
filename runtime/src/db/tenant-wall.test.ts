import { randomUUID } from 'node:crypto';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createAuth } from '../auth/auth.ts';
import { hashPassword } from '../auth/password.ts';
import { registerRoutes } from '../api/register-routes.ts';
import { defineRoute } from '../api/route.ts';
import { connectDatabase, type Database } from './connect.ts';
import { alsoTenants, asSystem, withTenants } from './tenant-scope.ts';
import { APP_ROLE, SHARED_WITH_CLIENTS, tenantTables } from './tenant-wall.ts';

// Row-level security as the second wall: these tests run queries that "forget" their tenant filter, as a
// service with a bug would, and check the database itself keeps the other tenant's rows out of reach.

interface Scratch {
  db: Database;
  url: string | undefined;
  drop(): Promise<void>;
}

async function scratchDatabase(kind: 'pglite' | 'postgres'): Promise<Scratch> {
  if (kind === 'pglite') {
    const db = await connectDatabase({ dataDir: ':memory:' });
    return { db, url: undefined, drop: () => db.close() };
  }
  const server = process.env['TEST_DATABASE_URL'] as string;
  const name = `countersign_rls_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = async (sql: string): Promise<void> => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const db = await connectDatabase({ databaseUrl: url.toString(), poolMax: 4 });
  return {
    db,
    url: url.toString(),
    drop: async () => {
      await db.close();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

const kinds: ('pglite' | 'postgres')[] = process.env['TEST_DATABASE_URL'] ? ['pglite', 'postgres'] : ['pglite'];

describe.each(kinds)('the tenant wall on %s', (kind) => {
  let scratch: Scratch;
  const knex = (): Database['knex'] => scratch.db.knex;

  beforeAll(async () => {
    scratch = await scratchDatabase(kind);
    const db = knex();
    // Set-up is system work (no request scope): a partner with one client, and a standalone tenant.
    await db('tenants').insert([
      { id: 'partner', name: 'Partner', kind: 'partner' },
      { id: 'client', name: 'Client', kind: 'client', parent_id: 'partner' },
      { id: 'other', name: 'Other', kind: 'standalone' },
    ]);
    const graph = JSON.stringify({ nodes: [], edges: [] });
    await db('workflows').insert(['partner', 'client', 'other'].map((tenant) => ({ id: `wf-${tenant}`, tenant_id: tenant, name: `Invoices of ${tenant}`, draft: graph, created_by: 'set-up' })));
    await db('tenant_branding').insert([
      { tenant_id: 'partner', product_name: 'Partner Flow', updated_by: 'set-up' },
      { tenant_id: 'other', product_name: 'Other Flow', updated_by: 'set-up' },
    ]);
  });
  afterAll(async () => scratch?.drop());

  const names = async (): Promise<string[]> => (await knex()('workflows').orderBy('id').select('id')).map((row: { id: string }) => row.id);

  it('shows a query without a tenant filter only the rows of the tenants in scope', async () => {
    expect(await withTenants(['client'], names)).toEqual(['wf-client']);
    expect(await withTenants(['other'], names)).toEqual(['wf-other']);
    expect(await withTenants(['client', 'partner'], names)).toEqual(['wf-client', 'wf-partner']);
    // A request that has not found its tenant yet sees nothing at all.
    expect(await withTenants([], names)).toEqual([]);
    expect(await asSystem(names)).toEqual(['wf-client', 'wf-other', 'wf-partner']);
  });

  it("neither changes nor deletes another tenant's rows, and refuses to write a row for another tenant", async () => {
    const updated = await withTenants(['client'], async () => knex()('workflows').update({ name: 'changed by the client' }));
    expect(updated).toBe(1);
    // (Counted with RETURNING: PGlite reports no row count for a statement that touched nothing.)
    const deleted = await withTenants(['client'], async () => knex()('workflows').whereIn('id', ['wf-other', 'wf-partner']).delete().returning('id'));
    expect(deleted).toEqual([]);
    const rows: { id: string; name: string }[] = await knex()('workflows').orderBy('id').select('id', 'name');
    expect(rows).toEqual([
      { id: 'wf-client', name: 'changed by the client' },
      { id: 'wf-other', name: 'Invoices of other' },
      { id: 'wf-partner', name: 'Invoices of partner' },
    ]);
    await expect(
      withTenants(['client'], async () => knex()('workflows').insert({ id: 'wf-planted', tenant_id: 'other', name: 'Planted', draft: '{}', created_by: 'client' })),
    ).rejects.toThrow(/row-level security/);
    // Moving a row of one's own to another tenant is a write for that tenant too.
    await expect(withTenants(['client'], async () => knex()('workflows').where({ id: 'wf-client' }).update({ tenant_id: 'other' }))).rejects.toThrow(/row-level security/);
  });

  it('keeps a transaction in the scope it began in', async () => {
    const seen = await withTenants(['client'], () =>
      knex().transaction(async (trx) => {
        // Widening inside a transaction does not reach its connection: it was taken in the client's scope.
        const inside = await alsoTenants(['other'], async () => trx('workflows').select('id'));
        return inside.map((row: { id: string }) => row.id);
      }),
    );
    expect(seen).toEqual(['wf-client']);
  });

  it("lets a client read its partner's branding but not change it, and never another tenant's", async () => {
    const visible = async (): Promise<string[]> => (await knex()('tenant_branding').orderBy('tenant_id').select('tenant_id')).map((row: { tenant_id: string }) => row.tenant_id);
    expect(await withTenants(['client'], visible)).toEqual(['partner']);
    expect(await withTenants(['other'], visible)).toEqual(['other']);
    expect(await withTenants(['client'], async () => knex()('tenant_branding').update({ product_name: 'Hijacked' }).returning('tenant_id'))).toEqual([]);
    expect(await withTenants(['client'], async () => knex()('tenant_branding').delete().returning('tenant_id'))).toEqual([]);
    expect(await asSystem(async () => knex()('tenant_branding').where({ tenant_id: 'partner' }).first('product_name'))).toEqual({ product_name: 'Partner Flow' });
  });

  it("shows a partner its clients' tenant rows, a client only its own, and the runtime's settings to system work only", async () => {
    const tenants = async (): Promise<string[]> => (await knex()('tenants').orderBy('id').select('id')).map((row: { id: string }) => row.id);
    expect(await withTenants(['partner'], tenants)).toEqual(['client', 'partner']);
    expect(await withTenants(['client'], tenants)).toEqual(['client']);
    await asSystem(async () => knex()('runtime_settings').insert({ key: 'wall-test', value: JSON.stringify('secret') }).onConflict('key').ignore());
    expect(await withTenants(['partner'], async () => knex()('runtime_settings').select('key'))).toEqual([]);
    expect((await asSystem(async () => knex()('runtime_settings').select('key'))).length).toBeGreaterThan(0);
  });

  it('puts every table with a tenant_id column behind a forced policy', async () => {
    const tables = await tenantTables(knex());
    expect(tables).toEqual(expect.arrayContaining(['workflows', 'runs', 'run_steps', 'run_events', 'audit_events', 'credentials', 'api_keys', 'users', ...SHARED_WITH_CLIENTS]));
    const result = await knex().raw<{ rows: { relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean; policies: string }[] }>(
      `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
              (SELECT count(*) FROM pg_policies p WHERE p.schemaname = current_schema() AND p.tablename = c.relname) AS policies
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relname = ANY (?)`,
      [[...tables, 'tenants', 'runtime_settings']],
    );
    expect(result.rows).toHaveLength(tables.length + 2);
    for (const row of result.rows) expect({ table: row.relname, enabled: row.relrowsecurity, forced: row.relforcerowsecurity, hasPolicy: Number(row.policies) > 0 }).toEqual({ table: row.relname, enabled: true, forced: true, hasPolicy: true });
  });

  it('applies to requests: a route whose query forgets the tenant sees its own tenant only', async () => {
    const db = knex();
    const auth = await createAuth(db, 'wall-test-secret-wall-test-secret');
    const passwordHash = await hashPassword('wall-test-password');
    await db('users').insert({ id: `u-${kind}`, tenant_id: 'client', email: `client-${kind}@wall.test`, name: 'Client user', password_hash: passwordHash, roles: JSON.stringify(['admin']) });
    const { token } = await auth.login(`client-${kind}@wall.test`, 'wall-test-password');
    const router = express.Router();
    const forgetful = defineRoute({
      operationId: 'forgetful',
      method: 'get',
      path: '/forgetful',
      auth: true,
      tag: 'test',
      summary: 'Lists workflows without a tenant filter',
      status: 200,
      response: z.object({ ids: z.array(z.string()) }),
      handle: async () => ({ ids: (await db('workflows').orderBy('id').select('id')).map((row: { id: string }) => row.id) }),
    });
    const anonymous = defineRoute({ ...forgetful, operationId: 'anonymousForgetful', path: '/anonymous', auth: false });
    registerRoutes(router, [forgetful, anonymous], auth, db);
    const app = express();
    app.use(router);
    const server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const signedIn = await fetch(`${base}/forgetful`, { headers: { authorization: `Bearer ${token}` } });
      expect(await signedIn.json()).toEqual({ ids: ['wf-client'] });
      const anonymousResponse = await fetch(`${base}/anonymous`);
      expect(await anonymousResponse.json()).toEqual({ ids: [] });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('runs the runtime as a role that cannot bypass the policies (the database user is a superuser here)', async () => {
    const role = await knex().raw<{ rows: { current_user: string; bypass: boolean }[] }>(
      'SELECT current_user, (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user) AS bypass',
    );
    expect(role.rows[0]).toEqual({ current_user: APP_ROLE, bypass: false });
  });

  if (kind === 'postgres') {
    it('shows nothing to a session of that role which never set a tenant scope', async () => {
    // A session of the same role that never set the scope (e.g. a tool connecting by hand).
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    try {
      await client.query(`SET ROLE ${APP_ROLE}`);
      expect((await client.query('SELECT id FROM workflows')).rows).toEqual([]);
      expect((await client.query('SELECT key FROM runtime_settings')).rows).toEqual([]);
    } finally {
      await client.end();
    }
    });
  }
});
