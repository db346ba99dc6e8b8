import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, ServerToClientEvents } from '@countersign/shared';
import { startTestRuntime, type TestRuntime } from '../api/api-test-harness.ts';
import { createLogger } from '../logging/logger.ts';

// Distinctive values: if any of them (or the Basic header's base64) shows up anywhere, it leaked.
const TOKEN = 'tok-REDACT-7f3a9c1e55';
const USER = 'svc-ledger';
const PASSWORD = 'pw-REDACT-b81d22aa';
const BASIC = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
const SECRETS = [TOKEN, PASSWORD, BASIC, `${USER}:${PASSWORD}`];
// A password a designer wrongly put into a URL: not a credential, but it must not surface from an error either.
const URL_PASSWORD = 'url-REDACT-0c0c0c';

const logLines: string[] = [];
const responses: string[] = [];
const socketFrames: string[] = [];
const received: string[] = [];
let t: TestRuntime;
let target: Server;
let targetUrl: string;
let socket: Socket<ServerToClientEvents, ClientToServerEvents>;

beforeAll(async () => {
  const memory = new Writable({ write: (chunk, _encoding, done) => void (logLines.push(String(chunk)), done()) });
  t = await startTestRuntime({ logger: createLogger('trace', memory) });
  // A careless server: records the Authorization header and echoes it back (200 on /ok, 400 on /reject).
  target = createServer((req, res) => {
    received.push(req.headers.authorization ?? '');
    const echoed = JSON.stringify({ seen: req.headers.authorization ?? null });
    res.writeHead(req.url === '/reject' ? 400 : 200, { 'content-type': 'application/json', 'x-seen': req.headers.authorization ?? '' }).end(echoed);
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
});

afterAll(async () => {
  socket?.disconnect();
  await t?.close();
  await new Promise((resolve) => target?.close(resolve));
});

/** Every API call of this test goes through here, so every response body is checked. */
async function call(method: string, path: string, options: Parameters<TestRuntime['call']>[2] = {}) {
  const response = await t.call(method, path, options);
  responses.push(`${method} ${path} -> ${response.status} ${typeof response.body === 'string' ? response.body : JSON.stringify(response.body)}`);
  return response;
}

const node = (id: string, type: string, config: Record<string, unknown> = {}) => ({ id, type, typeVersion: 1, label: id, position: { x: 0, y: 0 }, config });
const http = (id: string, url: string, credentialId?: string) => node(id, 'connector.http', { method: 'POST', url, purpose: 'notify', body: { step: id }, ...(credentialId ? { credentialId } : {}) });
const chain = (ids: string[]) => ids.slice(1).map((id, i) => ({ id: `e${i}`, source: ids[i] as string, sourcePort: 'out', target: id, targetPort: 'in' }));

async function saveWorkflow(token: string, name: string, nodes: ReturnType<typeof node>[]): Promise<string> {
  const { body } = await call('POST', '/api/workflows', { token, json: { name, graph: { schemaVersion: 1, nodes, edges: chain(nodes.map((n) => n.id)) } } });
  await call('POST', `/api/workflows/${body.id}/versions`, { token });
  return body.id as string;
}

/** Starts a run and follows it over socket.io until its terminal event; every frame the socket receives is kept. */
async function runAndFollow(token: string, workflowId: string, test: boolean): Promise<string> {
  const { body } = await call('POST', `/api/workflows/${workflowId}/runs`, { token, json: { input: { invoice: 'INV-9' }, test } });
  const runId = body.runId as string;
  const done = new Promise<void>((resolve) => {
    socket.on('run:event', (event) => {
      if (event.runId === runId && ['run.succeeded', 'run.failed', 'run.cancelled'].includes(event.type)) resolve();
    });
  });
  expect(await socket.emitWithAck('run:subscribe', { runId })).toEqual({ ok: true });
  await done;
  return runId;
}

describe('credential values never leave the runtime', () => {
  it('are sent to the target, but appear in no API response, log line, run data or socket event', async () => {
    const admin = await t.login('admin@demo.test');
    const designer = await t.login('designer@demo.test');
    const auditor = await t.login('auditor@demo.test');
    socket = connect(t.baseUrl, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: designer } });
    socket.onAny((event: string, ...args: unknown[]) => socketFrames.push(JSON.stringify([event, args])));
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));

    const bearer = (await call('POST', '/api/credentials', { token: admin, json: { name: 'Ledger token', kind: 'api_token', value: TOKEN } })).body;
    const basic = (await call('POST', '/api/credentials', { token: admin, json: { name: 'Ledger login', kind: 'basic_auth', value: { username: USER, password: PASSWORD } } })).body;

    // Production: published through review, both credentials used, the target echoing them back.
    const ok = await saveWorkflow(designer, 'Uses both', [node('start', 'trigger.manual'), http('bearer', `${targetUrl}/ok`, bearer.id), http('basic', `${targetUrl}/ok`, basic.id)]);
    await t.publish(designer, ok, 1);
    const okRun = await runAndFollow(designer, ok, false);
    expect(received.slice(-2)).toEqual([`Bearer ${TOKEN}`, `Basic ${BASIC}`]);

    // Failures: a 400 that echoes the header into the error, and a URL carrying a password.
    const rejected = await runAndFollow(designer, await saveWorkflow(designer, 'Rejected', [node('start', 'trigger.manual'), http('reject', `${targetUrl}/reject`, bearer.id)]), true);
    const userinfo = await runAndFollow(designer, await saveWorkflow(designer, 'Userinfo', [node('start', 'trigger.manual'), http('userinfo', `http://${USER}:${URL_PASSWORD}@127.0.0.1:1/ok`)]), true);

    const okBody = (await call('GET', `/api/runs/${okRun}`, { token: designer })).body;
    expect(okBody.status).toBe('succeeded');
    expect(okBody.steps.find((s: { nodeId: string }) => s.nodeId === 'bearer').output.body).toEqual({ seen: '[redacted]' });
    const rejectedBody = (await call('GET', `/api/runs/${rejected}`, { token: designer })).body;
    expect(rejectedBody.steps.find((s: { nodeId: string }) => s.nodeId === 'reject').error).toMatchObject({ code: 'HTTP_ERROR', details: { status: 400 } });
    const userinfoBody = (await call('GET', `/api/runs/${userinfo}`, { token: designer })).body;
    expect(userinfoBody.status).toBe('failed');
    expect(JSON.stringify(userinfoBody)).not.toContain(URL_PASSWORD);

    for (const runId of [okRun, rejected, userinfo]) await call('GET', `/api/runs/${runId}/events`, { token: designer });
    await call('GET', '/api/credentials', { token: designer });
    for (const id of [bearer.id, basic.id]) await call('GET', `/api/credentials/${id}`, { token: admin });
    await call('GET', '/api/audit?limit=500', { token: auditor });
    await call('GET', `/api/runs/${okRun}/evidence`, { token: auditor });
    await call('GET', `/api/runs/${okRun}/evidence?format=html`, { token: auditor });
    await call('PUT', `/api/credentials/${bearer.id}/value`, { token: admin, json: { value: `${TOKEN}-renewed` } });
    await call('POST', '/api/credentials/rotate', { token: admin });

    // The checks are only as good as what they looked at.
    expect(responses.length).toBeGreaterThan(20);
    expect(socketFrames.filter((frame) => frame.includes('step.succeeded')).length).toBeGreaterThanOrEqual(3);
    expect(logLines.some((line) => line.includes('"msg":"request"'))).toBe(true);
    for (const secret of SECRETS) {
      expect(responses.filter((text) => text.includes(secret))).toEqual([]);
      expect(logLines.filter((text) => text.includes(secret))).toEqual([]);
      expect(socketFrames.filter((text) => text.includes(secret))).toEqual([]);
    }
    expect([...logLines, ...socketFrames].filter((text) => text.includes(URL_PASSWORD))).toEqual([]);
  });
});
