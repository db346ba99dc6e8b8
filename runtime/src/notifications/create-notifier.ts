import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { deliverNotification, type DeliveryChannels } from './deliver-notification.ts';
import type { NotificationChannel } from './notification-request.ts';
import type { Notifier, NotifierOptions } from './notifier.ts';
import { outboxRows, type RenderSettings } from './outbox-rows.ts';
import { DEFAULT_RETRY_SCHEDULE, settle } from './retry-schedule.ts';
import { renderSettingsOf } from './tenant-render-settings.ts';
import { createEmailSender } from './send-email.ts';
import { claimNotifications } from './sql/claim-notifications.ts';
import { insertNotifications } from './sql/insert-notifications.ts';
import { settleNotification } from './sql/settle-notification.ts';
import { asSystem } from '../db/tenant-scope.ts';

const BATCH = 16;
const DEFAULT_LEASE_MS = 120_000;
const MAX_ATTEMPT_MS = 30_000;

/** Creates the notification outbox of one process; several processes may dispatch from one database. */
export function createNotifier(options: NotifierOptions): Notifier {
  const { knex } = options;
  const log = options.log.child({ component: 'notifier' });
  const workerId = `notifier-${randomUUID()}`;
  const schedule = options.schedule ?? DEFAULT_RETRY_SCHEDULE;
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  // An attempt must end well within its lease, or another process could take the row over meanwhile.
  const attemptMs = Math.min(MAX_ATTEMPT_MS, Math.floor(leaseMs / 2));
  const settings: RenderSettings = { productName: options.productName ?? 'Countersign', publicUrl: options.publicUrl };
  const delivery: DeliveryChannels = { email: options.smtp && createEmailSender(options.smtp), webhook: options.webhook };
  const channels: NotificationChannel[] = [...(delivery.email ? ['email' as const] : []), ...(delivery.webhook ? ['webhook' as const] : [])];

  let running = false;
  let loop: Promise<void> | undefined;
  let wakeRequested = false;
  let wakeSleeper: (() => void) | undefined;
  let toldNoChannel = false;

  const notify = (): void => {
    wakeRequested = true;
    wakeSleeper?.();
  };

  const sleep = (ms: number): Promise<void> => {
    if (wakeRequested || !running) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        wakeSleeper = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakeSleeper = done;
    });
  };

  const deliverDue = async (): Promise<number> => {
    const rows = await claimNotifications(knex, workerId, channels, BATCH, leaseMs);
    await Promise.all(
      rows.map(async (row) => {
        const outcome = await deliverNotification(row, delivery, attemptMs);
        const settlement = settle(outcome, row.attempts, schedule);
        const held = await settleNotification(knex, row.id, workerId, settlement);
        const fields = { notificationId: row.id, channel: row.channel, kind: row.kind, attempts: row.attempts };
        if (!held) log.warn(fields, 'notification lease lost during delivery; another process owns it now');
        else if (settlement.status === 'sent') log.debug(fields, 'notification sent');
        else if (settlement.status === 'pending') log.warn({ ...fields, error: settlement.error, retryInMs: settlement.delayMs }, 'notification failed; will retry');
        else log.error({ ...fields, error: settlement.error }, 'notification given up');
      }),
    );
    return rows.length;
  };

  const claimLoop = async (): Promise<void> => {
    while (running) {
      wakeRequested = false;
      let attempted = 0;
      try {
        attempted = await deliverDue();
      } catch (error) {
        log.error({ err: error }, 'delivering notifications failed');
      }
      // A full batch suggests more is due: go on at once; else wait for the poll or a wake.
      if (attempted < BATCH) await sleep(pollMs);
    }
  };

  return {
    async enqueue(db: Knex | Knex.Transaction, items) {
      if (channels.length === 0) {
        if (!toldNoChannel) log.debug('no notification channel configured (SMTP_URL, NOTIFY_WEBHOOK_URL): notifications are not recorded');
        toldNoChannel = true;
        return;
      }
      const settingsOf = await renderSettingsOf(db, items.map((item) => item.tenantId), settings, options.branding);
      const inserted = await insertNotifications(db, outboxRows(items, channels, settingsOf, new Date()));
      if (inserted === 0) return;
      // Inside a transaction the rows become visible at its commit: wake the dispatcher then.
      if (db.isTransaction) (db as Knex.Transaction).executionPromise.then(notify, () => undefined);
      else notify();
    },
    deliverDue,
    start() {
      // With no channel configured nothing is ever queued: no loop polling the database for nothing.
      if (running || channels.length === 0) return;
      running = true;
      loop = asSystem(claimLoop);
    },
    async stop() {
      if (!running) return;
      running = false;
      notify();
      await loop;
      delivery.email?.close();
    },
    notify,
  };
}
