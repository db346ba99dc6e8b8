import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '@countersign/shared';
import { portalEmbedToken, portalSession, startPartnerApp, type PartnerApp } from '../support/partner-app-process.ts';
import { DEMO_PASSWORD } from '../support/runtime-process.ts';

// The reference integration (examples/partner-app) as a process: its own sign-in, Countersign mounted
// under /countersign on the same server, embed tokens signed by the portal for its users.
let app: PartnerApp;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'countersign-partner-it-'));
  app = await startPartnerApp({ dataDir });
});

afterAll(async () => {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function api(path: string, token: string, init: { method?: string; json?: unknown } = {}): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  const response = await fetch(`${app.baseUrl}/countersign${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, ...(init.json === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

describe('the partner app embedding the runtime', () => {
  it('issues embed tokens only to its signed-in users, mapped to Countersign users of the demo tenant', async () => {
    expect((await fetch(`${app.baseUrl}/embed/token`)).status).toBe(401);
    await expect(portalSession(app.baseUrl, 'dana@northwind.test', 'wrong')).rejects.toThrow(/401/);
    const token = await portalEmbedToken(app.baseUrl, await portalSession(app.baseUrl, 'dana@northwind.test'));
    expect((await api('/api/auth/me', token)).body).toEqual({ id: 'embed:nw-dana', tenantId: 'demo', name: 'Dana Reyes', email: 'dana@northwind.test', roles: ['designer'], tenantKind: 'client' });
    const viewer = await portalEmbedToken(app.baseUrl, await portalSession(app.baseUrl, 'vera@northwind.test'));
    expect((await api('/api/auth/me', viewer)).body).toMatchObject({ roles: ['auditor'], restrictions: { readOnly: true } });
    expect((await api('/api/workflows/ap-invoice-intake/lint', viewer, { method: 'POST', json: {} })).status).toBe(200);
    expect((await api('/api/workflows', viewer, { method: 'POST', json: { name: 'x', graph: {} } })).status).toBe(403);
  });

  it('serves the script-tag editor and runs a test run live over socket.io under /countersign', async () => {
    expect((await fetch(`${app.baseUrl}/assets/countersign-editor.js`)).status).toBe(200);
    const token = await portalEmbedToken(app.baseUrl, await portalSession(app.baseUrl, 'dana@northwind.test'));
    const socket = io(app.baseUrl, { path: '/countersign/socket.io', auth: { token }, transports: ['websocket'] });
    const events: RunEvent[] = [];
    socket.on('run:event', (event: RunEvent) => events.push(event));
    try {
      const input = { invoiceNumber: 'NW-1', vendor: 'Acme', amount: 420, currency: 'EUR', invoiceDate: '2026-03-01', submittedBy: 'nw-dana' };
      const run = await api('/api/workflows/ap-invoice-intake/runs', token, { method: 'POST', json: { input, test: true } });
      expect(run.status).toBe(202);
      expect(await socket.timeout(5_000).emitWithAck('run:subscribe', { runId: run.body.runId })).toMatchObject({ ok: true });
      // The sample stops at its approval step: the designer's test run waits there, live.
      await expect.poll(() => events.some((event) => event.type === 'step.waiting' && event.nodeId === 'approve'), { timeout: 20_000 }).toBe(true);
      expect(events.filter((event) => event.type === 'step.succeeded').map((event) => event.nodeId)).toEqual(expect.arrayContaining(['invoice-received', 'check-fields', 'duplicate-check', 'approval-matrix']));
    } finally {
      socket.close();
    }
  });

  it('created its embed key once, at first start, through the service API (no Countersign sign-in), and keeps it across a restart', async () => {
    const keysAsAdmin = async (): Promise<{ id: string; name: string; createdBy: string; revokedAt: string | null }[]> => {
      const login = await fetch(`${app.baseUrl}/countersign/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@demo.test', password: DEMO_PASSWORD }) });
      return (await api('/api/embed/keys', ((await login.json()) as { token: string }).token)).body.items;
    };
    const before = await keysAsAdmin();
    expect(before).toEqual([expect.objectContaining({ name: 'Northwind Portal', createdBy: 'service:northwind-portal', revokedAt: null })]);
    // A designer of the portal holds an embed token, not the right to manage keys.
    const token = await portalEmbedToken(app.baseUrl, await portalSession(app.baseUrl, 'dana@northwind.test'));
    expect((await api('/api/embed/keys', token)).status).toBe(403);

    await app.stop();
    app = await startPartnerApp({ dataDir });
    expect(await keysAsAdmin()).toEqual(before);
    expect((await api('/api/auth/me', await portalEmbedToken(app.baseUrl, await portalSession(app.baseUrl, 'dana@northwind.test')))).status).toBe(200);
  });
});
