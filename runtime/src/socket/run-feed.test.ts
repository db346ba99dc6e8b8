import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '@countersign/shared';
import { connectDatabase, type Database } from '../db/connect.ts';
import { createLogger } from '../logging/logger.ts';
import { RunFeed } from './run-feed.ts';

let db: Database;
let runs = 0;

beforeAll(async () => {
  db = await connectDatabase({ dataDir: ':memory:' });
  await db.knex('tenants').insert({ id: 't1', name: 'Tenant' });
  await db.knex('workflows').insert({ id: 'wf', tenant_id: 't1', name: 'W', draft: JSON.stringify({}), created_by: 'u' });
});

afterAll(async () => {
  await db?.close();
});

async function newRun(): Promise<string> {
  runs += 1;
  const id = `run-${runs}`;
  await db.knex('runs').insert({ id, tenant_id: 't1', workflow_id: 'wf', version: 1, version_hash: 'h', status: 'running', trigger: 'manual' });
  return id;
}

async function append(runId: string, seq: number, type = 'step.started'): Promise<void> {
  await db.knex('run_events').insert({ run_id: runId, seq, tenant_id: 't1', type, node_id: type.startsWith('step') ? 'n' : null, at: new Date() });
  await db.knex('runs').where({ id: runId }).update({ event_seq: db.knex.raw('greatest(event_seq, ?)', [seq]), ...(type.startsWith('run.') && type !== 'run.started' ? { status: 'succeeded' } : {}) });
}

function sink(id: string): { id: string; send(event: RunEvent): void; seqs: number[] } {
  const seqs: number[] = [];
  return { id, seqs, send: (event) => seqs.push(event.seq) };
}

describe('RunFeed', () => {
  it('never sends an event twice when deliveries are triggered concurrently', async () => {
    const feed = new RunFeed(db.knex, createLogger('silent'));
    const runId = await newRun();
    const a = sink('a');
    const b = sink('b');
    await append(runId, 1, 'run.started');
    await feed.subscribe(runId, a, 0);
    for (let seq = 2; seq <= 30; seq++) {
      await append(runId, seq);
      feed.notify(runId);
      if (seq === 10) void feed.subscribe(runId, b, 4);
      void feed.poll();
    }
    await append(runId, 31, 'run.succeeded');
    feed.notify(runId);
    await feed.subscribe(runId, sink('c'), 31);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(a.seqs).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    expect(b.seqs).toEqual(Array.from({ length: 27 }, (_, i) => i + 5));
  });

  it('waits at a gap instead of skipping it, and stops watching after the terminal event', async () => {
    const feed = new RunFeed(db.knex, createLogger('silent'));
    const runId = await newRun();
    const a = sink('a');
    await append(runId, 1, 'run.started');
    await append(runId, 3);
    await feed.subscribe(runId, a, 0);
    expect(a.seqs).toEqual([1]);
    await append(runId, 2);
    await feed.poll();
    await feed.subscribe(runId, sink('probe'), 99);
    expect(a.seqs).toEqual([1, 2, 3]);
    await append(runId, 4, 'run.failed');
    feed.notify(runId);
    await feed.poll();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(a.seqs).toEqual([1, 2, 3, 4]);
    // The probe subscribed past the end of a finished run; the poll forgets the run.
    await feed.poll();
    expect(feed.watchedRuns).toBe(0);
  });

  it('sends nothing after unsubscribe or drop', async () => {
    const feed = new RunFeed(db.knex, createLogger('silent'));
    const runId = await newRun();
    const a = sink('a');
    const b = sink('b');
    await append(runId, 1, 'run.started');
    await feed.subscribe(runId, a, 0);
    await feed.subscribe(runId, b, 0);
    feed.unsubscribe(runId, 'a');
    feed.drop('b');
    await append(runId, 2);
    feed.notify(runId);
    await feed.poll();
    expect([a.seqs, b.seqs]).toEqual([[1], [1]]);
    expect(feed.watchedRuns).toBe(0);
  });
});
