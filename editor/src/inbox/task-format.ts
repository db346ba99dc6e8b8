import { formatMoney, type Money, type TaskDto, type TaskStatus } from '@countersign/shared';

/** The amount of a task with its currency ("1234.50 EUR", from integer minor units), or a dash. */
export function formatAmount(amount: Money | null): string {
  return amount === null ? '–' : formatMoney(amount);
}

/** "Level 2 of 3" (a single-level chain reads "Single level"). */
export function levelText(task: Pick<TaskDto, 'level' | 'levelCount'>): string {
  return task.levelCount <= 1 ? 'Single level' : `Level ${task.level} of ${task.levelCount}`;
}

/** "1 approval needed", "2 of 3 approvals" when the progress is known. */
export function quorumText(quorum: number, approvals?: number): string {
  const noun = quorum === 1 ? 'approval' : 'approvals';
  return approvals === undefined ? `${quorum} ${noun} needed` : `${approvals} of ${quorum} ${noun}`;
}

/** How a task reached its holder, as a badge: null for the configured assignee. */
export interface RouteBadgeInfo {
  kind: 'delegated' | 'alternate' | 'admin' | 'escalation';
  text: string;
  /** Why, for a tooltip. */
  hint: string;
}

/** The route badge of a task: delegated to me, or routed to an alternate, an admin or by escalation. */
export function routeBadge(task: Pick<TaskDto, 'route' | 'delegatedFrom' | 'assigneeName'>, nameOf: (userId: string) => string = (id) => id): RouteBadgeInfo | null {
  if (task.delegatedFrom !== null) {
    // The caller is the delegate: the task belongs to its assignee (the delegator).
    const from = task.assigneeName || nameOf(task.delegatedFrom);
    return { kind: 'delegated', text: `Delegated from ${from}`, hint: `You decide on behalf of ${from} while their delegation lasts` };
  }
  switch (task.route) {
    case 'assignee':
      return null;
    case 'alternate':
      return { kind: 'alternate', text: 'Alternate', hint: 'The configured approver was excluded (segregation of duties), so it came to the alternate' };
    case 'admin':
      return { kind: 'admin', text: 'Admin fallback', hint: 'No eligible approver or alternate was left, so it came to an admin' };
    case 'escalation':
      return { kind: 'escalation', text: 'Escalation', hint: 'It passed its due time at the level below and moved up' };
    default: {
      const unknownRoute: never = task.route;
      throw new Error(`Unknown task route ${String(unknownRoute)}`);
    }
  }
}

/** Words and a glyph of each task status (never colour alone). */
export const TASK_STATUS_META: Record<TaskStatus, { label: string; icon: string }> = {
  open: { label: 'Waiting for your decision', icon: '◷' },
  approved: { label: 'Approved', icon: '✓' },
  rejected: { label: 'Rejected', icon: '✕' },
  cancelled: { label: 'Cancelled', icon: '⊘' },
  escalated: { label: 'Escalated', icon: '↑' },
  expired: { label: 'Expired', icon: '⌛' },
};

/** The status filters of the inbox. */
export const TASK_FILTERS = ['open', 'decided', 'all'] as const;
/** One inbox filter: open tasks, decided ones (approved or rejected), or every task. */
export type TaskFilter = (typeof TASK_FILTERS)[number];

/** The `status` to ask the API for, and which of its answers the filter keeps. */
export function filterQuery(filter: TaskFilter): { status: 'open' | 'all'; keep(task: Pick<TaskDto, 'status'>): boolean } {
  switch (filter) {
    case 'open':
      return { status: 'open', keep: () => true };
    case 'decided':
      return { status: 'all', keep: (task) => task.status === 'approved' || task.status === 'rejected' };
    case 'all':
      return { status: 'all', keep: () => true };
    default: {
      const unknownFilter: never = filter;
      throw new Error(`Unknown filter ${String(unknownFilter)}`);
    }
  }
}
