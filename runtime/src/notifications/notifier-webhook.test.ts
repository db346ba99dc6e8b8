import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNotifier } from './create-notifier.ts';
import type { NotifierOptions } from './notifier.ts';
import { createTestDatabase, startWebhookReceiver, taskRequest, type WebhookReceiver } from './notifier-test-kit.ts';
import type { WebhookEvent } from './webhook-event.ts';
import { verifyWebhookSignature } from './webhook-signature.ts';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
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

const notifierFor = (overrides: Partial<NotifierOptions> = {}) =>
  createNotifier({ knex: db.knex, log, webhook: { url: receiver.url, secret: SECRET, allowPrivateAddresses: true }, schedule: [0, 20, 20], ...overrides });

const onlyRow = async () => {
  const rows = await db.knex('notifications').select('*');
  expect(rows).toHaveLength(1);
  return rows[0];
};

describe('webhook notifications', () => {
  it('POSTs a signed Standard Webhooks message that verifies, and a tampered one does not', async () => {
    const notifier = notifierFor({ publicUrl: 'https://app.example.com' });
    const request = taskRequest(db.tenantId);
    await notifier.enqueue(db.knex, [request]);
    expect(await notifier.deliverDue()).toBe(1);

    expect(receiver.received).toHaveLength(1);
    const [message] = receiver.received;
    const row = await onlyRow();
    expect(row).toMatchObject({ status: 'sent', attempts: 1, channel: 'webhook' });
    expect(message?.headers['webhook-id']).toBe(row.id);
    expect(message?.headers['content-type']).toBe('application/json');
    expect(Number(message?.headers['webhook-timestamp'])).toBeCloseTo(Date.now() / 1000, -1);
    expect(verifyWebhookSignature(SECRET, message?.headers ?? {}, message?.body ?? '')).toBe(true);
    expect(verifyWebhookSignature(SECRET, message?.headers ?? {}, (message?.body ?? '').replace('123450', '923450'))).toBe(false);
    expect(verifyWebhookSignature('whsec_' + Buffer.from('another secret').toString('base64'), message?.headers ?? {}, message?.body ?? '')).toBe(false);

    const event = JSON.parse(message?.body ?? '') as WebhookEvent;
    expect(event).toMatchObject({
      type: 'task.created',
      data: { tenantId: db.tenantId, recipient: { userId: 'u-anna', email: 'anna@example.com' }, task: request.task, url: `https://app.example.com/inbox/${request.task.id}` },
    });
    expect(Date.parse(event.timestamp)).toBeGreaterThan(Date.now() - 10_000);
  });

  it('retries after a 500 with the same id and body, then succeeds', async () => {
    const notifier = notifierFor();
    receiver.respond({ status: 500, body: 'database down' });
    await notifier.enqueue(db.knex, [taskRequest(db.tenantId)]);
    expect(await notifier.deliverDue()).toBe(1);
    expect(await onlyRow()).toMatchObject({ status: 'pending', attempts: 1, last_error: 'HTTP 500: database down' });
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(await notifier.deliverDue()).toBe(1);
    expect(await onlyRow()).toMatchObject({ status: 'sent', attempts: 2 });
    const [first, second] = receiver.received;
    expect(second?.headers['webhook-id']).toBe(first?.headers['webhook-id']);
    expect(second?.body).toBe(first?.body);
  });

  it('gives up when the schedule is exhausted', async () => {
    const notifier = notifierFor({ schedule: [0, 10] });
    receiver.respond({ status: 502 }, { status: 502 });
    await notifier.enqueue(db.knex, [taskRequest(db.tenantId)]);
    await notifier.deliverDue();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await notifier.deliverDue();
    expect(await onlyRow()).toMatchObject({ status: 'dead', attempts: 2, last_error: 'HTTP 502 (gave up after 2 attempts)' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await notifier.deliverDue()).toBe(0);
  });

  it('stops on 410 Gone and on other 4xx answers', async () => {
    const notifier = notifierFor();
    receiver.respond({ status: 410 }, { status: 400 });
    await notifier.enqueue(db.knex, [taskRequest(db.tenantId)]);
    await notifier.deliverDue();
    expect(await onlyRow()).toMatchObject({ status: 'dead', attempts: 1, last_error: expect.stringContaining('410') });
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(await notifier.deliverDue()).toBe(0);
    expect(receiver.received).toHaveLength(1);

    await db.knex('notifications').delete();
    await notifier.enqueue(db.knex, [taskRequest(db.tenantId)]);
    await notifier.deliverDue();
    expect(await onlyRow()).toMatchObject({ status: 'dead', last_error: expect.stringContaining('HTTP 400') });
  });

  it('honours Retry-After on 429 and 503', async () => {
    const notifier = notifierFor();
    receiver.respond({ status: 429, headers: { 'retry-after': '2' } });
    await notifier.enqueue(db.knex, [taskRequest(db.tenantId)]);
    const before = Date.now();
    await notifier.deliverDue();
    const row = await onlyRow();
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    // The schedule alone would retry after ~20 ms; the receiver asked for 2 s.
    expect(row.next_attempt_at.getTime() - before).toBeGreaterThanOrEqual(1_900);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await notifier.deliverDue()).toBe(0);

    await db.knex('notifications').update({ next_attempt_at: new Date(Date.now() - 1) });
    receiver.respond({ status: 503, headers: { 'retry-after': new Date(Date.now() + 60_000).toUTCString() } });
    await notifier.deliverDue();
    const again = await onlyRow();
    expect(again).toMatchObject({ status: 'pending', attempts: 2, last_error: 'HTTP 503' });
    expect(again.next_attempt_at.getTime() - Date.now()).toBeGreaterThan(50_000);
  });

  it('retries when the receiver cannot be reached', async () => {
    await receiver.close();
    const notifier = notifierFor();
    await notifier.enqueue(db.knex, [taskRequest(db.tenantId)]);
    await notifier.deliverDue();
    expect(await onlyRow()).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringContaining('ECONNREFUSED') });
    receiver = await startWebhookReceiver();
  });

  it('refuses private addresses unless allowed', async () => {
    for (const url of [receiver.url, `http://localhost:${receiver.port}/hooks`]) {
      await db.knex('notifications').delete();
      const notifier = notifierFor({ webhook: { url, secret: SECRET } });
      await notifier.enqueue(db.knex, [taskRequest(db.tenantId)]);
      expect(await notifier.deliverDue()).toBe(1);
      expect(await onlyRow()).toMatchObject({ status: 'dead', last_error: expect.stringMatching(/private address/) });
    }
    expect(receiver.received).toHaveLength(0);
  });
});
