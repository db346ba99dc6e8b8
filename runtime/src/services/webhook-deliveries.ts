import type { Knex } from 'knex';
import { tenantDb } from '../db/tenant-db.ts';

/** How long a webhook-id is remembered: a replay within this window gets the first delivery's run. */
export const DELIVERY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** A delivery is new (this call starts its run), or a replay of one that has a run or is starting it. */
export type DeliveryClaim = { kind: 'new' } | { kind: 'replay'; runId: string | null };

interface Delivery {
  tenantId: string;
  workflowId: string;
  webhookId: string;
}

/**
 * Claims a signed delivery by its webhook-id: the first caller inserts the row (and later records its
 * run); a concurrent or later caller within the window finds it. A row older than the window is taken
 * over by one caller (the conditional update serialises them).
 */
export async function claimDelivery(knex: Knex, delivery: Delivery, now: Date = new Date()): Promise<DeliveryClaim> {
  const key = { workflow_id: delivery.workflowId, webhook_id: delivery.webhookId };
  const inserted: unknown[] = await tenantDb(knex, delivery.tenantId).insert('webhook_deliveries', { ...key, received_at: now }).onConflict(['workflow_id', 'webhook_id']).ignore().returning('webhook_id');
  if (inserted.length > 0) {
    // Forgetting expired ids of this workflow as new ones arrive keeps the table at one day of traffic.
    await knex('webhook_deliveries').where({ workflow_id: delivery.workflowId }).andWhere('received_at', '<', new Date(now.getTime() - DELIVERY_WINDOW_MS)).delete();
    return { kind: 'new' };
  }
  const expired = new Date(now.getTime() - DELIVERY_WINDOW_MS);
  const taken = await knex('webhook_deliveries').where(key).andWhere('received_at', '<', expired).update({ received_at: now, run_id: null });
  if (taken > 0) return { kind: 'new' };
  const row = await knex('webhook_deliveries').where(key).first<{ run_id: string | null } | undefined>('run_id');
  return { kind: 'replay', runId: row?.run_id ?? null };
}

/** Records the run a claimed delivery started. */
export async function recordDeliveryRun(knex: Knex, delivery: Delivery, runId: string): Promise<void> {
  await knex('webhook_deliveries').where({ workflow_id: delivery.workflowId, webhook_id: delivery.webhookId }).update({ run_id: runId });
}

/** Gives up a claim whose run could not start, so that the sender's retry is not taken for a replay. */
export async function releaseDelivery(knex: Knex, delivery: Delivery): Promise<void> {
  await knex('webhook_deliveries').where({ workflow_id: delivery.workflowId, webhook_id: delivery.webhookId }).whereNull('run_id').delete();
}
