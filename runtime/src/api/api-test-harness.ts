import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { RunStatus } from '@countersign/shared';
import { hashPassword } from '../auth/password.ts';
import { createRuntime, type Runtime, type RuntimeOptions } from '../create-runtime.ts';
import { connectDatabase, type Database } from '../db/connect.ts';
import { createLogger } from '../logging/logger.ts';
import { createDemoErpRouter, DEMO_ERP_PATH } from '../seed/demo-erp.ts';

/** A response body as tests read it: loosely, then checked field by field or with the shared DTO schemas. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests inspect arbitrary JSON responses
export type LooseJson = any;

/** The demo users' password in tests. */
export const TEST_PASSWORD = 'demo-password-1';

/** A runtime listening on a free port, on an in-memory PGlite, seeded; for API and socket tests. */
export interface TestRuntime {
  runtime: Runtime;
  database: Database;
  baseUrl: string;
  /** Idempotency keys the demo ERP received. */
  erpKeys: string[];
  /** A bearer token of a user (demo users share TEST_PASSWORD). */
  login(email: string, password?: string): Promise<string>;
  /** Creates another tenant with one user and returns that user's token. */
  otherTenantToken(): Promise<string>;
  /** fetch against the runtime with an optional token; JSON bodies are encoded. */
  call(method: string, path: string, options?: { token?: string; json?: unknown; body?: string; headers?: Record<string, string> }): Promise<{ status: number; body: LooseJson }>;
  /** Takes a saved version through review to production: submitted by `token`'s user, approved by the demo reviewer, published by `token`'s user. */
  publish(token: string, workflowId: string, version: number): Promise<void>;
  /** Polls GET /api/runs/:id until the run reaches a terminal status. */
  waitForRun(token: string, runId: string, timeoutMs?: number): Promise<{ status: RunStatus; [key: string]: unknown }>;
  close(): Promise<void>;
}

async function listen(app: express.Express): Promise<{ server: Server; url: string }> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Starts a seeded runtime on PGlite in memory, with a demo ERP inbox on its own port. */
export async function startTestRuntime(options: Pick<RuntimeOptions, 'notifier' | 'approvalClockMs' | 'credentialKeys' | 'logger'> & { database?: Database } = {}): Promise<TestRuntime> {
  const erpKeys: string[] = [];
  const erpApp = express();
  erpApp.use((req, _res, next) => {
    if (req.path === DEMO_ERP_PATH) erpKeys.push(String(req.headers['idempotency-key']));
    next();
  });
  erpApp.use(createDemoErpRouter());
  const erp = await listen(erpApp);

  const database = options.database ?? (await connectDatabase({ dataDir: ':memory:' }));
  const runtime = await createRuntime({
    database,
    seed: true,
    demoPassword: TEST_PASSWORD,
    demoErpUrl: `${erp.url}${DEMO_ERP_PATH}`,
    engine: { pollMs: 20 },
    approvalClockMs: options.approvalClockMs ?? 100,
    ...(options.notifier ? { notifier: options.notifier } : {}),
    logger: options.logger ?? createLogger('silent'),
    credentialKeys: options.credentialKeys,
  });
  const server = await runtime.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const call: TestRuntime['call'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    let body = options.body;
    if (options.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(options.json);
    }
    const response = await fetch(`${baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: the test sees the text.
    }
    return { status: response.status, body: parsed };
  };

  const login = async (email: string, password = TEST_PASSWORD): Promise<string> => {
    const { status, body } = await call('POST', '/api/auth/login', { json: { email, password } });
    if (status !== 200) throw new Error(`login of ${email} failed: ${status} ${JSON.stringify(body)}`);
    return body.token as string;
  };

  let others = 0;
  return {
    runtime,
    database,
    baseUrl,
    erpKeys,
    login,
    async otherTenantToken() {
      others += 1;
      const tenantId = `other-${others}`;
      await database.knex('tenants').insert({ id: tenantId, name: `Other ${others}` });
      const email = `user@${tenantId}.test`;
      await database.knex('users').insert({ id: `${tenantId}-user`, tenant_id: tenantId, email, name: 'Other user', password_hash: await hashPassword(TEST_PASSWORD), roles: JSON.stringify(['designer']) });
      return login(email);
    },
    call,
    async publish(token, workflowId, version) {
      const base = `/api/workflows/${workflowId}/versions/${version}`;
      const steps: [string, string, unknown][] = [
        [token, `${base}/submit`, undefined],
        [await login('reviewer@demo.test'), `${base}/approve`, { comment: 'Reviewed' }],
        [token, `${base}/publish`, undefined],
      ];
      for (const [who, path, json] of steps) {
        const { status, body } = await call('POST', path, { token: who, ...(json === undefined ? {} : { json }) });
        if (status !== 200) throw new Error(`${path} failed: ${status} ${JSON.stringify(body)}`);
      }
    },
    async waitForRun(token, runId, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const { body } = await call('GET', `/api/runs/${runId}`, { token });
        if (['succeeded', 'failed', 'cancelled'].includes(body.status)) return body;
        if (Date.now() > deadline) throw new Error(`run ${runId} is still ${body.status} after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async close() {
      await runtime.close();
      if (!options.database) await database.close();
      await new Promise((resolve) => erp.server.close(resolve));
    },
  };
}
