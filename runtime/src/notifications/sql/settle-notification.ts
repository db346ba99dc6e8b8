import type { Knex } from 'knex';

/** How an attempt ended: delivered, to be tried again after `delayMs`, or given up. */
export type Settlement = { status: 'sent' } | { status: 'pending'; delayMs: number; error: string } | { status: 'dead'; error: string };

/**
 * Records the end of an attempt and releases the lease, only while this worker still holds it (a lease
 * that ran out may have been taken over; the new holder's result wins). Returns whether it was held.
 */
export async function settleNotification(knex: Knex, id: string, workerId: string, settlement: Settlement): Promise<boolean> {
  const update: Record<string, unknown> = { status: settlement.status, locked_by: null, locked_until: null };
  if (settlement.status === 'sent') update['sent_at'] = knex.fn.now();
  else update['last_error'] = settlement.error.slice(0, 1000);
  if (settlement.status === 'pending') update['next_attempt_at'] = knex.raw(`now() + (? * interval '1 millisecond')`, [settlement.delayMs]);
  const count = await knex('notifications').where({ id, locked_by: workerId }).update(update);
  return count > 0;
}
