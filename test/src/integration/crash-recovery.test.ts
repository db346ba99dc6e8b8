import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.ts';
import { startHttpTarget, type HttpTarget } from '../support/http-target.ts';
import { freePort, startRuntime, type RuntimeProcess } from '../support/runtime-process.ts';

const POSTS = 8;

function postingChain(targetUrl: string) {
  const nodes = [{ id: 'start', type: 'trigger.manual', typeVersion: 1, label: 'Start', position: { x: 0, y: 0 }, config: {} }];
  const edges = [];
  for (let i = 1; i <= POSTS; i++) {
    nodes.push({
      id: `post${i}`,
      type: 'connector.http',
      typeVersion: 1,
      label: `Post ${i}`,
      position: { x: i * 200, y: 0 },
      // A side effect the target records (what is tested is that each happens once), not a ledger posting: no approval gate needed.
      config: { method: 'POST', purpose: 'notify', url: `${targetUrl}/post/${i}`, body: { invoice: '{{ $input.invoice }}', line: i } } as never,
    });
    edges.push({ id: `e${i}`, source: i === 1 ? 'start' : `post${i - 1}`, target: `post${i}` });
  }
  return { nodes, edges };
}

describe.each(databaseKinds())('a runtime killed mid-run (%s)', (kind) => {
  let db: TestDatabase | undefined;
  let target: HttpTarget | undefined;
  let runtime: RuntimeProcess | undefined;

  afterEach(async () => {
    await runtime?.stop();
    await target?.close();
    await db?.drop();
  });

  /** A runtime on a fresh database running the posting chain against a slow target. */
  async function startPostingRun(leaseMs: number, targetDelayMs: number, name: string) {
    db = await createTestDatabase(kind);
    const posts = await startHttpTarget(targetDelayMs);
    target = posts;
    const env = { ...db.env, COUNTERSIGN_LEASE_MS: String(leaseMs) };
    const port = await freePort();
    const first = await startRuntime(env, port);
    runtime = first;
    const api = await ApiClient.login(first.baseUrl);
    const workflowId = await api.createVersionedWorkflow(name, postingChain(posts.url));
    const runId = await api.startRun(workflowId, { invoice: `INV-${name}` });
    return { env, port, runId, target: posts, first };
  }

  it('resumes after a restart: every step once in the result, one idempotency key per step at the target', async () => {
    const { env, port, runId, target, first } = await startPostingRun(1500, 150, 'Crash test');

    // Kill the process once a few posts went out, while one is in flight.
    const deadline = Date.now() + 30_000;
    while (target.seen.length < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(target.seen.length).toBeGreaterThanOrEqual(3);
    await first.kill();
    const seenAtKill = target.seen.length;
    expect(seenAtKill).toBeLessThan(POSTS);

    runtime = await startRuntime(env, port);
    const again = await ApiClient.login(runtime.baseUrl);
    const run = await again.waitForRun(runId);
    expect(run.status).toBe('succeeded');
    expect(run.steps.map((step) => step.nodeId)).toEqual(['start', ...Array.from({ length: POSTS }, (_, i) => `post${i + 1}`)]);
    expect(run.steps.every((step) => step.status === 'succeeded')).toBe(true);

    const keysByPath = new Map<string, Set<string | undefined>>();
    for (const request of target.seen) {
      const keys = keysByPath.get(request.path) ?? new Set();
      keys.add(request.idempotencyKey);
      keysByPath.set(request.path, keys);
    }
    expect(keysByPath.size).toBe(POSTS);
    for (const keys of keysByPath.values()) expect(keys.size).toBe(1);
    const distinct = new Set(target.seen.map((request) => request.idempotencyKey));
    expect(distinct.size).toBe(POSTS);
    // At most the step that was in flight at the kill is delivered twice, and with its original key.
    expect(target.seen.length).toBeLessThanOrEqual(POSTS + 1);
  });

  it('stops gracefully on SIGTERM: the step in flight finishes, the run is released and goes on at once after a restart', async () => {
    // A long lease: if the stop did not release the run, the restarted process would wait a minute for it.
    const { env, port, runId, target, first } = await startPostingRun(60_000, 300, 'Graceful stop');
    const deadline = Date.now() + 30_000;
    while (target.seen.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const requestsAtStop = target.seen.length;
    expect(await first.stop()).toBe(0);
    // The post in flight completed before the process exited; nothing new started after the stop.
    expect(target.seen.length).toBeLessThanOrEqual(requestsAtStop + 1);

    const restartedAt = Date.now();
    runtime = await startRuntime(env, port);
    const run = await (await ApiClient.login(runtime.baseUrl)).waitForRun(runId, ['succeeded', 'failed'], 30_000);
    expect(run.status).toBe('succeeded');
    expect(Date.now() - restartedAt).toBeLessThan(30_000);
    expect(target.seen).toHaveLength(POSTS);
    expect(new Set(target.seen.map((request) => request.idempotencyKey)).size).toBe(POSTS);
  });
});
