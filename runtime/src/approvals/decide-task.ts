import type { Knex } from 'knex';
import { CountersignError, type Decision, type Money } from '@countersign/shared';
import { tenantDb } from '../db/tenant-db.ts';
import type { ApprovalNotifier } from './approval-notifier.ts';
import { appendAudit, auditEntry, lockAudit, retryOnAuditConflict, userActor } from '../audit/audit-log.ts';
import { authorityCovers, chooseAssignees, priorActors } from './eligibility.ts';
import { finishRequest } from './finish-request.ts';
import { openLevel } from './open-level.ts';
import { refusal } from './refusal.ts';
import { lockRequest, type ApprovalRequest } from './request-row.ts';

/** An approval_tasks row. */
export interface TaskRow {
  id: string;
  tenant_id: string;
  run_id: string;
  node_id: string;
  level: number;
  assignee_id: string;
  route: string;
  status: string;
  created_at: Date;
  due_at: Date | null;
  closed_at: Date | null;
  decision: Decision | null;
  decided_by: string | null;
  on_behalf_of: string | null;
  comment: string | null;
}

/** A decision as asked for through the API. */
export interface DecisionAttempt {
  tenantId: string;
  userId: string;
  taskId: string;
  decision: Decision;
  comment: string | null;
  now: Date;
}

const fmt = (m: Money): string => `${(m.amount / 100).toFixed(2)} ${m.currency}`;

/** Whether `userId` holds an active delegation from `delegatorId` at `now`. */
async function delegatedBy(trx: Knex.Transaction, tenantId: string, delegatorId: string, userId: string, now: Date): Promise<boolean> {
  const row = await tenantDb(trx, tenantId).table('delegations')
    .where({ delegator_id: delegatorId, delegate_id: userId })
    .whereNull('revoked_at')
    .andWhere('starts_at', '<=', now)
    .andWhere('ends_at', '>', now)
    .first('id');
  return row !== undefined;
}

/** Refuses the attempt unless segregation of duties and authority allow this user to decide this task. */
async function checkEligible(trx: Knex.Transaction, request: ApprovalRequest, task: TaskRow, attempt: DecisionAttempt): Promise<string | null> {
  const { userId, tenantId, now } = attempt;
  let onBehalfOf: string | null = null;
  if (task.assignee_id !== userId) {
    if (!(await delegatedBy(trx, tenantId, task.assignee_id, userId, now))) throw refusal('not_assignee', 'This task is not assigned to you, and its assignee has not delegated to you');
    onBehalfOf = task.assignee_id;
  }
  const excluded = request.excluded.find((e) => e.userId === userId);
  if (excluded?.reason === 'requester') throw refusal('requester', 'You requested this (you submitted it): the requester can never approve it');
  if (excluded?.reason === 'author') throw refusal('author', 'You authored the version of the workflow that is running: its author can never approve in it');
  if (excluded?.reason === 'conflict') throw refusal('conflict', `Segregation of duties across flows: ${excluded.detail ?? 'you hold an incompatible duty'}, so you cannot approve this`);
  if ((await priorActors(trx, tenantId, task.run_id)).has(userId)) throw refusal('prior_actor', 'You already decided in this approval chain: nobody approves twice in one chain, not even through a group or a delegation');
  const level = request.plan.levels[task.level - 1];
  if (request.amount && onBehalfOf !== null && !(await authorityCovers(trx, tenantId, userId, request.amount))) {
    throw refusal('delegate_insufficient_authority', `As a delegate you need an authority limit of at least ${fmt(request.amount)}; yours does not cover it`);
  }
  if (request.amount && level?.requireAuthority && !(await authorityCovers(trx, tenantId, userId, request.amount))) {
    throw refusal('insufficient_authority', `This level needs an authority limit of at least ${fmt(request.amount)}; yours does not cover it`);
  }
  return onBehalfOf;
}

