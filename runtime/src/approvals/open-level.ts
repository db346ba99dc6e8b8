import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { tenantDb } from '../db/tenant-db.ts';
import { appendAudit, auditEntry, serviceActor } from '../audit/audit-log.ts';
import type { ApprovalNotifier, TaskNotificationKind } from './approval-notifier.ts';
import type { Chosen } from './eligibility.ts';
import type { ApprovalRequest } from './request-row.ts';

/** The due and reminder times of a level opened at `now`. */
export function levelClock(request: Pick<ApprovalRequest, 'plan'>, now: Date): { dueAt: Date | null; remindAt: Date | null } {
  const { dueInMs, remindBeforeMs } = request.plan;
  if (dueInMs === null) return { dueAt: null, remindAt: null };
  const dueAt = new Date(now.getTime() + dueInMs);
  const remindAt = remindBeforeMs !== null && remindBeforeMs < dueInMs ? new Date(dueAt.getTime() - remindBeforeMs) : null;
  return { dueAt, remindAt };
}

/**
 * Opens the tasks of level `levelIndex` (0-based) for `chosen`, moves the request to it with a fresh
 * clock, and queues a notification per assignee, all in `trx`.
 */
export async function openLevel(
  trx: Knex.Transaction,
  request: ApprovalRequest,
  levelIndex: number,
  chosen: Chosen[],
  notifier: ApprovalNotifier,
  now: Date,
  kind: TaskNotificationKind = 'task.created',
): Promise<void> {
  const { row } = request;
  const { dueAt, remindAt } = levelClock(request, now);
  const tasks = chosen.map((user) => ({
    id: randomUUID(),
    run_id: row.run_id,
    node_id: row.node_id,
    level: levelIndex + 1,
    assignee_id: user.id,
    route: user.route,
    status: 'open',
    created_at: now,
    due_at: dueAt,
  }));
  await tenantDb(trx, row.tenant_id).insert('approval_tasks', tasks);
  await trx('approval_requests')
    .where({ run_id: row.run_id, node_id: row.node_id })
    .update({ current_level: levelIndex, due_at: dueAt, remind_at: remindAt });
  Object.assign(row, { current_level: levelIndex, due_at: dueAt, remind_at: remindAt });
  // The caller's transaction holds the tenant's audit lock (engine commit, decision, or clock).
  await appendAudit(trx, row.tenant_id, [
    auditEntry({
      actor: serviceActor('approvals'),
      action: kind === 'task.escalated' ? 'approval.escalated' : 'approval.level_opened',
      target: { type: 'approval', id: `${row.run_id}/${row.node_id}` },
      after: { level: levelIndex + 1, assignees: chosen.map((c) => ({ id: c.id, route: c.route })), dueAt: dueAt?.toISOString() ?? null },
      runId: row.run_id,
      nodeId: row.node_id,
      versionHash: row.version_hash,
    }),
  ]);
  await notifier.enqueue(
    trx,
    tasks.map((task, i) => {
      const user = chosen[i] as Chosen;
      return {
        tenantId: row.tenant_id,
        kind,
        recipient: { userId: user.id, email: user.email, name: user.name },
        task: { id: task.id, title: row.title, runId: row.run_id, workflowName: request.workflowName, level: task.level, dueAt: dueAt?.toISOString() ?? null, amount: request.amount },
      };
    }),
  );
}
