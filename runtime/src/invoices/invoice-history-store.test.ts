import { randomUUID } from 'node:crypto';
import type { InvoiceFacts, RunStatus } from '@countersign/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type Database } from '../db/connect.ts';
import { insertRun } from '../engine/sql/insert-run.ts';
import { createInvoiceHistoryStore, type InvoiceHistoryScope } from './invoice-history-store.ts';

let db: Database;

beforeAll(async () => {
  db = await connectDatabase({ dataDir: ':memory:' });
});

afterAll(async () => {
  await db?.close();
});

const invoice = (patch: Partial<InvoiceFacts> = {}): InvoiceFacts => ({
  id: 'V1:INV-1001', entity: 'DE01', vendorId: 'V1', invoiceNumber: 'INV-1001', amount: 100_000, currency: 'EUR', invoiceDate: '2026-03-10', ...patch,
});

/** A fresh tenant with one workflow; `run` inserts a run (as the engine does) in a given status. */
async function tenant() {
  const tenantId = `t-${randomUUID()}`;
  const workflowId = randomUUID();
  await db.knex('tenants').insert({ id: tenantId, name: 'Tenant' });
  await db.knex('workflows').insert({ id: workflowId, tenant_id: tenantId, name: 'Invoices', draft: JSON.stringify({}), created_by: 'test' });
  const run = async (options: { status?: RunStatus; isTest?: boolean } = {}): Promise<InvoiceHistoryScope> => {
    const runId = randomUUID();
    const isTest = options.isTest ?? false;
    await insertRun(db.knex, { id: runId, tenantId, workflowId, version: 1, versionHash: 'hash', trigger: 'manual', triggerNodeId: 'start', isTest, input: {}, requestedBy: null });
    if (options.status) await db.knex('runs').where({ id: runId }).update({ status: options.status });
    return { tenantId, runId, nodeId: 'dup', isTest };
  };
  return { tenantId, run };
}

describe('invoice history store', () => {
  it('returns candidates of the same tenant, entity and vendor, with every field read back', async () => {
    const store = createInvoiceHistoryStore(db.knex);
    const one = await tenant();
    const other = await tenant();
    const earlier = await one.run({ status: 'succeeded' });
    await store.forStep(earlier).record(invoice({ amount: 9_007_199_254_740_991 }));
    await store.forStep(earlier).record(invoice({ id: 'x2', vendorId: 'V2' }));
    await store.forStep(earlier).record(invoice({ id: 'x3', entity: 'US01' }));
    await store.forStep(await other.run()).record(invoice({ id: 'x4' }));
    const found = await store.forStep(await one.run()).candidates({ entity: 'DE01', vendorId: 'V1' });
    expect(found).toEqual([{ ...invoice({ amount: 9_007_199_254_740_991 }), runId: earlier.runId, recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) }]);
  });

  it('never returns the invoices of the asking run, from any of its nodes', async () => {
    const store = createInvoiceHistoryStore(db.knex);
    const { run } = await tenant();
    const current = await run();
    await store.forStep(current).record(invoice());
    await store.forStep({ ...current, nodeId: 'dup-2' }).record(invoice({ id: 'other' }));
    expect(await store.forStep(current).candidates(invoice())).toEqual([]);
    expect((await store.forStep(await run()).candidates(invoice())).map((i) => i.id).sort()).toEqual(['V1:INV-1001', 'other']);
  });

  it('leaves out invoices of cancelled and failed runs, keeps those of runs in force', async () => {
    const store = createInvoiceHistoryStore(db.knex);
    const { run } = await tenant();
    const statuses: RunStatus[] = ['queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled'];
    for (const status of statuses) await store.forStep(await run({ status })).record(invoice({ id: status }));
    const found = await store.forStep(await run()).candidates(invoice());
    expect(found.map((i) => i.id).sort()).toEqual(['queued', 'running', 'succeeded', 'waiting']);
  });

  it('hides test-run invoices from production runs; test runs see both', async () => {
    const store = createInvoiceHistoryStore(db.knex);
    const { run } = await tenant();
    await store.forStep(await run({ status: 'succeeded' })).record(invoice({ id: 'production' }));
    await store.forStep(await run({ status: 'succeeded', isTest: true })).record(invoice({ id: 'test' }));
    expect((await store.forStep(await run()).candidates(invoice())).map((i) => i.id)).toEqual(['production']);
    expect((await store.forStep(await run({ isTest: true })).candidates(invoice())).map((i) => i.id).sort()).toEqual(['production', 'test']);
  });

  it('records an invoice once per run and node: a retry keeps the first record', async () => {
    const store = createInvoiceHistoryStore(db.knex);
    const { tenantId, run } = await tenant();
    const scope = await run();
    await store.forStep(scope).record(invoice());
    await store.forStep(scope).record(invoice({ amount: 1 }));
    const rows = await db.knex('invoice_history').where({ tenant_id: tenantId }).select('amount_minor', 'node_id');
    expect(rows).toEqual([{ amount_minor: 100_000, node_id: 'dup' }]);
    const found = await store.forStep(await run()).candidates(invoice());
    expect(found).toMatchObject([{ id: 'V1:INV-1001', amount: 100_000, runId: scope.runId }]);
  });

  it('returns the most recent invoices, oldest first, when the history is longer than the limit', async () => {
    const store = createInvoiceHistoryStore(db.knex, { candidateLimit: 3 });
    const { run } = await tenant();
    const earlier = await run({ status: 'succeeded' });
    for (let i = 1; i <= 5; i++) {
      await store.forStep(earlier).record(invoice({ id: `i${i}` }));
      await db.knex('invoice_history').where({ run_id: earlier.runId, invoice_id: `i${i}` }).update({ recorded_at: new Date(Date.UTC(2026, 0, i)) });
    }
    expect((await store.forStep(await run()).candidates(invoice())).map((i) => i.id)).toEqual(['i3', 'i4', 'i5']);
  });
});
