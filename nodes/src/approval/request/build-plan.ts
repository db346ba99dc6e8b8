import { CountersignError, type ApprovalLevel, type ApprovalPlan, type Assignee } from '@countersign/shared';
import { durationMs } from './duration.ts';
import type { ApprovalRequestConfig, AssigneeInput } from './request.schema.ts';

/** Reads `role:x`, `user:x`, a bare user id, `{ role }` or `{ user }`. */
export function toAssignee(input: AssigneeInput): Assignee {
  if (typeof input !== 'string') return 'role' in input ? { type: 'role', id: input.role } : { type: 'user', id: input.user };
  if (input.startsWith('role:')) return { type: 'role', id: input.slice(5) };
  if (input.startsWith('user:')) return { type: 'user', id: input.slice(5) };
  return { type: 'user', id: input };
}

function uniqueAssignees(list: Assignee[]): Assignee[] {
  const seen = new Set<string>();
  return list.filter((a) => (seen.has(`${a.type}:${a.id}`) ? false : (seen.add(`${a.type}:${a.id}`), true)));
}

/** Groups approval-matrix rows into sequential levels (level numbers may skip; order is kept). */
function levelsFromMatrix(rows: NonNullable<ApprovalRequestConfig['matrix']>): ApprovalLevel[] {
  if (rows.length === 0) throw new CountersignError('POLICY_ERROR', 'The approval matrix gave no approvers: an invoice would route to nobody', { retryable: false });
  const byLevel = new Map<number, typeof rows>();
  for (const row of rows) byLevel.set(row.level, [...(byLevel.get(row.level) ?? []), row]);
  return [...byLevel.keys()]
    .sort((a, b) => a - b)
    .map((n) => {
      const group = byLevel.get(n) ?? [];
      return {
        name: `Level ${n}`,
        assignees: uniqueAssignees(group.map((row) => (row.role !== undefined ? { type: 'role', id: row.role } : { type: 'user', id: row.user ?? '' }))),
        quorum: Math.max(1, ...group.map((row) => row.quorum ?? 1)),
        requireAuthority: false,
      };
    });
}

/** The plan the runtime executes, from a resolved config. */
export function buildPlan(config: ApprovalRequestConfig): ApprovalPlan {
  const levels: ApprovalLevel[] = config.levels
    ? config.levels.map((level, i) => ({
        name: level.name ?? `Level ${i + 1}`,
        assignees: uniqueAssignees(level.assignees.map(toAssignee)),
        quorum: level.quorum,
        requireAuthority: level.requireAuthority,
      }))
    : levelsFromMatrix(config.matrix ?? []);
  if (levels.length > 9) throw new CountersignError('POLICY_ERROR', `An approval chain has at most 9 levels, not ${levels.length}`, { retryable: false });
  const requester = config.requester === undefined ? [] : Array.isArray(config.requester) ? config.requester : [config.requester];
  return {
    title: config.title,
    amount: config.amount ?? null,
    requesters: requester.map((r) => r.trim()).filter((r) => r !== ''),
    levels,
    vetoOnReject: config.vetoOnReject,
    dueInMs: config.dueIn === undefined ? null : durationMs(config.dueIn),
    remindBeforeMs: config.remindBefore === undefined ? null : durationMs(config.remindBefore),
    onTimeout: config.onTimeout,
    escalationRole: config.escalationRole ?? null,
    alternates: uniqueAssignees((config.alternate ?? []).map(toAssignee)),
    records: config.records ?? [],
    conflicts: config.conflicts ?? [],
  };
}
