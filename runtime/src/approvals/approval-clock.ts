import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { ApprovalNotifier } from './approval-notifier.ts';
import { appendAudit, auditEntry, lockAudit, retryOnAuditConflict, serviceActor } from '../audit/audit-log.ts';
import { chooseAssignees } from './eligibility.ts';
import { finishRequest } from './finish-request.ts';
import { openLevel } from './open-level.ts';
import { parseRequest, type ApprovalRequest, type ApprovalRequestRow } from './request-row.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { asSystem } from '../db/tenant-scope.ts';

const BATCH = 50;

interface OpenTask {
  task_id: string;
  level: number;
  assignee_id: string;
  due_at: Date | null;
  email: string;
  name: string;
}

async function openTasks(trx: Knex.Transaction, request: ApprovalRequest): Promise<OpenTask[]> {
  return trx('approval_tasks as t')
    .join('users as u', 'u.id', 't.assignee_id')
    .where({ 't.run_id': request.row.run_id, 't.node_id': request.row.node_id, 't.status': 'open' })
    .select('t.id as task_id', 't.level', 't.assignee_id', 't.due_at', 'u.email', 'u.name');
}

async function remind(trx: Knex.Transaction, request: ApprovalRequest, notifier: ApprovalNotifier): Promise<void> {
  const { row } = request;
  const tasks = await openTasks(trx, request);
  await notifier.enqueue(
    trx,
    tasks.map((t) => ({
      tenantId: row.tenant_id,
      kind: 'task.reminder' as const,
      recipient: { userId: t.assignee_id, email: t.email, name: t.name },
      task: { id: t.task_id, title: row.title, runId: row.run_id, workflowName: request.workflowName, level: t.level, dueAt: t.due_at?.toISOString() ?? null, amount: request.amount },
      occurrence: `${row.current_level}-${row.escalations}`,
    })),
  );
  await trx('approval_requests').where({ run_id: row.run_id, node_id: row.node_id }).update({ remind_at: null });
  await appendAudit(trx, row.tenant_id, [
    auditEntry({ actor: serviceActor('approvals'), action: 'approval.reminded', target: { type: 'approval', id: `${row.run_id}/${row.node_id}` }, after: { recipients: tasks.map((t) => t.assignee_id) }, runId: row.run_id, nodeId: row.node_id, versionHash: row.version_hash }),
  ]);
}

/** The due time of the current level passed: escalate, move up, or end the request, as the plan says. */
async function timeOut(trx: Knex.Transaction, request: ApprovalRequest, notifier: ApprovalNotifier, now: Date): Promise<void> {
  const { plan, row } = request;
  const key = { run_id: row.run_id, node_id: row.node_id };
  const level = plan.levels[row.current_level];
  if (!level) throw new Error(`Request ${row.run_id}/${row.node_id} is on level ${row.current_level + 1}, which its plan does not have`);
  const revoked = new Set((await trx('approval_tasks').where({ ...key, level: row.current_level + 1 }).select('assignee_id')).map((t: { assignee_id: string }) => t.assignee_id));
  const expire = (why: string) => finishRequest(trx, request, 'expired', why, now, 'expired');
  switch (plan.onTimeout) {
    case 'expire':
      return void (await expire(`Nobody decided ${level.name} before its due time`));
    case 'escalated-port':
      return void (await finishRequest(trx, request, 'escalated', `${level.name} was not decided in time: escalated`, now, 'escalated'));
    case 'next-level': {
      const next = plan.levels[row.current_level + 1];
      if (!next) return void (await expire(`${level.name}, the last level, was not decided in time`));
      // The original assignees' claims are revoked; the next level takes over.
      await trx('approval_tasks').where({ ...key, status: 'open' }).update({ status: 'escalated', closed_at: now });
      const chosen = await chooseAssignees(trx, { ...request, tenantId: row.tenant_id, runId: row.run_id }, next, { skip: revoked });
      if (!chosen) return void (await finishRequest(trx, request, 'no_eligible_approver', `Escalation to ${next.name}: nobody eligible remains`, now));
      return openLevel(trx, request, row.current_level + 1, chosen, notifier, now, 'task.escalated');
    }
    case 'escalate-role': {
      if (row.escalations > 0 || plan.escalationRole === null) return void (await expire(`${level.name} was escalated once and still not decided in time`));
      await trx('approval_tasks').where({ ...key, status: 'open' }).update({ status: 'escalated', closed_at: now });
      const chosen = await chooseAssignees(trx, { ...request, tenantId: row.tenant_id, runId: row.run_id }, level, { skip: revoked, escalationRole: plan.escalationRole });
      if (!chosen) return void (await finishRequest(trx, request, 'no_eligible_approver', `Escalation to role ${plan.escalationRole}: nobody eligible remains`, now));
      await trx('approval_requests').where(key).update({ escalations: row.escalations + 1 });
      row.escalations += 1;
      return openLevel(trx, request, row.current_level, chosen, notifier, now, 'task.escalated');
    }
    default: {
      const unreachable: never = plan.onTimeout;
      throw new Error(`Unknown timeout action ${String(unreachable)}`);
    }
  }
}

