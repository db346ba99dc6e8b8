import type { Knex } from 'knex';
import type { RunEventType, RunStatus, SerializedError } from '@countersign/shared';
import type { StepRecord } from './run-state.ts';
import type { SuspensionOpening } from './suspension-handler.ts';
import { GENESIS_HASH, type AuditEntry } from '@countersign/shared';
import { appendAudit, chainEvents, isAuditConflict, lockAudit, readHeads, retryOnAuditConflict, toAuditRecord } from '../audit/audit-log.ts';
import { auditEntriesOf } from './run-audit.ts';
import { applyCancellation } from './sql/cancel-run.ts';
import { commitBatch, insertEvents, upsertSteps } from './sql/commit-batch.ts';
import { toStepRow } from './sql/step-rows.ts';
import { asSystem } from '../db/tenant-scope.ts';

/** How long a tenant's batches take the audit lock after a collision with another process's append. */
const CONTENDED_MS = 5_000;

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
  /** The running version (recorded with the audit events). */
  versionHash: string;
  steps: StepRecord[];
  events: PendingEvent[];
  /** Written in the same transaction when the run is still held (e.g. approval tasks of a waiting step). */
  openings?: SuspensionOpening[];
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
  /** The last audit event of each tenant as this process knows it; a stale one costs a retry. */
  private readonly heads = new Map<string, { seq: number; hash: string }>();
  /** Tenants whose chain another process appends to as well: until then, batches take the audit lock. */
  private readonly contendedUntil = new Map<string, number>();

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
      // Batches mix tenants: the writer is system work, not the scope of whoever queued first.
      if (!this.flushing) void asSystem(() => this.flushLoop());
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
    const rows = {
      runIds: units.map((u) => u.runId),
      terminalRunIds: units.filter((u) => u.terminal).map((u) => u.runId),
      steps: units.flatMap(stepRowsOf),
      events: units.flatMap(eventRowsOf),
      patches: units.map(patchOf),
    };
    const now = Date.now();
    const contended = units.some((u) => (this.contendedUntil.get(u.tenantId) ?? 0) > now);
    const held = contended || units.some((u) => (u.openings?.length ?? 0) > 0) ? await this.writeLocked(units, rows) : await this.writeOptimistic(units, rows);
    const state = new Map(held.map((row) => [row.id, row.cancel_requested]));
    const outcomes: CommitOutcome[] = units.map((u) => (!state.has(u.runId) ? 'lease_lost' : state.get(u.runId) && !u.terminal ? 'cancelled' : 'committed'));
    for (const [i, unit] of units.entries()) {
      if (outcomes[i] === 'cancelled') outcomes[i] = await this.cancel(unit);
      if (outcomes[i] !== 'lease_lost') for (const step of unit.steps) step.dirty = false;
    }
    return outcomes;
  }

  /**
   * The common case in ONE statement: the batch's audit events are chained in advance on the heads this
   * process knows, and written with the batch when every run is writable. The chain's primary key
   * catches a stale head (another writer appended): nothing was written, so the batch goes again by
   * the locked path, and its tenants stay on it for a while (another process writes their chains too).
   * When some run is not writable, the events of the others are appended after the batch.
   */
  private async writeOptimistic(units: CommitUnit[], rows: Parameters<typeof commitBatch>[3]): Promise<{ id: string; cancel_requested: boolean }[]> {
    const tenants = [...new Set(units.map((u) => u.tenantId))];
    {
      const missing = tenants.filter((t) => !this.heads.has(t));
      for (const [tenantId, head] of await readHeads(this.knex, missing)) this.heads.set(tenantId, head);
      const byTenant = new Map<string, AuditEntry[]>();
      for (const unit of units) byTenant.set(unit.tenantId, [...(byTenant.get(unit.tenantId) ?? []), ...auditEntriesOf(unit.runId, unit.versionHash, unit.events)]);
      const chained = [...byTenant].map(([tenantId, entries]) => ({ tenantId, events: chainEvents(tenantId, this.heads.get(tenantId) ?? { seq: 0, hash: GENESIS_HASH }, entries) }));
      try {
        const result = await commitBatch(this.knex, this.workerId, this.leaseMs, { ...rows, audit: chained.flatMap((c) => c.events.map(toAuditRecord)) });
        const audited = (result[0]?.audited ?? 0) > 0 || chained.every((c) => c.events.length === 0);
        if (audited) {
          for (const { tenantId, events } of chained) {
            const last = events.at(-1);
            if (last) this.heads.set(tenantId, { seq: last.seq, hash: last.hash });
          }
          return result;
        }
        // Some run was not writable: append the events of those that were (rare: a lost lease, a cancellation).
        for (const tenantId of tenants) this.heads.delete(tenantId);
        const writable = new Set(result.filter((r) => !r.cancel_requested || units.some((u) => u.runId === r.id && u.terminal)).map((r) => r.id));
        await retryOnAuditConflict(() =>
          this.knex.transaction(async (trx) => {
            await lockAudit(trx, tenants);
            for (const unit of units) if (writable.has(unit.runId)) await appendAudit(trx, unit.tenantId, auditEntriesOf(unit.runId, unit.versionHash, unit.events));
          }),
        );
        return result;
      } catch (error) {
        if (!isAuditConflict(error)) throw error;
        for (const tenantId of tenants) {
          this.heads.delete(tenantId);
          this.contendedUntil.set(tenantId, Date.now() + CONTENDED_MS);
        }
        return this.writeLocked(units, rows);
      }
    }
  }

  /** A batch with openings (approval tasks): one locked transaction for the batch, its audit events and the openings. */
  private writeLocked(units: CommitUnit[], rows: Parameters<typeof commitBatch>[3]): Promise<{ id: string; cancel_requested: boolean }[]> {
    for (const unit of units) this.heads.delete(unit.tenantId);
    return retryOnAuditConflict(() => this.knex.transaction(async (trx) => {
      await lockAudit(trx, units.map((u) => u.tenantId));
      const result = await commitBatch(trx, this.workerId, this.leaseMs, rows);
      const writable = new Set(result.filter((r) => !r.cancel_requested || units.some((u) => u.runId === r.id && u.terminal)).map((r) => r.id));
      const byTenant = new Map<string, ReturnType<typeof auditEntriesOf>>();
      for (const unit of units) {
        if (!writable.has(unit.runId)) continue;
        byTenant.set(unit.tenantId, [...(byTenant.get(unit.tenantId) ?? []), ...auditEntriesOf(unit.runId, unit.versionHash, unit.events)]);
      }
      for (const [tenantId, entries] of byTenant) await appendAudit(trx, tenantId, entries);
      for (const unit of units) {
        if (!writable.has(unit.runId)) continue;
        for (const open of unit.openings ?? []) await open(trx);
      }
      return result;
    }));
  }

  /** Writes a unit whose run was cancelled meanwhile, then closes the run as cancelled. */
  private cancel(unit: CommitUnit): Promise<CommitOutcome> {
    this.heads.delete(unit.tenantId);
    return retryOnAuditConflict(() => this.knex.transaction(async (trx) => {
      await lockAudit(trx, [unit.tenantId]);
      const held = await trx('runs').where({ id: unit.runId, locked_by: this.workerId }).forUpdate().first('id');
      if (!held) return 'lease_lost';
      await upsertSteps(trx, stepRowsOf(unit));
      await insertEvents(trx, eventRowsOf(unit));
      await applyCancellation(trx, unit.runId, unit.tenantId, unit.run.eventSeq, 'Cancelled on request', { type: 'service', id: 'engine', onBehalfOf: null });
      await appendAudit(trx, unit.tenantId, auditEntriesOf(unit.runId, unit.versionHash, unit.events));
      return 'cancelled' as const;
    }));
  }
}

function stepRowsOf(unit: CommitUnit): Record<string, unknown>[] {
  return unit.steps.map((step) => toStepRow(unit.runId, unit.tenantId, step));
}

function eventRowsOf(unit: CommitUnit): Record<string, unknown>[] {
  return unit.events.map((e) => ({ run_id: unit.runId, seq: e.seq, tenant_id: unit.tenantId, type: e.type, node_id: e.nodeId ?? null, at: e.at, data: e.data ?? null }));
}

function patchOf(unit: CommitUnit): Record<string, unknown> {
  const r = unit.run;
  return {
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
  };
}
