import type { Knex } from 'knex';
import type { AuditActor } from '@countersign/shared';
import { appendAudit, auditEntry } from '../../audit/audit-log.ts';
import { jsonb } from './step-rows.ts';

/**
 * Cancels a run inside the caller's transaction, which holds the run row locked: open steps are
 * cancelled, the run is closed and `run.cancelled` is appended after `eventSeq`, and to the audit trail
 * (the caller holds the tenant's audit lock).
 */
export async function applyCancellation(trx: Knex.Transaction, runId: string, tenantId: string, eventSeq: number, reason: string, actor: AuditActor): Promise<void> {
  await trx('run_steps')
    .where({ run_id: runId })
    .whereIn('status', ['queued', 'running', 'waiting'])
    .update({ status: 'cancelled', finished_at: trx.fn.now(), wake_at: null });
  // Approval tasks of the run close with it: nobody can decide for a run that no longer runs.
  await trx('approval_tasks').where({ run_id: runId, status: 'open' }).update({ status: 'cancelled', closed_at: trx.fn.now() });
  await trx('approval_requests').where({ run_id: runId, status: 'open' }).update({ status: 'cancelled', decided_at: trx.fn.now(), due_at: null, remind_at: null });
  await trx('run_events').insert({ run_id: runId, seq: eventSeq + 1, tenant_id: tenantId, type: 'run.cancelled', node_id: null, at: new Date(), data: jsonb({ reason }) });
  await trx('runs').where({ id: runId }).update({
    status: 'cancelled',
    event_seq: eventSeq + 1,
    finished_at: trx.fn.now(),
    ready_at: null,
    locked_by: null,
    locked_until: null,
    cancel_requested: false,
  });
  const run = await trx('runs').where({ id: runId }).first<{ version_hash: string }>('version_hash');
  await appendAudit(trx, tenantId, [auditEntry({ actor, action: 'run.cancelled', target: { type: 'run', id: runId }, runId, versionHash: run.version_hash, reason })]);
}
