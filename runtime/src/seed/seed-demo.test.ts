import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '@countersign/nodes';
import { validateGraph } from '@countersign/shared';
import { verifyPassword } from '../auth/password.ts';
import { connectDatabase, type Database } from '../db/connect.ts';
import { createLogger } from '../logging/logger.ts';
import { demoDocumentNumber } from './demo-erp.ts';
import { demoWorkflowGraph } from './demo-workflow.ts';
import { DEMO_WORKFLOW_ID, seedDemo } from './seed-demo.ts';

let db: Database;
const log = createLogger('silent');

beforeAll(async () => {
  db = await connectDatabase({ dataDir: ':memory:' });
});

afterAll(async () => {
  await db?.close();
});

describe('seedDemo', () => {
  it('seeds once, even when called concurrently, with generated passwords returned once', async () => {
    const results = await Promise.all([seedDemo(db.knex, { registry, log }), seedDemo(db.knex, { registry, log })]);
    const created = results.filter((result) => result.created);
    expect(created).toHaveLength(1);
    const [result] = created;
    expect(result).toMatchObject({ tenantId: 'demo', tenantName: 'Demo Finance Ltd' });
    expect(result?.users.map((u) => u.email)).toEqual([
      'admin@demo.test',
      'designer@demo.test',
      'reviewer@demo.test',
      'approver@demo.test',
      'approver2@demo.test',
      'controller@demo.test',
      'cfo@demo.test',
      'operator@demo.test',
      'auditor@demo.test',
      'partner@demo.test',
    ]);
    for (const user of result?.users ?? []) {
      expect(user.password).toMatch(/^[A-Za-z0-9]{16}$/);
      const row = await db.knex('users').where({ email: user.email }).first();
      expect(await verifyPassword(user.password ?? '', row.password_hash)).toBe(true);
    }
    const again = await seedDemo(db.knex, { registry, log, demoPassword: 'ignored-now' });
    expect(again.created).toBe(false);
    expect(again.users.every((u) => u.password === undefined)).toBe(true);
    expect(await db.knex('users').count<{ count: number }[]>('* as count')).toEqual([{ count: 10 }]);
    const roles = await db.knex('users').orderBy('email').select('email', 'roles');
    expect(roles).toContainEqual({ email: 'approver@demo.test', roles: ['approver'] });
  });

  it('saves the sample workflow with version 1, valid against the registry', async () => {
    const workflow = await db.knex('workflows').where({ id: DEMO_WORKFLOW_ID }).first();
    expect(workflow).toMatchObject({ tenant_id: 'demo', name: 'AP invoice intake' });
    const version = await db.knex('workflow_versions').where({ workflow_id: DEMO_WORKFLOW_ID }).first();
    expect(version).toMatchObject({ version: 1, tenant_id: 'demo' });
    expect(validateGraph(version.graph, registry).issues).toEqual([]);
    const http = version.graph.nodes.find((n: { type: string }) => n.type === 'connector.http');
    expect(http.config.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/demo\/erp\/invoices$/);
    expect(http.retry).toEqual({ maxAttempts: 3, backoffMs: 1000, backoffFactor: 2 });
    const xs = version.graph.nodes.map((n: { position: { x: number } }) => n.position.x);
    expect(Math.max(...xs)).toBeGreaterThan(Math.min(...xs));
  });

  it('uses the configured ERP URL and password', async () => {
    const other = await connectDatabase({ dataDir: ':memory:' });
    try {
      const result = await seedDemo(other.knex, { registry, log, demoPassword: 'chosen-password', demoErpUrl: 'https://erp.example.com/invoices' });
      expect(result.users.every((u) => u.password === undefined)).toBe(true);
      const row = await other.knex('users').where({ email: 'auditor@demo.test' }).first();
      expect(await verifyPassword('chosen-password', row.password_hash)).toBe(true);
      const version = await other.knex('workflow_versions').first();
      expect(JSON.stringify(version.graph)).toContain('https://erp.example.com/invoices');
    } finally {
      await other.close();
    }
  });

  it('builds a graph whose nodes run left to right', () => {
    const graph = demoWorkflowGraph('http://localhost/erp');
    expect(validateGraph(graph, registry).issues).toEqual([]);
    expect(demoDocumentNumber('key-1')).toBe(demoDocumentNumber('key-1'));
    expect(demoDocumentNumber('key-1')).not.toBe(demoDocumentNumber('key-2'));
  });
});
