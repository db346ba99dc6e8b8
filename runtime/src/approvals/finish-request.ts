import type { Knex } from 'knex';
import type { ApprovalDecisionRecord, ApprovalOutcome } from '@countersign/shared';
import { iso } from '../services/row-values.ts';
import { appendAudit, auditEntry, serviceActor } from '../audit/audit-log.ts';
import { recordDuties } from './duty-ledger.ts';
import type { ApprovalRequest } from './request-row.ts';

interface DecidedRow {
  level: number;
  decision: 'approve' | 'reject';
  decided_by: string;
  on_behalf_of: string | null;
  comment: string | null;
  closed_at: Date | string;
}

/** The decisions taken on a request, in the order they were taken. */
export async function decisionsOf(db: Knex, request: ApprovalRequest): Promise<ApprovalDecisionRecord[]> {
  const rows: DecidedRow[] = await db('approval_tasks')
    .where({ run_id: request.row.run_id, node_id: request.row.node_id })
    .whereNotNull('decision')
    .orderBy([{ column: 'closed_at' }, { column: 'id' }])
    .select('level', 'decision', 'decided_by', 'on_behalf_of', 'comment', 'closed_at');
  return rows.map((row) => ({ level: row.level, decision: row.decision, by: row.decided_by, onBehalfOf: row.on_behalf_of, comment: row.comment, at: iso(row.closed_at) }));
}

/**
 * Ends a request with an outcome inside `trx`: open tasks are closed (`closeAs`), the outcome is handed
 * to the waiting step and the step is made due, so any process's engine resumes the run.
 */
export async function finishRequest(
  trx: Knex.Transaction,
  request: ApprovalRequest,
  status: ApprovalOutcome['status'],
  message: string,
  now: Date,
  closeAs: 'cancelled' | 'expired' | 'escalated' = 'cancelled',
): Promise<ApprovalOutcome> {
  const { row } = request;
  const key = { run_id: row.run_id, node_id: row.node_id };
  await trx('approval_tasks').where(key).andWhere({ status: 'open' }).update({ status: closeAs, closed_at: now });
  if (status === 'approved') await recordDuties(trx, request, now);
  const outcome: ApprovalOutcome = { status, message, decisions: await decisionsOf(trx, request), at: now.toISOString() };
  await trx('approval_requests').where(key).update({ status, outcome: JSON.stringify(outcome), decided_at: now, due_at: null, remind_at: null });
  Object.assign(row, { status });
  await appendAudit(trx, row.tenant_id, [
    auditEntry({ actor: serviceActor('approvals'), action: `approval.${status}`, target: { type: 'approval', id: `${row.run_id}/${row.node_id}` }, after: { outcome: status, decisions: outcome.decisions.length }, reason: message, runId: row.run_id, nodeId: row.node_id, versionHash: row.version_hash }),
  ]);
  await trx('run_steps')
    .where(key)
    .andWhere({ status: 'waiting' })
    .update({ state: trx.raw(`jsonb_set(coalesce(state, '{}'::jsonb), '{outcome}', ?::jsonb)`, [JSON.stringify(outcome)]), wake_at: now });
  await trx('runs')
    .where({ id: row.run_id })
    .whereNotIn('status', ['succeeded', 'failed', 'cancelled'])
    .andWhere((q) => q.whereNull('ready_at').orWhere('ready_at', '>', now))
    .update({ ready_at: now });
  return outcome;
}
