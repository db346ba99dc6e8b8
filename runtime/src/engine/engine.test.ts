import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineHarness, type EngineHarness } from '../testing/engine-harness.ts';

const node = (id: string, type: string, config: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  id,
  type,
  typeVersion: 1,
  label: id,
  position: { x: 0, y: 0 },
  config,
  ...extra,
});
const edge = (source: string, target: string, sourcePort = 'out') => ({ id: `${source}-${sourcePort}-${target}`, source, sourcePort, target, targetPort: 'in' });

let h: EngineHarness;
let server: Server;
let baseUrl = '';
const seen: { path: string; key: string | undefined }[] = [];
let failuresLeft = 0;

beforeAll(async () => {
  h = await createEngineHarness({ leaseMs: 2000 });
  server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', key: req.headers['idempotency-key'] as string | undefined });
    if (req.url === '/slow') {
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'), 2000);
      return;
    }
    if (req.url === '/flaky' && failuresLeft > 0) {
      failuresLeft--;
      res.writeHead(503).end('busy');
      return;
    }
    res.writeHead(req.url === '/missing' ? 404 : 200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, path: req.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await h.close();
  await new Promise((resolve) => server.close(resolve));
});

async function runOf(workflowId: string, input: unknown) {
  const { runId } = await h.engine.startRun({ tenantId: h.tenantId, workflowId, input, trigger: 'manual' });
  return runId;
}

async function stepsOf(runId: string) {
  return h.db.knex('run_steps').where({ run_id: runId }).orderBy('position');
}

async function eventsOf(runId: string) {
  return h.db.knex('run_events').where({ run_id: runId }).orderBy('seq');
}

describe('engine', () => {
  it('runs a diamond with the join once and records every event in order without gaps', async () => {
    const id = await h.saveWorkflow({
      nodes: [
        node('start', 'trigger.manual'),
        node('left', 'data.set', { fields: { left: '{{ $input.n * 2 }}' } }),
        node('right', 'data.set', { fields: { right: '{{ $input.n + 1 }}' } }),
        node('join', 'flow.join'),
      ],
      edges: [edge('start', 'left'), edge('start', 'right'), edge('left', 'join'), edge('right', 'join')],
    });
    const runId = await runOf(id, { n: 5 });
    expect(await h.waitFor(runId)).toBe('succeeded');
    const steps = await stepsOf(runId);
    expect(steps.map((s) => [s.node_id, s.status, s.attempt])).toEqual([
      ['start', 'succeeded', 1],
      ['left', 'succeeded', 1],
      ['right', 'succeeded', 1],
      ['join', 'succeeded', 1],
    ]);
    const run = await h.db.knex('runs').where({ id: runId }).first();
    expect(run.output).toEqual({ n: 5, left: 10, right: 6 });
    const events = await eventsOf(runId);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e) => e.type === 'step.succeeded' && e.node_id === 'join')).toHaveLength(1);
    expect(events[0]?.type).toBe('run.started');
    expect(events.at(-1)?.type).toBe('run.succeeded');
  });

  it('retries an operational HTTP failure with the same idempotency key, then succeeds', async () => {
    failuresLeft = 2;
    const id = await h.saveWorkflow({
      nodes: [node('start', 'trigger.manual'), node('post', 'connector.http', { method: 'POST', url: `${baseUrl}/flaky`, body: '{{ $input }}' }, { retry: { maxAttempts: 3, backoffMs: 10 } })],
      edges: [edge('start', 'post')],
    });
    const runId = await runOf(id, { invoice: 'INV-1' });
    expect(await h.waitFor(runId)).toBe('succeeded');
    const calls = seen.filter((s) => s.path === '/flaky');
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c.key)).size).toBe(1);
    const [, post] = await stepsOf(runId);
    expect(post.attempt).toBe(3);
    const types = (await eventsOf(runId)).map((e) => e.type);
    expect(types.filter((t) => t === 'step.retrying')).toHaveLength(2);
  });

  it('fails the run on a non-retryable error, naming the node, and routes to an error port when wired', async () => {
    const failing = await h.saveWorkflow({
      nodes: [node('start', 'trigger.manual'), node('post', 'connector.http', { method: 'GET', url: `${baseUrl}/missing` }, { retry: { maxAttempts: 3, backoffMs: 10 } })],
      edges: [edge('start', 'post')],
    });
    const runId = await runOf(failing, {});
    expect(await h.waitFor(runId)).toBe('failed');
    const run = await h.db.knex('runs').where({ id: runId }).first();
    expect(run.error).toMatchObject({ code: 'HTTP_ERROR', nodeId: 'post' });
    expect((await stepsOf(runId))[1]?.attempt).toBe(1);

    const handled = await h.saveWorkflow({
      nodes: [
        node('start', 'trigger.manual'),
        node('post', 'connector.http', { method: 'GET', url: `${baseUrl}/missing` }),
        node('fallback', 'data.set', { fields: { handled: true }, keepInput: false }),
      ],
      edges: [edge('start', 'post'), edge('post', 'fallback', 'error')],
    });
    const handledRun = await runOf(handled, {});
    expect(await h.waitFor(handledRun)).toBe('succeeded');
    const steps = await stepsOf(handledRun);
    expect(steps.map((s) => [s.node_id, s.status])).toEqual([
      ['start', 'succeeded'],
      ['post', 'failed'],
      ['fallback', 'succeeded'],
    ]);
  });

  it('fails a step whose expression loops forever, and keeps running other runs', async () => {
    const id = await h.saveWorkflow({
      nodes: [node('start', 'trigger.manual'), node('bad', 'data.set', { fields: { x: '{{ (() => { while (true) {} })() }}' } })],
      edges: [edge('start', 'bad')],
    });
    const runId = await runOf(id, {});
    expect(await h.waitFor(runId)).toBe('failed');
    const run = await h.db.knex('runs').where({ id: runId }).first();
    expect(run.error).toMatchObject({ code: 'EXPRESSION_TIMEOUT', nodeId: 'bad' });
    const ok = await h.saveWorkflow({ nodes: [node('start', 'trigger.manual'), node('set', 'data.set', { fields: { y: '{{ 1 + 1 }}' } })], edges: [edge('start', 'set')] });
    const okRun = await runOf(ok, {});
    expect(await h.waitFor(okRun)).toBe('succeeded');
  });

  it('waits on a timer in the database and resumes when it is due', async () => {
    const id = await h.saveWorkflow({
      nodes: [node('start', 'trigger.manual'), node('pause', 'flow.wait', { durationMs: 300 }), node('after', 'data.set', { fields: { resumed: true } })],
      edges: [edge('start', 'pause'), edge('pause', 'after')],
    });
    const runId = await runOf(id, { a: 1 });
    expect(await h.waitFor(runId, ['waiting'])).toBe('waiting');
    const waiting = await h.db.knex('runs').where({ id: runId }).first();
    expect(waiting.locked_by).toBeNull();
    expect(waiting.ready_at).not.toBeNull();
    expect(await h.waitFor(runId)).toBe('succeeded');
    const types = (await eventsOf(runId)).map((e) => e.type);
    expect(types).toContain('run.waiting');
    expect(types).toContain('step.waiting');
  });

  it('cancels a waiting run: open steps are cancelled and a second cancel is refused', async () => {
    const id = await h.saveWorkflow({
      nodes: [node('start', 'trigger.manual'), node('pause', 'flow.wait', { durationMs: 60_000 })],
      edges: [edge('start', 'pause')],
    });
    const runId = await runOf(id, {});
    await h.waitFor(runId, ['waiting']);
    expect(await h.engine.cancelRun(h.tenantId, runId)).toBe('cancelled');
    expect((await stepsOf(runId))[1]?.status).toBe('cancelled');
    expect((await eventsOf(runId)).at(-1)?.type).toBe('run.cancelled');
    await expect(h.engine.cancelRun(h.tenantId, runId)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(h.engine.cancelRun('other-tenant', runId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('fails a step that keeps stopping the runtime instead of crashing it again and again', async () => {
    const id = await h.saveWorkflow({
      nodes: [node('start', 'trigger.manual'), node('pause', 'flow.wait', { durationMs: 60_000 }), node('after', 'data.set', { fields: { x: 1 } })],
      edges: [edge('start', 'pause'), edge('pause', 'after')],
    });
    const runId = await runOf(id, {});
    await h.waitFor(runId, ['waiting']);
    // As if two processes had died while running "pause": it is left running, under a lapsed lease.
    await h.db.knex('run_steps').where({ run_id: runId, node_id: 'pause' }).update({ status: 'running' });
    await h.db.knex('runs').where({ id: runId }).update({ status: 'running', locked_by: 'worker-gone', locked_until: new Date(Date.now() - 1000), ready_at: new Date(), takeovers: 2 });
    h.engine.notify();
    expect(await h.waitFor(runId)).toBe('failed');
    const run = await h.db.knex('runs').where({ id: runId }).first();
    expect(run.error).toMatchObject({ code: 'INTERNAL', nodeId: 'pause' });
    expect(run.error.message).toMatch(/interrupted by 3 runtime stops/);
    expect(run.takeovers).toBe(0);
    expect((await stepsOf(runId)).map((s) => [s.node_id, s.status])).toEqual([
      ['start', 'succeeded'],
      ['pause', 'failed'],
    ]);
  });

  it('resolves $node["label"].output of an upstream step and the injected $run', async () => {
    const id = await h.saveWorkflow({
      nodes: [
        node('start', 'trigger.manual'),
        node('first', 'data.set', { fields: { doubled: '{{ $input.n * 2 }}' } }),
        node('second', 'data.set', { fields: { fromFirst: '{{ $node["first"].output.doubled }}', runId: '{{ $run.id }}', note: 'n={{ $input.n }}' }, keepInput: false }),
      ],
      edges: [edge('start', 'first'), edge('first', 'second')],
    });
    const runId = await runOf(id, { n: 21 });
    expect(await h.waitFor(runId)).toBe('succeeded');
    const run = await h.db.knex('runs').where({ id: runId }).first();
    expect(run.output).toEqual({ fromFirst: 42, runId, note: 'n=21' });
  });

  it('cancels a run while a step is in flight: the step is aborted and the run closes as cancelled', async () => {
    const id = await h.saveWorkflow({
      nodes: [node('start', 'trigger.manual'), node('slow', 'connector.http', { method: 'GET', url: `${baseUrl}/slow` }), node('after', 'data.set', { fields: {} })],
      edges: [edge('start', 'slow'), edge('slow', 'after')],
    });
    const runId = await runOf(id, {});
    const deadline = Date.now() + 5000;
    while (!seen.some((s) => s.path === '/slow') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await h.engine.cancelRun(h.tenantId, runId)).toBe('running');
    expect(await h.waitFor(runId, ['cancelled', 'succeeded', 'failed'], 1500)).toBe('cancelled');
    expect((await stepsOf(runId)).map((s) => [s.node_id, s.status])).toEqual([
      ['start', 'succeeded'],
      ['slow', 'cancelled'],
    ]);
    const events = await eventsOf(runId);
    expect(events.at(-1)?.type).toBe('run.cancelled');
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  });
});