/** Moves the request on after a decision: next level, approved, rejected, or nobody eligible. */
async function advance(trx: Knex.Transaction, request: ApprovalRequest, task: TaskRow, notifier: ApprovalNotifier, now: Date): Promise<boolean> {
  const { plan, row } = request;
  const level = plan.levels[task.level - 1];
  if (!level) throw new CountersignError('INTERNAL', `Task ${task.id} is on level ${task.level}, which the plan does not have`);
  const atLevel: { status: string }[] = await trx('approval_tasks').where({ run_id: row.run_id, node_id: row.node_id, level: task.level }).select('status');
  const approvals = atLevel.filter((t) => t.status === 'approved').length;
  const open = atLevel.filter((t) => t.status === 'open').length;
  if (task.decision === 'reject' && (plan.vetoOnReject || approvals + open < level.quorum)) {
    await finishRequest(trx, request, 'rejected', `Rejected at ${level.name}`, now);
    return true;
  }
  if (approvals < level.quorum) return false;
  // Quorum met: the other tasks of the level are cancelled.
  await trx('approval_tasks').where({ run_id: row.run_id, node_id: row.node_id, level: task.level, status: 'open' }).update({ status: 'cancelled', closed_at: now });
  const nextIndex = task.level;
  const next = plan.levels[nextIndex];
  if (!next) {
    await finishRequest(trx, request, 'approved', `Approved by ${plan.levels.length} level(s)`, now);
    return true;
  }
  const chosen = await chooseAssignees(trx, { ...request, tenantId: row.tenant_id, runId: row.run_id }, next);
  if (!chosen) {
    await finishRequest(trx, request, 'no_eligible_approver', `Nobody eligible remains to approve "${row.title}" at ${next.name}: segregation of duties excludes every assignee, the alternate and every admin`, now);
    return true;
  }
  await openLevel(trx, request, nextIndex, chosen, notifier, now);
  return false;
}

/**
 * Decides a task in one transaction. A repeat of the same decision by the same person answers with the
 * task as decided (a double click decides once); any other attempt on a closed task is a conflict.
 * Returns whether the request ended (the run resumes).
 */
export async function decideTask(knex: Knex, attempt: DecisionAttempt, notifier: ApprovalNotifier): Promise<{ finished: boolean }> {
  return retryOnAuditConflict(() => knex.transaction(async (trx) => {
    await lockAudit(trx, [attempt.tenantId]);
    const found = await tenantDb(trx, attempt.tenantId).table('approval_tasks').where({ id: attempt.taskId }).first<TaskRow | undefined>();
    if (!found) throw new CountersignError('NOT_FOUND', 'Task not found');
    // Lock order: request, then task (the clock locks requests first too).
    const request = await lockRequest(trx, attempt.tenantId, found.run_id, found.node_id);
    if (!request) throw new CountersignError('INTERNAL', `Task ${found.id} has no approval request`);
    const task = await trx('approval_tasks').where({ id: found.id }).forUpdate().first<TaskRow>();
    if (task.status !== 'open') {
      if (task.decided_by === attempt.userId && task.decision === attempt.decision) return { finished: false };
      const what = task.decision ? `already ${task.decision === 'approve' ? 'approved' : 'rejected'}${task.decided_by === attempt.userId ? ' by you' : ''}` : task.status;
      throw new CountersignError('CONFLICT', `This task is ${what}; it cannot be decided again`, { details: { status: task.status } });
    }
    const run = await trx('runs').where({ id: task.run_id }).first<{ status: string }>('status');
    if (['succeeded', 'failed', 'cancelled'].includes(run.status)) throw new CountersignError('CONFLICT', `The run has ${run.status === 'cancelled' ? 'been cancelled' : run.status}; its tasks can no longer be decided`);
    const onBehalfOf = await checkEligible(trx, request, task, attempt);
    await trx('approval_tasks')
      .where({ id: task.id })
      .update({ status: attempt.decision === 'approve' ? 'approved' : 'rejected', decision: attempt.decision, decided_by: attempt.userId, on_behalf_of: onBehalfOf, comment: attempt.comment, closed_at: attempt.now });
    Object.assign(task, { decision: attempt.decision, status: attempt.decision === 'approve' ? 'approved' : 'rejected' });
    await appendAudit(trx, attempt.tenantId, [
      auditEntry({
        actor: userActor(attempt.userId, onBehalfOf),
        action: 'approval.decided',
        target: { type: 'task', id: task.id },
        after: { decision: attempt.decision, level: task.level },
        reason: attempt.comment,
        runId: task.run_id,
        nodeId: task.node_id,
        versionHash: request.row.version_hash,
      }),
    ]);
    return { finished: await advance(trx, request, task, notifier, attempt.now) };
  }));
}