/** Handles the due reminders and timeouts of one tenant, holding its audit lock (taken before any row lock). */
async function tickTenant(knex: Knex, tenantId: string, notifier: ApprovalNotifier, now: Date): Promise<number> {
  return retryOnAuditConflict(() => knex.transaction(async (trx) => {
    await lockAudit(trx, [tenantId]);
    const rows: ApprovalRequestRow[] = await tenantDb(trx, tenantId).table('approval_requests')
      .where({ status: 'open' })
      .andWhere((q) => q.where('due_at', '<=', now).orWhere('remind_at', '<=', now))
      .orderBy('created_at')
      .limit(BATCH)
      .forUpdate()
      .skipLocked();
    let ended = 0;
    for (const row of rows) {
      const request = await parseRequest(trx, row);
      if (row.due_at && row.due_at.getTime() <= now.getTime()) {
        await timeOut(trx, request, notifier, now);
        if (request.row.status !== 'open') ended++;
      } else {
        await remind(trx, request, notifier);
      }
    }
    return ended;
  }));
}

/**
 * One tick of the approval clock, safe in any number of processes (SKIP LOCKED): sends due reminders,
 * handles passed due times, and closes the requests of runs that ended. Returns the requests that ended.
 */
export async function tickApprovalClock(knex: Knex, notifier: ApprovalNotifier, now = new Date()): Promise<number> {
  // The clock serves every tenant: it finds those with due requests, then handles each in its own view.
  const tenants: { tenant_id: string }[] = await knex('approval_requests')
    .where({ status: 'open' })
    .andWhere((q) => q.where('due_at', '<=', now).orWhere('remind_at', '<=', now))
    .distinct('tenant_id')
    .limit(BATCH);
  let ended = 0;
  for (const { tenant_id: tenantId } of tenants) ended += await tickTenant(knex, tenantId, notifier, now);
  // Runs that ended elsewhere (cancelled, failed on another branch) take their open tasks with them.
  await knex.transaction(async (trx) => {
    const orphaned: { run_id: string; node_id: string }[] = await trx('approval_requests as r')
      .join('runs', 'runs.id', 'r.run_id')
      .where('r.status', 'open')
      .whereIn('runs.status', ['succeeded', 'failed', 'cancelled'])
      .limit(BATCH)
      .select('r.run_id', 'r.node_id');
    for (const key of orphaned) {
      await trx('approval_tasks').where({ ...key, status: 'open' }).update({ status: 'cancelled', closed_at: now });
      await trx('approval_requests').where(key).update({ status: 'cancelled', decided_at: now, due_at: null, remind_at: null });
    }
  });
  return ended;
}

/** Runs the clock every `intervalMs`; `wake` is called when a request ended (its run is due). */
export function startApprovalClock(knex: Knex, notifier: ApprovalNotifier, log: Logger, intervalMs: number, wake: () => void): () => void {
  let busy = false;
  const timer = asSystem(() => setInterval(() => {
    if (busy) return;
    busy = true;
    tickApprovalClock(knex, notifier)
      .then((ended) => {
        notifier.notify();
        if (ended > 0) wake();
      })
      .catch((error: unknown) => log.error({ err: error }, 'approval clock tick failed'))
      .finally(() => {
        busy = false;
      });
  }, intervalMs));
  timer.unref();
  return () => clearInterval(timer);
}
