import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { registry } from '@countersign/nodes';
import { GraphSchema, hashGraph, type GraphInput, type RunStatus } from '@countersign/shared';
import { connectDatabase, type Database } from '../db/connect.ts';
import { Engine, type EngineOptions } from '../engine/engine.ts';
import { createHttpClient } from '../engine/http-client.ts';
import { createLogger } from '../logging/logger.ts';
import { createIvmSandbox } from '../sandbox/ivm-sandbox.ts';

/** An engine on an in-memory PGlite (or TEST_DATABASE_URL), for tests of engine behaviour. */
export interface EngineHarness {
  db: Database;
  engine: Engine;
  tenantId: string;
  /** Saves a workflow with one version and returns its id. */
  saveWorkflow(graph: Omit<GraphInput, 'schemaVersion'>): Promise<string>;
  /** Waits until a run reaches one of `statuses` (default: a terminal one). */
  waitFor(runId: string, statuses?: RunStatus[], timeoutMs?: number): Promise<RunStatus>;
  close(): Promise<void>;
}

/** Creates a tenant and starts an engine; `close` stops it and drops the database. */
export async function createEngineHarness(options: Partial<Pick<EngineOptions, 'leaseMs' | 'pollMs' | 'concurrency' | 'defaultTimeoutMs'>> = {}): Promise<EngineHarness> {
  const db = await connectDatabase({ dataDir: ':memory:' });
  const knex: Knex = db.knex;
  const tenantId = `t-${randomUUID()}`;
  await knex('tenants').insert({ id: tenantId, name: 'Test tenant' });
  const sandbox = createIvmSandbox();
  const engine = new Engine({ knex, registry, sandbox, http: createHttpClient(), log: createLogger('silent'), pollMs: 20, ...options });
  engine.start();
  return {
    db,
    engine,
    tenantId,
    async saveWorkflow(input) {
      const graph = GraphSchema.parse({ schemaVersion: 1, ...input });
      const id = randomUUID();
      await knex('workflows').insert({ id, tenant_id: tenantId, name: 'Test', draft: JSON.stringify(graph), created_by: 'test' });
      await knex('workflow_versions').insert({ tenant_id: tenantId, workflow_id: id, version: 1, hash: await hashGraph(graph), graph: JSON.stringify(graph), created_by: 'test' });
      return id;
    },
    async waitFor(runId, statuses = ['succeeded', 'failed', 'cancelled'], timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const row = await knex('runs').where({ id: runId }).first<{ status: RunStatus }>('status');
        if (row && statuses.includes(row.status)) return row.status;
        if (Date.now() > deadline) throw new Error(`Run ${runId} is ${row?.status}, not ${statuses.join('/')}, after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async close() {
      await engine.stop();
      sandbox.dispose();
      await db.close();
    },
  };
}
