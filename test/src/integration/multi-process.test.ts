import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { ApiClient } from '../support/api-client.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { startHttpTarget, type HttpTarget } from '../support/http-target.ts';
import { startRuntime, type RuntimeProcess } from '../support/runtime-process.ts';

const RUNS = 200;
const postgres = process.env['TEST_DATABASE_URL'] ? describe : describe.skip;

// Several processes sharing one database needs PostgreSQL (PGlite is single-process by nature);
// skipped with this notice where TEST_DATABASE_URL is not set. .ci/run sets it.
postgres('two runtime processes on one PostgreSQL', () => {
  let db: TestDatabase;
  let target: HttpTarget;
  const runtimes: RuntimeProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    target = await startHttpTarget(5);
    // Start one first so that it migrates and seeds; the second finds everything in place.
    runtimes.push(await startRuntime({ ...db.env, COUNTERSIGN_WORKER_CONCURRENCY: '16' }));
    runtimes.push(await startRuntime({ ...db.env, COUNTERSIGN_WORKER_CONCURRENCY: '16' }));
  });

  afterAll(async () => {
    for (const runtime of runtimes) await runtime.stop();
    await target?.close();
    await db?.drop();
  });

  it('share 200 runs with every step executed exactly once', async () => {
    const [first, second] = runtimes as [RuntimeProcess, RuntimeProcess];
    const apiA = await ApiClient.login(first.baseUrl);
    const apiB = await ApiClient.login(second.baseUrl);
    const workflowId = await apiA.createVersionedWorkflow('Shared work', {
      nodes: [
        { id: 'start', type: 'trigger.manual', typeVersion: 1, label: 'Start', position: { x: 0, y: 0 }, config: {} },
        { id: 'route', type: 'flow.if', typeVersion: 1, label: 'Large?', position: { x: 200, y: 0 }, config: { condition: '{{ $input.amount > 500 }}' } },
        { id: 'big', type: 'data.set', typeVersion: 1, label: 'Big', position: { x: 400, y: -80 }, config: { fields: { route: 'controller' } } },
        { id: 'small', type: 'data.set', typeVersion: 1, label: 'Small', position: { x: 400, y: 80 }, config: { fields: { route: 'clerk' } } },
        { id: 'post', type: 'connector.http', typeVersion: 1, label: 'Post', position: { x: 600, y: 0 }, config: { method: 'POST', purpose: 'notify', url: `${target.url}/erp`, body: '{{ $input }}' } },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'route' },
        { id: 'e2', source: 'route', sourcePort: 'true', target: 'big' },
        { id: 'e3', source: 'route', sourcePort: 'false', target: 'small' },
        { id: 'e4', source: 'big', target: 'post' },
        { id: 'e5', source: 'small', target: 'post' },
      ],
    });
    const runIds = await Promise.all(Array.from({ length: RUNS }, (_, i) => (i % 2 === 0 ? apiA : apiB).startRun(workflowId, { amount: i * 5, invoice: `INV-${i}` })));
    const runs = [];
    for (const runId of runIds) runs.push(await apiA.waitForRun(runId, ['succeeded', 'failed'], 120_000));
    expect(runs.every((run) => run.status === 'succeeded')).toBe(true);

    const client = new pg.Client({ connectionString: db.env['DATABASE_URL'] });
    await client.connect();
    const steps = await client.query<{ node_id: string; status: string; attempt: number }>('SELECT node_id, status, attempt FROM run_steps WHERE run_id = ANY($1)', [runIds]);
    const started = await client.query<{ worker: string; n: string }>(
      `SELECT data->>'worker' AS worker, count(*) AS n FROM run_events WHERE run_id = ANY($1) AND type = 'step.started' GROUP BY 1`,
      [runIds],
    );
    await client.end();
    // Four executed steps and one skipped branch per run; each executed exactly once (attempt 1, one start event).
    expect(steps.rows.filter((s) => s.status === 'succeeded')).toHaveLength(RUNS * 4);
    expect(steps.rows.filter((s) => s.status === 'skipped')).toHaveLength(RUNS);
    expect(steps.rows.every((s) => s.status === 'skipped' || s.attempt === 1)).toBe(true);
    const startedTotal = started.rows.reduce((sum, row) => sum + Number(row.n), 0);
    expect(startedTotal).toBe(RUNS * 4);
    // Both processes took part.
    expect(started.rows).toHaveLength(2);
    // Neither process hit an error (e.g. two of them appending to the tenant's audit chain at once).
    for (const runtime of runtimes) expect(runtime.output()).not.toContain('"level":50');
    // The ERP saw each run's post exactly once.
    expect(target.seen).toHaveLength(RUNS);
    expect(new Set(target.seen.map((r) => r.idempotencyKey)).size).toBe(RUNS);
  });
});
