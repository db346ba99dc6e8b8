import type { Knex } from 'knex';
import type { TaskDto, TaskListQuery } from '@countersign/shared';
import { tenantDb } from '../db/tenant-db.ts';
import { iso, isoOrNull } from '../services/row-values.ts';
import { StoredPlanSchema } from './request-row.ts';

interface TaskListRow {
  id: string;
  run_id: string;
  node_id: string;
  level: number;
  assignee_id: string;
  assignee_name: string;
  route: TaskDto['route'];
  status: TaskDto['status'];
  created_at: Date | string;
  due_at: Date | string | null;
  closed_at: Date | string | null;
  decision: TaskDto['decision'];
  decided_by: string | null;
  on_behalf_of: string | null;
  comment: string | null;
  title: string;
  amount_minor: string | number | null;
  currency: string | null;
  plan: unknown;
  workflow_id: string;
  workflow_name: string;
}

/** Tasks joined with their request, workflow and assignee: the base of every task read. */
export function taskQuery(db: Knex, tenantId: string): Knex.QueryBuilder {
  return tenantDb(db, tenantId).table('approval_tasks as t')
    .join('approval_requests as r', function join() {
      this.on('r.run_id', '=', 't.run_id').andOn('r.node_id', '=', 't.node_id');
    })
    .join('workflows as w', 'w.id', 'r.workflow_id')
    .join('users as u', 'u.id', 't.assignee_id')
    .select(
      't.id', 't.run_id', 't.node_id', 't.level', 't.assignee_id', 'u.name as assignee_name', 't.route', 't.status', 't.created_at', 't.due_at',
      't.closed_at', 't.decision', 't.decided_by', 't.on_behalf_of', 't.comment', 'r.title', 'r.amount_minor', 'r.currency', 'r.plan', 'r.workflow_id',
      'w.name as workflow_name',
    );
}

/** A task row as the API shows it to `viewerId` (who may see it as the delegate of its assignee). */
export function toTaskDto(row: TaskListRow, viewerId: string): TaskDto {
  const plan = StoredPlanSchema.parse(row.plan);
  return {
    id: row.id,
    runId: row.run_id,
    workflowId: row.workflow_id,
    workflowName: row.workflow_name,
    nodeId: row.node_id,
    nodeLabel: plan.nodeLabel,
    title: row.title,
    amount: row.amount_minor === null || row.currency === null ? null : { amount: Number(row.amount_minor), currency: row.currency.trim() },
    level: row.level,
    levelCount: plan.levels.length,
    quorum: plan.levels[row.level - 1]?.quorum ?? 1,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    route: row.route,
    status: row.status,
    createdAt: iso(row.created_at),
    dueAt: isoOrNull(row.due_at),
    closedAt: isoOrNull(row.closed_at),
    decision: row.decision,
    decidedBy: row.decided_by,
    onBehalfOf: row.on_behalf_of,
    comment: row.comment,
    delegatedFrom: row.assignee_id === viewerId ? null : row.assignee_id,
  };
}

/** Lists tasks: the viewer's own and those delegated to them (scope mine), or the tenant's (scope all). */
export async function listTasks(db: Knex, tenantId: string, viewerId: string, query: TaskListQuery, delegators: string[]): Promise<TaskDto[]> {
  const q = taskQuery(db, tenantId);
  if (query.scope === 'mine') q.whereIn('t.assignee_id', [viewerId, ...delegators]);
  if (query.status !== 'all') q.andWhere('t.status', query.status);
  if (query.runId !== undefined) q.andWhere('t.run_id', query.runId);
  const rows: TaskListRow[] = await q.orderByRaw('t.due_at ASC NULLS LAST, t.created_at DESC, t.id').limit(500);
  return rows.map((row) => toTaskDto(row, viewerId));
}

/** One task, or undefined. */
export async function findTask(db: Knex, tenantId: string, viewerId: string, taskId: string): Promise<TaskDto | undefined> {
  const row = (await taskQuery(db, tenantId).andWhere('t.id', taskId).first()) as TaskListRow | undefined;
  return row ? toTaskDto(row, viewerId) : undefined;
}
