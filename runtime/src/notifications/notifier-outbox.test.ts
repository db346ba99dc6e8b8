import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNotifier } from './create-notifier.ts';
import type { Notifier } from './notifier.ts';
import { createTestDatabase, eventually, recordingLogger, startWebhookReceiver, taskRequest, type WebhookReceiver } from './notifier-test-kit.ts';
import { claimNotifications } from './sql/claim-notifications.ts';
import { settleNotification } from './sql/settle-notification.ts';

const SECRET = 'a shared secret for the outbox tests';
const log = pino({ level: 'silent' });
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let receiver: WebhookReceiver;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());
beforeEach(async () => {
  receiver = await startWebhookReceiver();
  await db.knex('notifications').delete();
});
afterEach(() => receiver.close());

const webhook = () => ({ url: receiver.url, secret: SECRET, allowPrivateAddresses: true });
const count = async () => Number((await db.knex('notifications').count<{ count: number }[]>('* as count'))[0]?.count);

describe('notification outbox', () => {
  it('writes one row per configured channel', async () => {
    const notifier = createNotifier({ knex: db.knex, log, webhook: webhook(), smtp: { url: 'smtp://127.0.0.1:1', from: 'Countersign <no-reply@countersign.local>' } });
    await notifier.enqueue(db.knex, [taskRequest(db.tenantId), taskRequest(db.tenantId)]);
    const rows = await db.knex('notifications').select('channel', 'status', 'attempts', 'subject', 'tenant_id');
    expect(rows.map((row) => row.channel).sort()).toEqual(['email', 'email', 'webhook', 'webhook']);
    expect(rows[0]).toMatchObject({ status: 'pending', attempts: 0, tenant_id: db.tenantId, subject: '[Countersign] Approval needed: Invoice 4711 from ACME GmbH' });
  });

  it('writes nothing without a channel', async () => {
    const notifier = createNotifier({ knex: db.knex, log });
    await notifier.enqueue(db.knex, [taskRequest(db.tenantId)]);
    expect(await count()).toBe(0);
    expect(await notifier.deliverDue()).toBe(0);
  });

  it('ignores a second enqueue with the same dedupe key; another occurrence is new', async () => {
    const notifier = createNotifier({ knex: db.knex, log, webhook: webhook() });
    const request = taskRequest(db.tenantId, { kind: 'task.reminder', occurrence: '1' });
    await notifier.enqueue(db.knex, [request, request]);
    await db.knex.transaction((trx) => notifier.enqueue(trx, [request]));
    expect(await count()).toBe(1);
    await notifier.deliverDue();
    await notifier.enqueue(db.knex, [request]);
    expect(await notifier.deliverDue()).toBe(0);
    expect(receiver.received).toHaveLength(1);

    await notifier.enqueue(db.knex, [{ ...request, occurrence: '2' }, { ...request, kind: 'task.escalated' }, { ...request, recipient: { ...request.recipient, userId: 'u-ben' } }]);
    expect(await count()).toBe(4);
  });

  it('leaves nothing behind when the enqueuing transaction rolls back', async () => {
    const notifier = createNotifier({ knex: db.knex, log, webhook: webhook() });
    await expect(
      db.knex.transaction(async (trx) => {
        await notifier.enqueue(trx, [taskRequest(db.tenantId)]);
        expect(await trx('notifications').count<{ count: number }[]>('* as count')).toEqual([{ count: 1 }]);
        throw new Error('the approval change failed');
      }),
    ).rejects.toThrow('the approval change failed');
    expect(await count()).toBe(0);
    expect(await notifier.deliverDue()).toBe(0);
    expect(receiver.received).toHaveLength(0);
  });

  it('never delivers a row twice with two dispatchers on one database', async () => {
    await receiver.close();
    receiver = await startWebhookReceiver(15);
    const logs = [recordingLogger(), recordingLogger()];
    const [first, second] = logs.map(({ log }) => createNotifier({ knex: db.knex, log, webhook: webhook(), pollMs: 5 })) as [Notifier, Notifier];
    const requests = Array.from({ length: 40 }, () => taskRequest(db.tenantId));
    await first.enqueue(db.knex, requests);
    first.start();
    second.start();
    try {
      await eventually(async () => ((await db.knex('notifications').where({ status: 'sent' }).count<{ count: number }[]>('* as count'))[0]?.count === 40 ? true : undefined), 15_000);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
    const ids = receiver.received.map((message) => message.headers['webhook-id']);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    expect(await db.knex('notifications').max('attempts as max').first()).toEqual({ max: 1 });
    // Both took part: each sent some of them.
    const sent = logs.map(({ records }) => records.filter((record) => record['msg'] === 'notification sent').length);
    expect(sent[0]).toBeGreaterThan(0);
    expect(sent[1]).toBeGreaterThan(0);
    expect((sent[0] ?? 0) + (sent[1] ?? 0)).toBe(40);
  });

  it('makes a row claimable again when the lease of a crashed dispatcher runs out', async () => {
    const notifier = createNotifier({ knex: db.knex, log, webhook: webhook(), leaseMs: 200 });
    await notifier.enqueue(db.knex, [taskRequest(db.tenantId)]);
    // A process claims the row and dies before recording the outcome.
    const [claimed] = await claimNotifications(db.knex, 'crashed-worker', ['webhook'], 10, 200);
    expect(claimed?.attempts).toBe(1);
    expect(await notifier.deliverDue()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await notifier.deliverDue()).toBe(1);
    expect(await db.knex('notifications').first()).toMatchObject({ status: 'sent', attempts: 2, locked_by: null });
    // The late outcome of the dead holder does not overwrite it.
    expect(await settleNotification(db.knex, claimed?.id ?? '', 'crashed-worker', { status: 'dead', error: 'late' })).toBe(false);
    expect(await db.knex('notifications').first()).toMatchObject({ status: 'sent' });
  });
});
