import type { Knex } from 'knex';
import type { RunEventType, RunStatus, SerializedError } from '@countersign/shared';
import type { StepRecord } from './run-state.ts';
import { applyCancellation } from './sql/cancel-run.ts';
import { toStepRow } from './sql/step-rows.ts';

/** An event to append to a run's log. */
export interface PendingEvent {
  seq: number;
  type: RunEventType;
  nodeId?: string | undefined;
  at: Date;
  data?: unknown;
}

/** Everything one run changed since its last commit: written atomically, fenced by the run's lease. */
export interface CommitUnit {
  runId: string;
  tenantId: string;
  steps: StepRecord[];
  events: PendingEvent[];
  run: {
    status: RunStatus;
    eventSeq: number;
    output?: unknown;
    error?: SerializedError | null;
    readyAt: Date | null;
    startedAt: Date | null;
    finishedAt: Date | null;
    /** Give up the lease (the run's work for this claim is done). */
    release: boolean;
  };
  /** The run ends with this commit (a late cancellation no longer applies). */
  terminal: boolean;
}

/** What became of a unit: written, refused because another worker holds the run now, or written and then cancelled. */
export type CommitOutcome = 'committed' | 'lease_lost' | 'cancelled';

interface Pending {
  unit: CommitUnit;
  resolve(outcome: CommitOutcome): void;
  reject(error: unknown): void;
}

/**
 * Group commit: units submitted while a transaction is in flight are written together in the next one,
 * so many concurrent runs share one commit (the box's commit rate, not the number of steps, is the limit).
 */
export class Committer {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(
    private readonly knex: Knex,
    private readonly workerId: string,
    private readonly leaseMs: number,
    private readonly onCommitted: (runs: { runId: string; status: RunStatus }[]) => void,
  ) {}

