import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type Database } from '../db/connect.ts';
import { claimDelivery, DELIVERY_WINDOW_MS, recordDeliveryRun, releaseDelivery } from './webhook-deliveries.ts';

let db: Database;
const delivery = { tenantId: 't1', workflowId: 'wf-1', webhookId: 'msg_1' };

beforeAll(async () => {
  db = await connectDatabase({ dataDir: ':memory:' });
  await db.knex('tenants').insert({ id: 't1', name: 'T1' });
});

afterAll(async () => {
  await db?.close();
});

describe('webhook deliveries (dedupe on webhook-id)', () => {
  it('claims a new id once; a replay sees the run, or that it is still starting', async () => {
    const now = new Date();
    expect(await claimDelivery(db.knex, delivery, now)).toEqual({ kind: 'new' });
    expect(await claimDelivery(db.knex, delivery, now)).toEqual({ kind: 'replay', runId: null });
    await recordDeliveryRun(db.knex, delivery, 'run-1');
    expect(await claimDelivery(db.knex, delivery, now)).toEqual({ kind: 'replay', runId: 'run-1' });
    expect(await claimDelivery(db.knex, { ...delivery, workflowId: 'wf-2' }, now)).toEqual({ kind: 'new' });
  });

  it('forgets an id after the window, and a claim whose run did not start', async () => {
    const later = new Date(Date.now() + DELIVERY_WINDOW_MS + 1000);
    expect(await claimDelivery(db.knex, delivery, later)).toEqual({ kind: 'new' });
    await releaseDelivery(db.knex, delivery);
    expect(await claimDelivery(db.knex, delivery, later)).toEqual({ kind: 'new' });
    // Expired ids of the workflow are deleted as new ones arrive.
    await claimDelivery(db.knex, { ...delivery, webhookId: 'msg_old' }, new Date(0));
    await claimDelivery(db.knex, { ...delivery, webhookId: 'msg_new' }, later);
    expect(await db.knex('webhook_deliveries').where({ workflow_id: 'wf-1', webhook_id: 'msg_old' }).first()).toBeUndefined();
  });
});
