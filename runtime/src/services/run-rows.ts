import type { RunDto, RunStatus, RunStepDto, RunSummaryDto, SerializedError } from '@countersign/shared';
import type { StepRow as EngineStepRow } from '../engine/sql/step-rows.ts';
import { iso, isoOrNull } from './row-values.ts';

/** A runs row (the columns the API shows). */
export interface RunRow {
  id: string;
  workflow_id: string;
  version: number;
  version_hash: string;
  status: RunStatus;
  trigger: string;
  is_test: boolean;
  input?: unknown;
  output?: unknown;
  error: SerializedError | null;
  created_at: Date | string;
  started_at: Date | string | null;
  finished_at: Date | string | null;
}

/** A run_steps row (the columns the API shows). */
export type StepRow = Pick<EngineStepRow, 'node_id' | 'status' | 'attempt' | 'port' | 'input' | 'output' | 'error' | 'started_at' | 'finished_at'>;

/** Columns of a listed run. */
export const RUN_SUMMARY_COLUMNS = ['id', 'workflow_id', 'version', 'version_hash', 'status', 'trigger', 'is_test', 'error', 'created_at', 'started_at', 'finished_at'];

/** Columns of a run with its data. */
export const RUN_COLUMNS = [...RUN_SUMMARY_COLUMNS, 'input', 'output'];

/** Columns of a step. */
export const STEP_COLUMNS = ['node_id', 'status', 'attempt', 'port', 'input', 'output', 'error', 'started_at', 'finished_at'];

/** A listed run. */
export function toRunSummary(row: RunRow): RunSummaryDto {
  return {
    id: row.id,
    workflowId: row.workflow_id,
    version: row.version,
    versionHash: row.version_hash,
    status: row.status,
    trigger: row.trigger,
    isTest: row.is_test,
    error: row.error ?? null,
    createdAt: iso(row.created_at),
    startedAt: isoOrNull(row.started_at),
    finishedAt: isoOrNull(row.finished_at),
  };
}

/** A step as the API shows it. */
export function toRunStep(row: StepRow): RunStepDto {
  return {
    nodeId: row.node_id,
    status: row.status,
    attempt: row.attempt,
    port: row.port,
    input: row.input ?? null,
    output: row.output ?? null,
    error: row.error ?? null,
    startedAt: isoOrNull(row.started_at),
    finishedAt: isoOrNull(row.finished_at),
  };
}

/** A run with its steps (ordered by position). */
export function toRun(row: RunRow, steps: StepRow[]): RunDto {
  return { ...toRunSummary(row), input: row.input ?? null, output: row.output ?? null, steps: steps.map(toRunStep) };
}
