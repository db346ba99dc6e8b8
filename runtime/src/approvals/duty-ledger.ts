import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { DutyConflict } from '@countersign/shared';
import { tenantDb } from '../db/tenant-db.ts';
import type { ApprovalRequest, Exclusion } from './request-row.ts';

interface LedgerRow {
  subject: string;
  action: string;
  user_id: string;
  at: Date | string;
}

/** Users who hold a duty incompatible with approving here (recorded within each conflict's window). */
export async function conflictingUsers(db: Knex, tenantId: string, conflicts: readonly DutyConflict[], now: Date): Promise<Exclusion[]> {
  const view = tenantDb(db, tenantId);
  const found: Exclusion[] = [];
  for (const conflict of conflicts) {
    const since = new Date(now.getTime() - conflict.withinDays * 86_400_000);
    const rows: LedgerRow[] = await view.table('duty_ledger')
      .where({ subject: conflict.subject, action: conflict.action })
      .andWhere('at', '>=', since)
      .orderBy('at', 'desc')
      .select('subject', 'action', 'user_id', 'at');
    for (const row of rows) {
      if (found.some((e) => e.userId === row.user_id)) continue;
      const on = new Date(row.at).toISOString().slice(0, 10);
      found.push({ userId: row.user_id, reason: 'conflict', detail: `you were recorded for ${row.action} on ${row.subject} on ${on}` });
    }
  }
  return found;
}

/** Records the duties of an approved request for its requesters and everyone who decided it. */
export async function recordDuties(trx: Knex.Transaction, request: ApprovalRequest, now: Date): Promise<void> {
  const { plan, row } = request;
  if (plan.records.length === 0) return;
  const deciders: { decided_by: string; on_behalf_of: string | null }[] = await trx('approval_tasks')
    .where({ run_id: row.run_id, node_id: row.node_id })
    .whereNotNull('decision')
    .select('decided_by', 'on_behalf_of');
  const people = new Map<string, 'requester' | 'approver'>();
  for (const e of request.excluded) if (e.reason === 'requester') people.set(e.userId, 'requester');
  for (const d of deciders) for (const id of [d.decided_by, d.on_behalf_of]) if (id !== null && !people.has(id)) people.set(id, 'approver');
  const rows = plan.records.flatMap((duty) =>
    [...people].map(([userId, capacity]) => ({ id: randomUUID(), subject: duty.subject, action: duty.action, user_id: userId, capacity, run_id: row.run_id, node_id: row.node_id, at: now })),
  );
  if (rows.length > 0) await tenantDb(trx, row.tenant_id).insert('duty_ledger', rows);
}
