import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunEventSchema, type ClientToServerEvents, type RunEvent, type ServerToClientEvents, type SubscribeAck } from '@countersign/shared';
import { startTestRuntime, type TestRuntime } from '../api/api-test-harness.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const node = (id: string, type: string, config: Record<string, unknown> = {}) => ({ id, type, typeVersion: 1, label: id, position: { x: 0, y: 0 }, config });
const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, sourcePort: 'out', target, targetPort: 'in' });

let t: TestRuntime;
let token: string;
const clients: Client[] = [];

beforeAll(async () => {
  t = await startTestRuntime();
  token = await t.login('designer@demo.test');
});

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await t?.close();
});

function client(auth: Record<string, string> | undefined, extraHeaders?: Record<string, string>): Client {
  const socket: Client = connect(t.baseUrl, { transports: ['websocket'], reconnection: false, forceNew: true, ...(auth ? { auth } : {}), ...(extraHeaders ? { extraHeaders } : {}) });
  clients.push(socket);
  return socket;
}

function connected(socket: Client): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

/** Collects run:event until the run's terminal event. */
function collectUntilTerminal(socket: Client, runId: string, timeoutMs = 15_000): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no terminal event; got ${events.map((e) => e.type).join(', ')}`)), timeoutMs);
    socket.on('run:event', (event) => {
      if (event.runId !== runId) return;
      events.push(event);
      if (['run.succeeded', 'run.failed', 'run.cancelled'].includes(event.type)) {
        clearTimeout(timer);
        resolve(events);
      }
    });
  });
}

async function startRun(workflowId: string, input: unknown): Promise<string> {
  const { body } = await t.call('POST', `/api/workflows/${workflowId}/runs`, { token, json: { input, test: true } });
  return body.runId as string;
}

async function saveWorkflow(nodes: ReturnType<typeof node>[], edges: ReturnType<typeof edge>[]): Promise<string> {
  const { body } = await t.call('POST', '/api/workflows', { token, json: { name: 'Socket test', graph: { schemaVersion: 1, nodes, edges } } });
  await t.call('POST', `/api/workflows/${body.id}/versions`, { token });
  return body.id as string;
}

const expectGapless = (events: RunEvent[], from = 1): void => {
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => from + i));
};

describe('run socket', () => {
  it('sends the full history in order to a subscriber that arrives after the run finished', async () => {
    const workflowId = await saveWorkflow([node('start', 'trigger.manual'), node('a', 'data.set', { fields: { a: 1 } }), node('b', 'data.set', { fields: { b: 2 } })], [edge('start', 'a'), edge('a', 'b')]);
    const runId = await startRun(workflowId, { x: 1 });
    await t.waitForRun(token, runId);

    const socket = client({ token });
    await connected(socket);
    const collecting = collectUntilTerminal(socket, runId);
    const ack = await socket.emitWithAck('run:subscribe', { runId });
    expect(ack).toEqual({ ok: true });
    const events = await collecting;
    expectGapless(events);
    for (const event of events) RunEventSchema.parse(event);
    expect(events[0]).toMatchObject({ runId, seq: 1, type: 'run.started' });
    expect(events.at(-1)?.type).toBe('run.succeeded');
    expect(events.filter((e) => e.type === 'step.succeeded').map((e) => e.nodeId)).toEqual(['start', 'a', 'b']);
    expect(events.every((e) => !('nodeId' in e) || typeof e.nodeId === 'string')).toBe(true);
    // The REST log and the socket agree.
    const rest = await t.call('GET', `/api/runs/${runId}/events`, { token });
    expect(rest.body.items).toEqual(events);

    // afterSeq skips what the client already has.
    const again = client({ token });
    await connected(again);
    const rest2 = collectUntilTerminal(again, runId);
    await again.emitWithAck('run:subscribe', { runId, afterSeq: 2 });
    const tail = await rest2;
    expectGapless(tail, 3);
    expect(tail).toEqual(events.slice(2));
  });

  it('streams a live run from subscribe to its terminal event without gaps or duplicates', async () => {
    const workflowId = await saveWorkflow(
      [node('start', 'trigger.manual'), node('pause', 'flow.wait', { durationMs: 300 }), node('after', 'data.set', { fields: { done: true } })],
      [edge('start', 'pause'), edge('pause', 'after')],
    );
    const socket = client(undefined, { authorization: `Bearer ${token}` });
    await connected(socket);
    const runId = await startRun(workflowId, {});
    const collecting = collectUntilTerminal(socket, runId);
    expect(await socket.emitWithAck('run:subscribe', { runId })).toEqual({ ok: true });
    const events = await collecting;
    expectGapless(events);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['run.started', 'run.waiting', 'run.succeeded']));
  });

  it('delivers events committed by another process (read from the event table by the poll)', async () => {
    const workflowId = await saveWorkflow([node('start', 'trigger.manual')], []);
    // Stop this process from working so that "another process" (this test) writes the events.
    await t.runtime.engine.stop();
    try {
      const runId = await startRun(workflowId, {});
      const socket = client({ token });
      await connected(socket);
      const collecting = collectUntilTerminal(socket, runId);
      await socket.emitWithAck('run:subscribe', { runId });
      const knex = t.database.knex;
      await knex('run_events').insert({ run_id: runId, seq: 2, tenant_id: 'demo', type: 'run.cancelled', at: new Date(), data: JSON.stringify({ reason: 'elsewhere' }) });
      await knex('runs').where({ id: runId }).update({ event_seq: 2, status: 'cancelled' });
      const events = await collecting;
      expect(events.map((e) => [e.seq, e.type])).toEqual([
        [1, 'run.started'],
        [2, 'run.cancelled'],
      ]);
      expect(events[1]?.data).toEqual({ reason: 'elsewhere' });
    } finally {
      t.runtime.engine.start();
    }
  });

  it('refuses a connection without a valid token', async () => {
    const anonymous = client(undefined);
    await expect(connected(anonymous)).rejects.toThrow('UNAUTHENTICATED');
    const forged = client({ token: 'forged.token.value' });
    await expect(connected(forged)).rejects.toThrow('UNAUTHENTICATED');
  });

  it('refuses runs of another tenant, unknown runs and bad payloads; sends nothing to sockets that did not subscribe', async () => {
    const workflowId = await saveWorkflow([node('start', 'trigger.manual')], []);
    const runId = await startRun(workflowId, {});
    await t.waitForRun(token, runId);

    const stranger = client({ token: await t.otherTenantToken() });
    await connected(stranger);
    const received: RunEvent[] = [];
    stranger.on('run:event', (event) => received.push(event));
    expect(await stranger.emitWithAck('run:subscribe', { runId })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Run not found' } });
    expect(await stranger.emitWithAck('run:subscribe', { runId: 'no-such-run' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const bad = (await stranger.emitWithAck('run:subscribe', { runId: 42 } as never)) as SubscribeAck;
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    const idle = client({ token });
    await connected(idle);
    idle.on('run:event', (event) => received.push(event));
    const otherRun = await startRun(workflowId, {});
    await t.waitForRun(token, otherRun);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(received).toEqual([]);
  });

  it('stops sending after run:unsubscribe', async () => {
    const workflowId = await saveWorkflow([node('start', 'trigger.manual'), node('pause', 'flow.wait', { durationMs: 400 })], [edge('start', 'pause')]);
    const socket = client({ token });
    await connected(socket);
    const runId = await startRun(workflowId, {});
    const received: RunEvent[] = [];
    socket.on('run:event', (event) => received.push(event));
    await socket.emitWithAck('run:subscribe', { runId });
    expect(await socket.emitWithAck('run:unsubscribe', { runId })).toEqual({ ok: true });
    const seen = received.length;
    await t.waitForRun(token, runId);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(received.length).toBe(seen);
    expect(received.some((e) => e.type === 'run.succeeded')).toBe(false);
  });
});
