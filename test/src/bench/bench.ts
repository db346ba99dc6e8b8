import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { registry } from '@countersign/nodes';
import { connectDatabase, createIvmSandbox, createLogger, Engine, type Database } from '@countersign/runtime';
import { GraphSchema, hashGraph } from '@countersign/shared';
import { branching30, linear10, type Workload } from './workloads.ts';
import { measureExpressions } from './expressions.ts';

// `pnpm bench`: durable throughput of the engine on PGlite and PostgreSQL, and expression latency.
// PostgreSQL is used when BENCH_DATABASE_URL or TEST_DATABASE_URL points at a server (a scratch
// database `countersign_bench` is created on it); it is skipped with a notice otherwise.

const RUNS = Number(process.env['BENCH_RUNS'] ?? 400);

async function scratchPostgres(): Promise<string | undefined> {
  const url = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
  if (!url) return undefined;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS countersign_bench WITH (FORCE)');
  await admin.query('CREATE DATABASE countersign_bench');
  await admin.end();
  const target = new URL(url);
  target.pathname = '/countersign_bench';
  return target.toString();
}

interface Measured {
  runsPerSec: number;
  stepsPerSec: number;
  enqueuePerSec: number;
}

/**
 * Queues `runs` runs, then lets an engine with `concurrency` run slots drain the backlog: the figure is
 * the engine's own rate (claim, execute, durable commit), not that of a client waiting on each run.
 */
async function measure(db: Database, workload: Workload, concurrency: number, runs: number): Promise<Measured> {
  const { knex } = db;
  const tenantId = `bench-${randomUUID()}`;
  await knex('tenants').insert({ id: tenantId, name: 'Bench' });
  const graph = GraphSchema.parse({ schemaVersion: 1, ...workload.graph });
  const workflowId = randomUUID();
  await knex('workflows').insert({ id: workflowId, tenant_id: tenantId, name: workload.name, draft: JSON.stringify(graph), created_by: 'bench' });
  await knex('workflow_versions').insert({ tenant_id: tenantId, workflow_id: workflowId, version: 1, hash: await hashGraph(graph), graph: JSON.stringify(graph), created_by: 'bench' });
  const sandbox = createIvmSandbox();
  const engine = new Engine({ knex, registry, sandbox, http: { request: () => Promise.reject(new Error('no network in bench')) }, log: createLogger('silent'), concurrency, pollMs: 50 });
  let done = 0;
  let failed = 0;
  let drained: () => void = () => undefined;
  const allDone = new Promise<void>((resolve) => (drained = resolve));
  const off = engine.onCommitted((_runId, status) => {
    if (status === 'failed') failed++;
    if (status === 'succeeded' || status === 'failed') {
      done++;
      if (done === runs + 1) drained();
    }
  });
  // Warm up: compile the graph and fill the isolate's cache with one run.
  engine.start();
  await engine.startRun({ tenantId, workflowId, input: { amount: 1 }, trigger: 'manual' });
  while (done < 1) await new Promise((resolve) => setTimeout(resolve, 5));
  await engine.stop();
  const enqueueStart = performance.now();
  for (let i = 0; i < runs; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, runs - i) }, (_, j) => engine.startRun({ tenantId, workflowId, input: { amount: 150 + i + j, invoice: `INV-${i + j}` }, trigger: 'manual' })),
    );
  }
  const enqueueSeconds = (performance.now() - enqueueStart) / 1000;
  const began = performance.now();
  engine.start();
  await allDone;
  const seconds = (performance.now() - began) / 1000;
  off();
  await engine.stop();
  sandbox.dispose();
  if (failed > 0) throw new Error(`${failed} bench runs failed`);
  return { runsPerSec: runs / seconds, stepsPerSec: (runs * workload.stepsPerRun) / seconds, enqueuePerSec: runs / enqueueSeconds };
}

async function main(): Promise<void> {
  const rows: string[][] = [];
  const targets: { name: string; open: () => Promise<Database> }[] = [{ name: 'pglite', open: () => connectDatabase({ dataDir: ':memory:' }) }];
  const pgUrl = await scratchPostgres().catch((error: unknown) => {
    console.warn(`PostgreSQL skipped: ${(error as Error).message}`);
    return undefined;
  });
  if (pgUrl) targets.push({ name: 'postgres', open: () => connectDatabase({ databaseUrl: pgUrl, poolMax: 10 }) });
  else console.warn('PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
  for (const target of targets) {
    for (const workload of [linear10(), branching30()]) {
      for (const concurrency of [1, 32]) {
        const db = await target.open();
        const runs = concurrency === 1 ? Math.max(50, Math.floor(RUNS / 4)) : RUNS;
        const result = await measure(db, workload, concurrency, runs);
        await db.close();
        rows.push([target.name, workload.name, String(concurrency), String(runs), result.runsPerSec.toFixed(1), result.stepsPerSec.toFixed(0), result.enqueuePerSec.toFixed(0)]);
        console.log(
          `${target.name.padEnd(9)} ${workload.name.padEnd(13)} c=${String(concurrency).padEnd(3)} runs=${String(runs).padEnd(5)} ${result.runsPerSec.toFixed(1).padStart(8)} runs/s ${result.stepsPerSec.toFixed(0).padStart(7)} durable steps/s  (runs queued at ${result.enqueuePerSec.toFixed(0)}/s)`,
        );
      }
    }
  }
  const expr = measureExpressions();
  console.log(`\nexpressions (isolated-vm): ${expr.lines.join('\n  ')}`);
  console.log('\n| database | workload | concurrency | runs | runs/s | durable steps/s | runs queued/s |\n|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

await main();
process.exit(0);
