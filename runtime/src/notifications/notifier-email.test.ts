import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../testing/smtp-sink.ts';
import { createNotifier } from './create-notifier.ts';
import { createTestDatabase, eventually, taskRequest } from './notifier-test-kit.ts';

const log = pino({ level: 'silent' });
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let sink: SmtpSink;

beforeAll(async () => {
  db = await createTestDatabase();
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
  await db.close();
});

describe('email notifications', () => {
  it('delivers the email with subject, body and inbox link', async () => {
    const notifier = createNotifier({ knex: db.knex, log, smtp: { url: sink.url, from: 'Countersign <no-reply@countersign.local>' }, publicUrl: 'https://app.example.com' });
    const request = taskRequest(db.tenantId);
    await db.knex.transaction((trx) => notifier.enqueue(trx, [request]));
    expect(await notifier.deliverDue()).toBe(1);

    const mail = await sink.waitFor((m) => m.text.includes(request.task.id));
    expect(mail.subject).toBe('[Countersign] Approval needed: Invoice 4711 from ACME GmbH');
    expect(mail.from).toContain('no-reply@countersign.local');
    expect(mail.to).toEqual(['anna@example.com']);
    expect(mail.text).toContain('1234.50 EUR');
    expect(mail.text).toContain('2030-03-03 17:00 UTC');
    expect(mail.text).toContain(`https://app.example.com/inbox/${request.task.id}`);
    expect(mail.html).toContain(`href="https://app.example.com/inbox/${request.task.id}"`);
    expect(mail.headers['auto-submitted']).toBe('auto-generated');

    const row = await db.knex('notifications').where({ dedupe_key: JSON.stringify(['email', db.tenantId, 'task.created', request.task.id, 'u-anna', null]) }).first();
    expect(row).toMatchObject({ status: 'sent', attempts: 1, channel: 'email', recipient: 'u-anna', locked_by: null });
    expect(row.sent_at).toBeInstanceOf(Date);
    expect(mail.messageId).toBe(`<${row.id}@countersign.local>`);
  });

  it('wakes the running dispatcher when the enqueuing transaction commits', async () => {
    const notifier = createNotifier({ knex: db.knex, log, smtp: { url: sink.url, from: 'Countersign <no-reply@countersign.local>' }, pollMs: 60_000 });
    notifier.start();
    try {
      const request = taskRequest(db.tenantId, { kind: 'task.reminder', occurrence: '1' });
      await db.knex.transaction((trx) => notifier.enqueue(trx, [request]));
      const mail = await sink.waitFor((m) => m.text.includes('Reminder') && m.subject.includes('Reminder'), 3_000);
      expect(mail.text).toContain('Review and decide in your inbox.');
    } finally {
      await notifier.stop();
    }
  });

  it('retries when the SMTP server cannot be reached', async () => {
    const notifier = createNotifier({ knex: db.knex, log, smtp: { url: 'smtp://127.0.0.1:1', from: 'Countersign <no-reply@countersign.local>' }, schedule: [0, 60_000] });
    const request = taskRequest(db.tenantId);
    await notifier.enqueue(db.knex, [request]);
    expect(await notifier.deliverDue()).toBe(1);
    const row = await eventually(() => db.knex('notifications').where({ channel: 'email', status: 'pending' }).whereNotNull('last_error').first());
    expect(row).toMatchObject({ attempts: 1, locked_by: null });
    expect(row.last_error).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    expect(row.next_attempt_at.getTime()).toBeGreaterThan(Date.now() + 30_000);
  });
});
