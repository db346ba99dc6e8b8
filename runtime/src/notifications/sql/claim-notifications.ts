import type { Knex } from 'knex';
import type { NotificationChannel } from '../notification-request.ts';

/** A notification row claimed for one delivery attempt. */
export interface ClaimedNotification {
  id: string;
  tenant_id: string;
  kind: string;
  channel: NotificationChannel;
  recipient: string;
  subject: string;
  payload: unknown;
  /** Attempts so far, this one included. */
  attempts: number;
}

/**
 * Claims up to `limit` pending notifications of `channels` that are due and not leased, counting the
 * attempt at once (a process that dies mid-delivery still used it up). SKIP LOCKED lets any number of
 * dispatchers claim side by side; a lease that runs out makes the row claimable again.
 */
export async function claimNotifications(knex: Knex, workerId: string, channels: readonly NotificationChannel[], limit: number, leaseMs: number): Promise<ClaimedNotification[]> {
  if (channels.length === 0 || limit <= 0) return [];
  const result = await knex.raw<{ rows: ClaimedNotification[] }>(
    `UPDATE notifications SET locked_by = ?, locked_until = now() + (? * interval '1 millisecond'), attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM notifications
         WHERE status = 'pending' AND next_attempt_at <= now() AND channel = ANY(?::text[])
           AND (locked_until IS NULL OR locked_until < now())
         ORDER BY next_attempt_at
         LIMIT ?
         FOR UPDATE SKIP LOCKED)
      RETURNING id, tenant_id, kind, channel, recipient, subject, payload, attempts`,
    [workerId, leaseMs, [...channels], limit],
  );
  return result.rows;
}
