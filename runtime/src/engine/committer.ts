import type { Knex } from 'knex';
import type { RunEventType, RunStatus, SerializedError } from '@countersign/shared';
import type { StepRecord } from './run-state.ts';
import { applyCancellation } from './sql/cancel-run.ts';
import { jsonb, toStepRow } from './sql/step-rows.ts';

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

const CHUNK = 500;

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
    private readonly onCommitted: (runIds: string[]) => void,
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
          const written = batch.filter((_, i) => outcomes[i] !== 'lease_lost').map((p) => p.unit.runId);
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
      for (let i = 0; i < stepRows.length; i += CHUNK) {
        await trx('run_steps').insert(stepRows.slice(i, i + CHUNK)).onConflict(['run_id', 'node_id']).merge();
      }
      const eventRows = live.flatMap((u) =>
        u.events.map((e) => ({ run_id: u.runId, seq: e.seq, tenant_id: u.tenantId, type: e.type, node_id: e.nodeId ?? null, at: e.at, data: jsonb(e.data) })),
      );
      for (let i = 0; i < eventRows.length; i += CHUNK) await trx('run_events').insert(eventRows.slice(i, i + CHUNK));
      for (const [i, unit] of units.entries()) {
        if (outcomes[i] === 'lease_lost') continue;
        const r = unit.run;
        if (outcomes[i] === 'cancelled') {
          await applyCancellation(trx, unit.runId, unit.tenantId, r.eventSeq, 'Cancelled on request');
          continue;
        }
        const patch: Record<string, unknown> = {
          status: r.status,
          event_seq: r.eventSeq,
          ready_at: r.readyAt,
          started_at: r.startedAt,
          finished_at: r.finishedAt,
        };
        if (r.output !== undefined) patch['output'] = jsonb(r.output);
        if (r.error !== undefined) patch['error'] = jsonb(r.error);
        if (r.release) Object.assign(patch, { locked_by: null, locked_until: null });
        else patch['locked_until'] = trx.raw(`now() + (? * interval '1 millisecond')`, [this.leaseMs]);
        await trx('runs').where({ id: unit.runId }).update(patch);
      }
      for (const unit of live) for (const step of unit.steps) step.dirty = false;
      return outcomes;
    });
  }
}
