import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, RunEvent, ServerToClientEvents } from '@countersign/shared';
import { ApiClient } from '../support/api-client.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.ts';
import { startRuntime, type RuntimeProcess } from '../support/runtime-process.ts';

const node = (id: string, type: string, config: Record<string, unknown> = {}) => ({ id, type, typeVersion: 1, label: id, position: { x: 0, y: 0 }, config });
const edge = (source: string, target: string, sourcePort = 'out') => ({ id: `${source}-${sourcePort}-${target}`, source, sourcePort, target });

describe.each(databaseKinds())('engine and API (%s)', (kind) => {
  let db: TestDatabase;
  let runtime: RuntimeProcess;
  let api: ApiClient;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    runtime = await startRuntime(db.env);
    api = await ApiClient.login(runtime.baseUrl);
  });

  afterAll(async () => {
    await runtime?.stop();
    await db?.drop();
  });

  it('reports health with the database in use', async () => {
    const response = await fetch(`${runtime.baseUrl}/api/health`);
    expect(await response.json()).toEqual({ status: 'ok', database: kind });
  });

  it('runs the join of a diamond once and streams every event in order over socket.io', async () => {
    const workflowId = await api.createVersionedWorkflow('Diamond', {
      nodes: [
        node('start', 'trigger.manual'),
        node('tax', 'data.set', { fields: { tax: '{{ Math.round($input.net * 0.2) }}' } }),
        node('fee', 'data.set', { fields: { fee: 150 } }),
        node('join', 'flow.join'),
        node('total', 'data.set', { fields: { gross: '{{ $input.net + $input.tax + $input.fee }}' } }),
      ],
      edges: [edge('start', 'tax'), edge('start', 'fee'), edge('tax', 'join'), edge('fee', 'join'), edge('join', 'total')],
    });
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(runtime.baseUrl, { auth: { token: api.token }, transports: ['websocket'] });
    const events: RunEvent[] = [];
    const finished = new Promise<void>((resolve) => {
      socket.on('run:event', (event) => {
        events.push(event);
        if (event.type === 'run.succeeded' || event.type === 'run.failed') resolve();
      });
    });
    const runId = await api.startRun(workflowId, { net: 10_000 });
    const ack = await socket.emitWithAck('run:subscribe', { runId });
    expect(ack).toEqual({ ok: true });
    await finished;
    socket.close();
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events[0]?.type).toBe('run.started');
    expect(events.at(-1)?.type).toBe('run.succeeded');
    expect(events.filter((e) => e.type === 'step.started' && e.nodeId === 'join')).toHaveLength(1);

    const run = await api.waitForRun(runId);
    expect(run.status).toBe('succeeded');
    expect(run.output).toEqual({ net: 10_000, tax: 2000, fee: 150, gross: 12_150 });
    expect(run.versionHash).toMatch(/^[0-9a-f]{64}$/);
    expect(run.steps.find((s) => s.nodeId === 'join')?.attempt).toBe(1);
  });

  it('starts a run from a webhook with the request body as input', async () => {
    const workflowId = await api.createVersionedWorkflow('Webhook intake', {
      nodes: [node('hook', 'trigger.webhook'), node('mark', 'data.set', { fields: { received: true } })],
      edges: [edge('hook', 'mark')],
    });
    const response = await fetch(`${runtime.baseUrl}/hooks/${workflowId}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ invoiceNumber: 'INV-7' }) });
    expect(response.status).toBe(202);
    const { runId } = (await response.json()) as { runId: string };
    const run = await api.waitForRun(runId);
    expect(run.output).toEqual({ invoiceNumber: 'INV-7', received: true });
  });

  it('fails a step on sandbox abuse with a clear error and stays healthy', async () => {
    const cases: [string, string, string][] = [
      ['loop', '{{ (() => { while (true) {} })() }}', 'EXPRESSION_TIMEOUT'],
      ['process', '{{ process.exit(1) }}', 'EXPRESSION_ERROR'],
      ['require', '{{ require("fs").readFileSync("/etc/passwd", "utf8") }}', 'EXPRESSION_ERROR'],
      ['escape', '{{ this.constructor.constructor("return process")().exit(1) }}', 'EXPRESSION_ERROR'],
      ['fetch', '{{ fetch("http://127.0.0.1:1/") }}', 'EXPRESSION_ERROR'],
    ];
    for (const [name, expression, code] of cases) {
      const workflowId = await api.createVersionedWorkflow(`Abuse ${name}`, {
        nodes: [node('start', 'trigger.manual'), node('bad', 'data.set', { fields: { value: expression } })],
        edges: [edge('start', 'bad')],
      });
      const run = await api.waitForRun(await api.startRun(workflowId, {}));
      expect(run.status, name).toBe('failed');
      expect(run.error, name).toMatchObject({ code, nodeId: 'bad' });
    }
    const bomb = await api.createVersionedWorkflow('Abuse memory', {
      nodes: [node('start', 'trigger.manual'), node('bomb', 'data.code', { source: 'const hoard = []; while (true) hoard.push(new Array(100000).fill("x")); ' })],
      edges: [edge('start', 'bomb')],
    });
    const bombRun = await api.waitForRun(await api.startRun(bomb, {}));
    expect(bombRun.status).toBe('failed');
    expect(['EXPRESSION_MEMORY', 'EXPRESSION_TIMEOUT']).toContain(bombRun.error?.code);

    const health = await fetch(`${runtime.baseUrl}/api/health`);
    expect(health.status).toBe(200);
    const fine = await api.createVersionedWorkflow('After abuse', {
      nodes: [node('start', 'trigger.manual'), node('ok', 'data.set', { fields: { sum: '{{ 2 + 2 }}' } })],
      edges: [edge('start', 'ok')],
    });
    expect((await api.waitForRun(await api.startRun(fine, {}))).output).toEqual({ sum: 4 });
  });

  it('answers bad input with 4xx and the field, never 500', async () => {
    const invalid = await api.call<{ error: { code: string; issues: { path: (string | number)[] }[] } }>('POST', '/api/workflows', {
      name: 'Broken',
      graph: { schemaVersion: 1, nodes: [node('x', 'flow.if', { condition: 'yes' })], edges: [] },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.issues.map((i) => i.path.join('.'))).toContain('nodes.0.config.condition');
    const badJson = await fetch(`${runtime.baseUrl}/api/workflows`, { method: 'POST', headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' }, body: '{"name": ' });
    expect(badJson.status).toBe(400);
    const noToken = await fetch(`${runtime.baseUrl}/api/workflows`);
    expect(noToken.status).toBe(401);
    const wrongType = await api.call('POST', '/api/workflows', { name: 42, graph: {} });
    expect([400, 422]).toContain(wrongType.status);
  });
});
