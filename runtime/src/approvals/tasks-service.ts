import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { CountersignError, type DecisionRequest, type TaskDetailDto, type TaskDto, type TaskListQuery } from '@countersign/shared';
import { tenantDb } from '../db/tenant-db.ts';
import type { AuthorityActor } from '../services/authority-service.ts';
import type { ApprovalNotifier } from './approval-notifier.ts';
import { audited, auditEntry, userActor } from '../audit/audit-log.ts';
import { decideTask } from './decide-task.ts';
import { refusalReason } from './refusal.ts';
import { taskEvidence } from './task-evidence.ts';
import { findTask, listTasks } from './task-query.ts';

/** The approval inbox: tasks of the signed-in user (and of those who delegated to them), with evidence and decisions. */
export interface TasksService {
  list(actor: AuthorityActor, query: TaskListQuery): Promise<TaskDto[]>;
  get(actor: AuthorityActor, id: string): Promise<TaskDetailDto>;
  /** Decides a task; refused attempts are recorded, then answered with 403 and the reason. */
  decide(actor: AuthorityActor, id: string, request: DecisionRequest): Promise<TaskDto>;
}

/** Who may see every task of the tenant, not only their own. */
const OVERSEERS = ['admin', 'auditor'];

/** Creates the tasks service; `wake` tells the engine a run became due. */
export function createTasksService(knex: Knex, notifier: ApprovalNotifier, wake: () => void): TasksService {
  const delegatorsOf = async (tenantId: string, userId: string, now = new Date()): Promise<string[]> =>
    (
      await tenantDb(knex, tenantId).table('delegations')
        .where({ delegate_id: userId })
        .whereNull('revoked_at')
        .andWhere('starts_at', '<=', now)
        .andWhere('ends_at', '>', now)
        .select('delegator_id')
    ).map((row: { delegator_id: string }) => row.delegator_id);

  /** The task if the actor may see it (theirs, delegated to them, or they oversee the tenant); 404 otherwise. */
  const visibleTask = async (actor: AuthorityActor, id: string): Promise<TaskDto> => {
    const task = await findTask(knex, actor.tenantId, actor.id, id);
    const mine = task !== undefined && (task.assigneeId === actor.id || (await delegatorsOf(actor.tenantId, actor.id)).includes(task.assigneeId));
    if (!task || (!mine && !actor.roles.some((role) => OVERSEERS.includes(role)))) throw new CountersignError('NOT_FOUND', 'Task not found');
    return task;
  };

  return {
    async list(actor, query) {
      if (query.scope === 'all' && !actor.roles.some((role) => OVERSEERS.includes(role))) {
        throw new CountersignError('FORBIDDEN', 'Listing every task of the tenant (scope=all) needs the admin or auditor role');
      }
      return listTasks(knex, actor.tenantId, actor.id, query, await delegatorsOf(actor.tenantId, actor.id));
    },

    async get(actor, id) {
      const task = await visibleTask(actor, id);
      const evidence = await taskEvidence(knex, actor.tenantId, task.runId, task.nodeId);
      const approvals = await knex('approval_tasks').where({ run_id: task.runId, node_id: task.nodeId, level: task.level, status: 'approved' }).count<{ count: string | number }[]>('* as count');
      return { ...task, evidence, approvalsAtLevel: Number(approvals[0]?.count ?? 0) };
    },

    async decide(actor, id, request) {
      const now = new Date();
      try {
        const { finished } = await decideTask(knex, { tenantId: actor.tenantId, userId: actor.id, taskId: id, decision: request.decision, comment: request.comment ?? null, now }, notifier);
        notifier.notify();
        if (finished) wake();
      } catch (error) {
        const reason = refusalReason(error);
        if (reason !== undefined) {
          const db = tenantDb(knex, actor.tenantId);
          const task = await db.table('approval_tasks').where({ id }).first<{ run_id: string } | undefined>('run_id');
          await audited(knex, actor.tenantId, async (trx, record) => {
            await db.through(trx).insert('approval_refusals', { id: randomUUID(), task_id: id, run_id: task?.run_id ?? null, user_id: actor.id, reason, message: (error as Error).message, at: now });
            record(auditEntry({ actor: userActor(actor.id), action: 'approval.refused', target: { type: 'task', id }, after: { decision: request.decision, refusal: reason }, reason: (error as Error).message, runId: task?.run_id ?? null }));
          });
        }
        throw error;
      }
      const task = await findTask(knex, actor.tenantId, actor.id, id);
      if (!task) throw new CountersignError('NOT_FOUND', 'Task not found');
      return task;
    },
  };
}
