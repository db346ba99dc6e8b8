import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '@countersign/shared';
import { TEST_PASSWORD } from '../api/api-test-harness.ts';
import { createRuntime, type Runtime } from '../create-runtime.ts';
import { connectDatabase, type Database } from '../db/connect.ts';
import { createLogger } from '../logging/logger.ts';
import { signEmbedToken } from './sign-embed-token.ts';

// A partner's own Express app and HTTP server, with Countersign mounted under /countersign.
let database: Database;
let runtime: Runtime;
let server: Server;
let base: string;

const simple = {
  schemaVersion: 1,
  nodes: [
    { id: 'start', type: 'trigger.manual', typeVersion: 1, label: 'Start', position: { x: 0, y: 0 }, config: {} },
    { id: 'mark', type: 'data.set', typeVersion: 1, label: 'Mark', position: { x: 200, y: 0 }, config: { fields: { seen: true } } },
  ],
  edges: [{ id: 'e1', source: 'start', sourcePort: 'out', target: 'mark', targetPort: 'in' }],
};

async function call(method: string, path: string, options: { token?: string; json?: unknown } = {}): Promise<{ status: number; type: string; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  const headers: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}${path}`, { method, headers, ...(options.json === undefined ? {} : { body: JSON.stringify(options.json) }) });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, type, body: type.includes('json') ? JSON.parse(text) : text };
}

beforeAll(async () => {
  const host = express();
  host.get('/', (_req, res) => void res.send('Northwind home'));
  server = createServer(host);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  database = await connectDatabase({ dataDir: ':memory:' });
  runtime = await createRuntime({ database, seed: true, demoPassword: TEST_PASSWORD, demoErpUrl: `${base}/countersign/demo/erp/invoices`, engine: { pollMs: 20 }, logger: createLogger('silent') });
  host.use('/countersign', runtime.router);
  host.use((_req, res) => void res.status(404).type('text').send('host 404'));
  runtime.attach(server, { path: '/countersign/socket.io' });
});

afterAll(async () => {
  await runtime?.close();
  await new Promise((resolve) => server?.close(resolve));
  await database?.close();
});

describe('the runtime mounted under a prefix of a host app', () => {
  it('serves the API, its errors and its description under the prefix, and leaves the host alone', async () => {
    expect((await call('GET', '/countersign/api/health')).body).toEqual({ status: 'ok', database: 'pglite' });
    const missing = await call('GET', '/countersign/api/nothing-here');
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'No route for GET /countersign/api/nothing-here' } } });
    expect((await call('GET', '/countersign/api/workflows')).status).toBe(401);
    const spec = (await call('GET', '/countersign/api/openapi.json')).body;
    expect(new URL(spec.servers[0].url, `${base}/countersign/api/openapi.json`).pathname).toBe('/countersign/');
    expect(await call('GET', '/')).toMatchObject({ status: 200, body: 'Northwind home' });
    expect(await call('GET', '/api/health')).toMatchObject({ status: 404, body: 'host 404' });
    expect((await call('GET', '/socket.io/?EIO=4&transport=polling')).body).toBe('host 404');
  });

  it('runs webhooks under the prefix (the seeded workflow posts to the ERP inbox under it too)', async () => {
    const token = (await call('POST', '/countersign/api/auth/login', { json: { email: 'approver@demo.test', password: TEST_PASSWORD } })).body.token;
    const started = await call('POST', '/countersign/hooks/ap-invoice-intake', { json: { invoiceNumber: 'P-1', vendor: 'Acme', amount: 420, currency: 'EUR', invoiceDate: '2026-03-01', submittedBy: 'demo-operator' } });
    expect(started.status).toBe(202);
    await expect.poll(async () => (await call('GET', `/countersign/api/tasks?runId=${started.body.runId}`, { token })).body.items?.length, { timeout: 15_000 }).toBe(1);
    const task = (await call('GET', `/countersign/api/tasks?runId=${started.body.runId}`, { token })).body.items[0];
    expect((await call('POST', `/countersign/api/tasks/${task.id}/decision`, { token, json: { decision: 'approve' } })).status).toBe(200);
    await expect.poll(async () => (await call('GET', `/countersign/api/runs/${started.body.runId}`, { token })).body.status, { timeout: 15_000 }).toBe('succeeded');
    const posted = (await call('GET', `/countersign/api/runs/${started.body.runId}`, { token })).body.steps.find((step: { nodeId: string }) => step.nodeId === 'post-to-erp');
    expect(JSON.stringify(posted.output)).toMatch(/DEMO-/);
  });

  it('streams a run live over socket.io on the host server at the prefixed path, to an embed token', async () => {
    const admin = (await call('POST', '/countersign/api/auth/login', { json: { email: 'admin@demo.test', password: TEST_PASSWORD } })).body.token;
    const key = (await call('POST', '/countersign/api/embed/keys', { token: admin, json: { name: 'Host' } })).body;
    const token = await signEmbedToken(key, { tenantId: 'demo', userId: 'host-7', name: 'Host user', roles: ['designer'] });
    const workflow = (await call('POST', '/countersign/api/workflows', { token, json: { name: 'Prefixed', graph: simple } })).body;
    expect((await call('POST', `/countersign/api/workflows/${workflow.id}/versions`, { token })).status).toBe(201);

    const socket = io(base, { path: '/countersign/socket.io', auth: { token }, transports: ['websocket'] });
    const events: RunEvent[] = [];
    socket.on('run:event', (event: RunEvent) => events.push(event));
    try {
      const run = (await call('POST', `/countersign/api/workflows/${workflow.id}/runs`, { token, json: { input: { n: 1 }, test: true } })).body;
      expect(await socket.timeout(5_000).emitWithAck('run:subscribe', { runId: run.runId })).toMatchObject({ ok: true });
      await expect.poll(() => events.map((event) => event.type), { timeout: 15_000 }).toContain('run.succeeded');
      expect(events.filter((event) => event.type === 'step.succeeded').map((event) => event.nodeId)).toEqual(['start', 'mark']);
    } finally {
      socket.close();
    }
  });
});
