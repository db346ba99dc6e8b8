import { createHash, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { auditHashInput, GENESIS_HASH, type AuditEntry, type AuditEvent } from '@countersign/shared';
import { currentCorrelationId } from './correlation.ts';

// Every transaction that appends to a tenant's chain takes the tenant's audit lock FIRST (before any
// row lock), so appends are serialised per tenant and lock order is the same everywhere (no deadlock).
const LOCK_CLASS = 7312003;

/** Takes the audit locks of the tenants (in a stable order) for the rest of the transaction. */
export async function lockAudit(trx: Knex.Transaction, tenantIds: Iterable<string>): Promise<void> {
  for (const tenantId of [...new Set(tenantIds)].sort()) {
    await trx.raw('SELECT pg_advisory_xact_lock(?, hashtext(?))', [LOCK_CLASS, tenantId]);
  }
}

/** The row of an event with JSON columns as values, for a bulk write that sends all rows as one JSON document. */
export function toAuditRecord(event: AuditEvent): Record<string, unknown> {
  return { ...toAuditRow(event), actor: event.actor, before: event.before ?? null, after: event.after ?? null };
}

/** SHA-256 hex of an event (the same as shared's `hashAuditEvent`, synchronously with node:crypto). */
export function hashEvent(event: Omit<AuditEvent, 'hash'>): string {
  return createHash('sha256').update(auditHashInput(event), 'utf8').digest('hex');
}

/** The row of an event (JSON columns as text). */
export function toAuditRow(event: AuditEvent): Record<string, unknown> {
  const json = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));
  return {
    tenant_id: event.tenantId,
    seq: event.seq,
    id: event.id,
    occurred_at: event.occurredAt,
    actor: JSON.stringify(event.actor),
    action: event.action,
    target_type: event.target.type,
    target_id: event.target.id,
    before: json(event.before),
    after: json(event.after),
    reason: event.reason,
    correlation_id: event.correlationId,
    run_id: event.runId,
    node_id: event.nodeId,
    version_hash: event.versionHash,
    prev_hash: event.prevHash,
    hash: event.hash,
  };
}

/**
 * Appends entries to the tenant's chain inside `trx`, which must hold the tenant's audit lock
 * ({@link lockAudit}): each event links to the one before by `prevHash`.
 */
export async function appendAudit(trx: Knex.Transaction, tenantId: string, entries: readonly AuditEntry[]): Promise<AuditEvent[]> {
  if (entries.length === 0) return [];
  const head = (await readHeads(trx, [tenantId])).get(tenantId) ?? { seq: 0, hash: GENESIS_HASH };
  const events = chainEvents(tenantId, head, entries);
  // Inserted in slices: a long batch stays under the driver's parameter limit.
  for (let i = 0; i < events.length; i += 500) await trx('audit_events').insert(events.slice(i, i + 500).map(toAuditRow));
  return events;
}

/** The last event (seq and hash) of each tenant's chain; tenants without events are absent. */
export async function readHeads(db: Knex, tenantIds: readonly string[]): Promise<Map<string, { seq: number; hash: string }>> {
  const heads = new Map<string, { seq: number; hash: string }>();
  for (const tenantId of new Set(tenantIds)) {
    const head = await db('audit_events').where({ tenant_id: tenantId }).orderBy('seq', 'desc').first<{ seq: number; hash: string } | undefined>('seq', 'hash');
    if (head) heads.set(tenantId, { seq: Number(head.seq), hash: head.hash });
  }
  return heads;
}

/** Whether an error is a collision on the chain's sequence: another writer appended first (retry). */
export function isAuditConflict(error: unknown): boolean {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown };
  return e?.code === '23505' && (e.constraint === 'audit_events_pkey' || String(e.message ?? '').includes('audit_events_pkey'));
}

/** Entries chained after `head`: sequence numbers, links and hashes assigned (pure). */
export function chainEvents(tenantId: string, head: { seq: number; hash: string }, entries: readonly AuditEntry[]): AuditEvent[] {
  let seq = head.seq;
  let prevHash = head.hash;
  const now = new Date().toISOString();
  return entries.map((entry) => {
    // JSON round trip: what is hashed is exactly what the jsonb columns give back.
    const before = entry.before === undefined ? null : (JSON.parse(JSON.stringify(entry.before)) as unknown);
    const after = entry.after === undefined ? null : (JSON.parse(JSON.stringify(entry.after)) as unknown);
    const unsigned: Omit<AuditEvent, 'hash'> = {
      id: randomUUID(),
      seq: ++seq,
      tenantId,
      occurredAt: entry.occurredAt ?? now,
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      before,
      after,
      reason: entry.reason,
      correlationId: entry.correlationId,
      runId: entry.runId,
      nodeId: entry.nodeId,
      versionHash: entry.versionHash,
      prevHash,
    };
    const event: AuditEvent = { ...unsigned, hash: hashEvent(unsigned) };
    prevHash = event.hash;
    return event;
  });
}

/** Collects entries while a transaction runs. */
export type AuditRecorder = (entry: AuditEntry) => void;

/**
 * Runs `work` in a transaction holding the tenant's audit lock; what it records is appended to the
 * chain in the same transaction, so the change and its audit event commit (or roll back) together.
 */
export async function audited<T>(knex: Knex, tenantId: string, work: (trx: Knex.Transaction, record: AuditRecorder) => Promise<T>): Promise<T> {
  return retryOnAuditConflict(() =>
    knex.transaction(async (trx) => {
      await lockAudit(trx, [tenantId]);
      const entries: AuditEntry[] = [];
      const result = await work(trx, (entry) => entries.push(entry));
      await appendAudit(trx, tenantId, entries);
      return result;
    }),
  );
}

/**
 * Runs a transaction that appends to a chain again when it collided with another writer. The engine
 * appends without the audit lock (optimistically, see the committer), so a locked writer can still
 * find its sequence number taken; the transaction rolled back whole, so running it again is safe.
 */
export async function retryOnAuditConflict<T>(transaction: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (!isAuditConflict(error) || attempt >= 25) throw error;
      // A short, growing, jittered pause: writers that collided do not collide again in step.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * Math.min(attempt, 10)));
    }
  }
}

/** An entry with the optional fields defaulted: the correlation id is the request's, else the run's. */
export function auditEntry(entry: Pick<AuditEntry, 'actor' | 'action' | 'target'> & Partial<AuditEntry>): AuditEntry {
  return {
    before: null,
    after: null,
    reason: null,
    correlationId: currentCorrelationId() ?? entry.runId ?? null,
    runId: null,
    nodeId: null,
    versionHash: null,
    ...entry,
  };
}

/** The actor of a signed-in user. */
export const userActor = (id: string, onBehalfOf: string | null = null): AuditEntry['actor'] => ({ type: 'user', id, onBehalfOf });
/** The runtime acting on its own (engine, clock, webhook intake). */
export const serviceActor = (id: string): AuditEntry['actor'] => ({ type: 'service', id, onBehalfOf: null });
