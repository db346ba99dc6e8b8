import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../create-runtime.ts';
import { connectDatabase } from '../db/connect.ts';
import { createLogger } from '../logging/logger.ts';
import { eventually, startWebhookReceiver, type WebhookReceiver } from '../notifications/notifier-test-kit.ts';
import type { WebhookEvent } from '../notifications/index.ts';
import { startSmtpSink, type SmtpSink } from '../testing/smtp-sink.ts';

// The runtime as `pnpm start` wires it (the outbox with the branding resolver), on PGlite in memory:
// the approver of the demo client of a branded partner is told in the partner's name.
const PASSWORD = 'demo-password-1';
let runtime: Runtime;
let baseUrl: string;
let sink: SmtpSink;
let receiver: WebhookReceiver;

const call = async (method: string, path: string, json: unknown, token?: string) => {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: JSON.stringify(json) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  sink = await startSmtpSink();
  receiver = await startWebhookReceiver();
  runtime = await createRuntime({
    database: await connectDatabase({ dataDir: ':memory:' }),
    seed: true,
    demoPassword: PASSWORD,
    logger: createLogger('silent'),
    approvalClockMs: 60_000,
    engine: { pollMs: 20 },
    notifications: {
      // The operator's sender address; its display name becomes the tenant's product name.
      smtp: { url: sink.url, from: 'Countersign <no-reply@notify.example>' },
      webhook: { url: receiver.url, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', allowPrivateAddresses: true },
      publicUrl: 'https://app.countersign.example',
      pollMs: 50,
    },
  });
  const server = await runtime.listen(0, '127.0.0.1');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await runtime?.close();
  await runtime?.database.close();
  await sink?.close();
  await receiver?.close();
});

describe('notifications of a client of a branded partner', () => {
  it("show the partner's product name, support link and domain, never Countersign", async () => {
    const partner = (await call('POST', '/api/auth/login', { email: 'partner@demo.test', password: PASSWORD })).body['token'] as string;
    const branded = await call('PUT', '/api/branding', { productName: 'Northwind Flow', supportUrl: 'https://help.northwind.test', customDomains: ['flows.northwind.test'] }, partner);
    expect(branded.status).toBe(200);

    const invoice = { invoiceNumber: 'NW-1', vendor: 'Acme', amount: 42_000, currency: 'EUR', invoiceDate: '2026-11-20', submittedBy: 'demo-operator' };
    expect((await call('POST', '/hooks/ap-invoice-intake', invoice)).status).toBe(202);

    const mail = await sink.waitFor((m) => m.subject.includes('NW-1'), 15_000);
    expect(mail.subject).toMatch(/^\[Northwind Flow\] Approval needed: /);
    expect(mail.from).toBe('"Northwind Flow" <no-reply@notify.example>');
    expect(mail.text).toContain('You receive this because you are an approver in Northwind Flow.');
    expect(mail.text).toContain('Need help? https://help.northwind.test');
    expect(mail.text).toMatch(/https:\/\/flows\.northwind\.test\/inbox\//);
    expect(mail.html).toContain('Need help? https://help.northwind.test');
    for (const part of [mail.subject, mail.from, mail.text, mail.html]) expect(part).not.toMatch(/Countersign/i);

    const hook = await eventually(() => receiver.received.map((r) => JSON.parse(r.body) as WebhookEvent).find((e) => e.data.task.title.includes('NW-1')), 15_000);
    expect(hook.data.product).toEqual({ name: 'Northwind Flow', supportUrl: 'https://help.northwind.test', supportEmail: null });
    expect(hook.data.url).toMatch(/^https:\/\/flows\.northwind\.test\/inbox\//);
    expect(JSON.stringify(hook)).not.toMatch(/Countersign/i);
  });
});
