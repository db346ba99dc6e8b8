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

/** Inserts a queued run, its trigger step and its `run.started` event in one transaction. */
export async function insertRun(knex: Knex, run: NewRun): Promise<void> {
  const now = new Date();
  await knex.transaction(async (trx) => {
    await trx('runs').insert({
      id: run.id,
      tenant_id: run.tenantId,
      workflow_id: run.workflowId,
      version: run.version,
      version_hash: run.versionHash,
      status: 'queued',
      trigger: run.trigger,
      is_test: run.isTest,
      input: jsonb(run.input),
      requested_by: run.requestedBy,
      event_seq: 1,
      ready_at: now,
      created_at: now,
    });
    await trx('run_steps').insert({
      run_id: run.id,
      node_id: run.triggerNodeId,
      tenant_id: run.tenantId,
      status: 'queued',
      attempt: 0,
      input: jsonb(run.input),
      position: 0,
    });
    await trx('run_events').insert({
      run_id: run.id,
      seq: 1,
      tenant_id: run.tenantId,
      type: 'run.started',
      node_id: null,
      at: now,
      data: jsonb({ workflowId: run.workflowId, version: run.version, versionHash: run.versionHash, trigger: run.trigger, isTest: run.isTest }),
    });
  });
}
