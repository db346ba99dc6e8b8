import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import pino, { type Logger } from 'pino';
import { connectDatabase, type Database } from '../db/connect.ts';
import type { NotificationRequest } from './notification-request.ts';

// Shared by the notifier tests only (not exported from the module).

/**
 * A database with one tenant: in-memory PGlite, or a scratch database on the PostgreSQL server of
 * TEST_DATABASE_URL when set (where concurrent claims really run side by side).
 */
export async function createTestDatabase(): Promise<Database & { tenantId: string }> {
  const serverUrl = process.env['TEST_DATABASE_URL'];
  let db: Database;
  if (serverUrl) {
    const name = `countersign_nt_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const created = await connectDatabase({ databaseUrl: url.toString() });
    db = {
      ...created,
      close: async () => {
        await created.close();
        await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  } else {
    db = await connectDatabase({ dataDir: ':memory:' });
  }
  const tenantId = `t-${randomUUID()}`;
  await db.knex('tenants').insert({ id: tenantId, name: 'Test tenant' });
  return { ...db, tenantId };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A silent-looking logger that keeps each record (debug and up) for assertions. */
export function recordingLogger(): { log: Logger; records: Record<string, unknown>[] } {
  const records: Record<string, unknown>[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void records.push(JSON.parse(line) as Record<string, unknown>) });
  return { log, records };
}

/** A task notification with sensible defaults. */
export function taskRequest(tenantId: string, overrides: Partial<NotificationRequest> = {}): NotificationRequest {
  return {
    tenantId,
    kind: 'task.created',
    recipient: { userId: 'u-anna', email: 'anna@example.com', name: 'Anna Approver' },
    task: {
      id: `task-${randomUUID()}`,
      title: 'Invoice 4711 from ACME GmbH',
      runId: 'run-1',
      workflowName: 'Invoice approval',
      level: 1,
      dueAt: '2030-03-03T17:00:00.000Z',
      amount: { amount: 123450, currency: 'EUR' },
    },
    ...overrides,
  };
}

/** One request a receiver got. */
export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** A local HTTP receiver that records requests and answers with scripted responses (then 204). */
export interface WebhookReceiver {
  url: string;
  port: number;
  received: ReceivedWebhook[];
  /** Queues answers for the next requests. */
  respond(...answers: { status: number; headers?: Record<string, string>; body?: string; delayMs?: number }[]): void;
  close(): Promise<void>;
}

/** Starts a receiver on 127.0.0.1. */
export async function startWebhookReceiver(defaultDelayMs = 0): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const answers: { status: number; headers?: Record<string, string>; body?: string; delayMs?: number }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      const answer = answers.shift() ?? { status: 204 };
      setTimeout(() => {
        res.writeHead(answer.status, answer.headers ?? {});
        res.end(answer.body ?? '');
      }, answer.delayMs ?? defaultDelayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/countersign`,
    port,
    received,
    respond: (...more) => answers.push(...more),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls `check` until it returns a value other than undefined. */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
