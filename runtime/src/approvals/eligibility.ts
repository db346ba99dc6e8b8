import type { Knex } from 'knex';
import type { ApprovalLevel, Assignee, Money } from '@countersign/shared';
import { tenantDb } from '../db/tenant-db.ts';
import type { ApprovalRequest } from './request-row.ts';

/** A user who may receive a task. */
export interface Candidate {
  id: string;
  email: string;
  name: string;
}

/** A user chosen for a task, and how they were chosen. */
export interface Chosen extends Candidate {
  route: 'assignee' | 'alternate' | 'admin' | 'escalation';
}

/** Users of the tenant named by `assignees` (by id or by role), in a stable order, each once. */
export async function usersOf(db: Knex, tenantId: string, assignees: readonly Assignee[]): Promise<Candidate[]> {
  const ids = assignees.filter((a) => a.type === 'user').map((a) => a.id);
  const roles = assignees.filter((a) => a.type === 'role').map((a) => a.id);
  if (ids.length === 0 && roles.length === 0) return [];
  const rows: Candidate[] = await tenantDb(db, tenantId).table('users')
    .andWhere((q) => {
      if (ids.length > 0) q.orWhereIn('id', ids);
      for (const role of roles) q.orWhereRaw('roles @> ?::jsonb', [JSON.stringify([role])]);
    })
    .orderBy('id')
    .select('id', 'email', 'name');
  return rows;
}

/** Everyone who already decided in the run's approval chain (themselves or for someone): never eligible again. */
export async function priorActors(db: Knex, tenantId: string, runId: string): Promise<Set<string>> {
  const rows: { decided_by: string | null; on_behalf_of: string | null }[] = await tenantDb(db, tenantId).table('approval_tasks')
    .where({ run_id: runId })
    .whereNotNull('decision')
    .select('decided_by', 'on_behalf_of');
  return new Set(rows.flatMap((row) => [row.decided_by, row.on_behalf_of]).filter((id): id is string => id !== null));
}

/** Whether the user's authority limit in the amount's currency covers it (no limit: no authority). */
export async function authorityCovers(db: Knex, tenantId: string, userId: string, amount: Money): Promise<boolean> {
  const row = await tenantDb(db, tenantId).table('authority_limits').where({ user_id: userId, currency: amount.currency }).first<{ limit_minor: string | number } | undefined>('limit_minor');
  return row !== undefined && Number(row.limit_minor) >= amount.amount;
}

/**
 * Who gets the tasks of a level: its assignees minus everyone segregation of duties excludes (the
 * requester, the version's author, prior actors, `skip`); filled up to the quorum with eligible
 * alternates, then admins. Null when even then the quorum cannot be met (the run must fail into an
 * exception rather than approve itself).
 */
export async function chooseAssignees(
  db: Knex,
  request: Pick<ApprovalRequest, 'plan' | 'excluded' | 'amount'> & { tenantId: string; runId: string },
  level: ApprovalLevel,
  options: { skip?: ReadonlySet<string>; escalationRole?: string } = {},
): Promise<Chosen[] | null> {
  const blocked = new Set([...request.excluded.map((e) => e.userId), ...(await priorActors(db, request.tenantId, request.runId)), ...(options.skip ?? [])]);
  const chosen: Chosen[] = [];
  const consider = async (candidates: Candidate[], route: Chosen['route']): Promise<void> => {
    for (const candidate of candidates) {
      if (blocked.has(candidate.id) || chosen.some((c) => c.id === candidate.id)) continue;
      if (level.requireAuthority && request.amount && !(await authorityCovers(db, request.tenantId, candidate.id, request.amount))) continue;
      chosen.push({ ...candidate, route });
    }
  };
  const primary: Assignee[] = options.escalationRole ? [{ type: 'role', id: options.escalationRole }] : level.assignees;
  await consider(await usersOf(db, request.tenantId, primary), options.escalationRole ? 'escalation' : 'assignee');
  if (chosen.length < level.quorum) await consider(await usersOf(db, request.tenantId, request.plan.alternates), 'alternate');
  if (chosen.length < level.quorum) await consider(await usersOf(db, request.tenantId, [{ type: 'role', id: 'admin' }]), 'admin');
  return chosen.length >= level.quorum ? chosen : null;
}
