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

/** The row to write for a step (JSON columns as values: the bulk write sends all rows as one JSON document). */
export function toStepRow(runId: string, tenantId: string, step: StepRecord): Record<string, unknown> {
  return {
    run_id: runId,
    node_id: step.nodeId,
    tenant_id: tenantId,
    status: step.status,
    attempt: step.attempt,
    port: step.port,
    input: step.input ?? null,
    output: step.output ?? null,
    error: step.error,
    state: step.state ?? null,
    wake_at: step.wakeAt,
    started_at: step.startedAt,
    finished_at: step.finishedAt,
    position: step.position,
  };
}

/** Every step of each of the given runs, by run id (one query for a whole claim). */
export async function loadSteps(knex: Knex, runIds: string[]): Promise<Map<string, StepRecord[]>> {
  const byRun = new Map<string, StepRecord[]>(runIds.map((id) => [id, []]));
  if (runIds.length === 0) return byRun;
  // LATERAL: one primary-key range scan per run, whatever the planner believes of the table's size.
  const result = await knex.raw<{ rows: StepRow[] }>(
    'SELECT s.* FROM unnest(?::text[]) AS r(id) CROSS JOIN LATERAL (SELECT * FROM run_steps WHERE run_id = r.id) s ORDER BY s.run_id, s.position',
    [runIds],
  );
  for (const row of result.rows) byRun.get(row.run_id)?.push(toStepRecord(row));
  return byRun;
}
