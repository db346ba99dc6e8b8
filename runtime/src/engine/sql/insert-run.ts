import type { Knex } from 'knex';
import { jsonb } from './step-rows.ts';

/** A new run to insert with its first step. */
export interface NewRun {
  id: string;
  tenantId: string;
  workflowId: string;
  version: number;
  versionHash: string;
  trigger: 'manual' | 'webhook';
  triggerNodeId: string;
  isTest: boolean;
  input: unknown;
  requestedBy: string | null;
}

/**
 * Inserts a queued run, its trigger step and its `run.started` event. One statement, so it is atomic
 * without a transaction block and costs one round trip.
 */
export async function insertRun(knex: Knex, run: NewRun): Promise<void> {
  const now = new Date();
  const input = jsonb(run.input);
  const started = jsonb({ workflowId: run.workflowId, version: run.version, versionHash: run.versionHash, trigger: run.trigger, isTest: run.isTest });
  await knex.raw(
    `WITH new_run AS (
       INSERT INTO runs (id, tenant_id, workflow_id, version, version_hash, status, trigger, is_test, input, requested_by, event_seq, ready_at, created_at)
       VALUES (?, ?, ?, ?, ?, 'queued', ?, ?, ?::jsonb, ?, 1, ?, ?)
       RETURNING id),
     first_step AS (
       INSERT INTO run_steps (run_id, node_id, tenant_id, status, attempt, input, position)
       SELECT id, ?, ?, 'queued', 0, ?::jsonb, 0 FROM new_run
       RETURNING run_id)
     INSERT INTO run_events (run_id, seq, tenant_id, type, node_id, at, data)
     SELECT run_id, 1, ?, 'run.started', NULL, ?, ?::jsonb FROM first_step`,
    [
      run.id, run.tenantId, run.workflowId, run.version, run.versionHash, run.trigger, run.isTest, input, run.requestedBy, now, now,
      run.triggerNodeId, run.tenantId, input,
      run.tenantId, now, started,
    ],
  );
}
