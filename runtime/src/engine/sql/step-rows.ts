import type { Knex } from 'knex';
import type { SerializedError, StepStatus } from '@countersign/shared';
import type { StepRecord } from '../run-state.ts';

/** A run_steps row. */
export interface StepRow {
  run_id: string;
  node_id: string;
  tenant_id: string;
  status: StepStatus;
  attempt: number;
  port: string | null;
  input: unknown;
  output: unknown;
  error: SerializedError | null;
  state: unknown;
  wake_at: Date | null;
  started_at: Date | null;
  finished_at: Date | null;
  position: number;
}

/** JSON for a jsonb column: pg would turn a JS array into a PostgreSQL array, so always send text. */
export function jsonb(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/** Reads a step row into the engine's form. */
export function toStepRecord(row: StepRow): StepRecord {
  return {
    nodeId: row.node_id,
    status: row.status,
    attempt: row.attempt,
    port: row.port,
    input: row.input,
    output: row.output,
    error: row.error,
    state: row.state,
    wakeAt: row.wake_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    position: row.position,
    dirty: false,
  };
}

/** The row to write for a step. */
export function toStepRow(runId: string, tenantId: string, step: StepRecord): Record<string, unknown> {
  return {
    run_id: runId,
    node_id: step.nodeId,
    tenant_id: tenantId,
    status: step.status,
    attempt: step.attempt,
    port: step.port,
    input: jsonb(step.input),
    output: jsonb(step.output),
    error: jsonb(step.error),
    state: jsonb(step.state),
    wake_at: step.wakeAt,
    started_at: step.startedAt,
    finished_at: step.finishedAt,
    position: step.position,
  };
}

/** Every step of a run. */
export async function loadSteps(knex: Knex, runId: string): Promise<StepRecord[]> {
  const rows: StepRow[] = await knex('run_steps').where({ run_id: runId }).orderBy('position');
  return rows.map(toStepRecord);
}