  /** Queues a unit for the next group commit. */
  commit(unit: CommitUnit): Promise<CommitOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ unit, resolve, reject });
      if (!this.flushing) void this.flushLoop();
    });
  }

  private async flushLoop(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        try {
          const outcomes = await this.write(batch.map((p) => p.unit));
          batch.forEach((p, i) => p.resolve(outcomes[i] ?? 'lease_lost'));
          const written = batch
            .map((p, i) => ({ runId: p.unit.runId, status: outcomes[i] === 'cancelled' ? ('cancelled' as const) : p.unit.run.status, outcome: outcomes[i] }))
            .filter((w) => w.outcome !== 'lease_lost')
            .map(({ runId, status }) => ({ runId, status }));
          if (written.length > 0) this.onCommitted(written);
        } catch (error) {
          for (const p of batch) p.reject(error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async write(units: CommitUnit[]): Promise<CommitOutcome[]> {
    return this.knex.transaction(async (trx) => {
      const ids = [...new Set(units.map((u) => u.runId))];
      const held = await trx.raw<{ rows: { id: string; cancel_requested: boolean }[] }>(
        'SELECT id, cancel_requested FROM runs WHERE id = ANY(?) AND locked_by = ? ORDER BY id FOR UPDATE',
        [ids, this.workerId],
      );
      const state = new Map(held.rows.map((row) => [row.id, row.cancel_requested]));
      const outcomes: CommitOutcome[] = units.map((u) => (!state.has(u.runId) ? 'lease_lost' : state.get(u.runId) && !u.terminal ? 'cancelled' : 'committed'));
      const live = units.filter((_, i) => outcomes[i] !== 'lease_lost');
      const stepRows = live.flatMap((u) => u.steps.map((step) => toStepRow(u.runId, u.tenantId, step)));
      if (stepRows.length > 0) await upsertSteps(trx, stepRows);
      const eventRows = live.flatMap((u) =>
        u.events.map((e) => ({ run_id: u.runId, seq: e.seq, tenant_id: u.tenantId, type: e.type, node_id: e.nodeId ?? null, at: e.at, data: e.data ?? null })),
      );
      if (eventRows.length > 0) await insertEvents(trx, eventRows);
      const patches: Record<string, unknown>[] = [];
      for (const [i, unit] of units.entries()) {
        if (outcomes[i] === 'lease_lost') continue;
        if (outcomes[i] === 'cancelled') {
          await applyCancellation(trx, unit.runId, unit.tenantId, unit.run.eventSeq, 'Cancelled on request');
          continue;
        }
        const r = unit.run;
        patches.push({
          id: unit.runId,
          status: r.status,
          event_seq: r.eventSeq,
          ready_at: r.readyAt,
          started_at: r.startedAt,
          finished_at: r.finishedAt,
          set_output: r.output !== undefined,
          output: r.output ?? null,
          set_error: r.error !== undefined,
          error: r.error ?? null,
          release: r.release,
        });
      }
      if (patches.length > 0) await updateRuns(trx, patches, this.leaseMs);
      for (const unit of live) for (const step of unit.steps) step.dirty = false;
      return outcomes;
    });
  }
}

/** Applies every run patch of a commit in one statement. */
async function updateRuns(trx: Knex.Transaction, patches: Record<string, unknown>[], leaseMs: number): Promise<void> {
  await trx.raw(
    `UPDATE runs r SET
        status = p.status,
        event_seq = p.event_seq,
        ready_at = p.ready_at,
        started_at = p.started_at,
        finished_at = p.finished_at,
        output = CASE WHEN p.set_output THEN p.output ELSE r.output END,
        error = CASE WHEN p.set_error THEN p.error ELSE r.error END,
        locked_by = CASE WHEN p.release THEN NULL ELSE r.locked_by END,
        takeovers = CASE WHEN p.release THEN 0 ELSE r.takeovers END,
        locked_until = CASE WHEN p.release THEN NULL ELSE now() + (? * interval '1 millisecond') END
      FROM jsonb_to_recordset(?::jsonb) AS p(id text, status text, event_seq int, ready_at timestamptz, started_at timestamptz,
        finished_at timestamptz, set_output boolean, output jsonb, set_error boolean, error jsonb, release boolean)
      WHERE r.id = p.id`,
    [leaseMs, JSON.stringify(patches)],
  );
}

// Bulk writes pass all rows as one JSON parameter: far less client work than a multi-row VALUES list.

/** Inserts or updates step rows. */
async function upsertSteps(trx: Knex.Transaction, rows: Record<string, unknown>[]): Promise<void> {
  await trx.raw(
    `INSERT INTO run_steps (run_id, node_id, tenant_id, status, attempt, port, input, output, error, state, wake_at, started_at, finished_at, position)
     SELECT run_id, node_id, tenant_id, status, attempt, port, input, output, error, state, wake_at, started_at, finished_at, position
       FROM jsonb_to_recordset(?::jsonb) AS s(run_id text, node_id text, tenant_id text, status text, attempt int, port text, input jsonb,
         output jsonb, error jsonb, state jsonb, wake_at timestamptz, started_at timestamptz, finished_at timestamptz, position int)
     ON CONFLICT (run_id, node_id) DO UPDATE SET
       status = excluded.status, attempt = excluded.attempt, port = excluded.port, input = excluded.input, output = excluded.output,
       error = excluded.error, state = excluded.state, wake_at = excluded.wake_at, started_at = excluded.started_at,
       finished_at = excluded.finished_at, position = excluded.position`,
    [JSON.stringify(rows)],
  );
}

/** Appends run events. */
async function insertEvents(trx: Knex.Transaction, rows: Record<string, unknown>[]): Promise<void> {
  await trx.raw(
    `INSERT INTO run_events (run_id, seq, tenant_id, type, node_id, at, data)
     SELECT run_id, seq, tenant_id, type, node_id, at, data
       FROM jsonb_to_recordset(?::jsonb) AS e(run_id text, seq int, tenant_id text, type text, node_id text, at timestamptz, data jsonb)`,
    [JSON.stringify(rows)],
  );
}
