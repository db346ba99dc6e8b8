import type { AuditEvent } from '@countersign/shared';

/** An audit_events row as read. */
export interface AuditRow {
  tenant_id: string;
  seq: number;
  id: string;
  occurred_at: Date | string;
  actor: AuditEvent['actor'];
  action: string;
  target_type: string;
  target_id: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  correlation_id: string | null;
  run_id: string | null;
  node_id: string | null;
  version_hash: string | null;
  prev_hash: string;
  hash: string;
}

/** Reads a row back into the event it was written from (hashes verify against this form). */
export function toAuditEvent(row: AuditRow): AuditEvent {
  return {
    id: row.id,
    seq: Number(row.seq),
    tenantId: row.tenant_id,
    occurredAt: (row.occurred_at instanceof Date ? row.occurred_at : new Date(row.occurred_at)).toISOString(),
    actor: row.actor,
    action: row.action,
    target: { type: row.target_type, id: row.target_id },
    before: row.before ?? null,
    after: row.after ?? null,
    reason: row.reason,
    correlationId: row.correlation_id,
    runId: row.run_id,
    nodeId: row.node_id,
    versionHash: row.version_hash,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
