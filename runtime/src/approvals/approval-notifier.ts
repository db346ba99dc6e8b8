import type { Knex } from 'knex';

/** The approval events people are told about. */
export type TaskNotificationKind = 'task.created' | 'task.reminder' | 'task.escalated' | 'task.revoked';

/** One notification of one person about one task. */
export interface TaskNotificationRequest {
  tenantId: string;
  kind: TaskNotificationKind;
  recipient: { userId: string; email: string; name: string };
  task: { id: string; title: string; runId: string; workflowName: string; level: number; dueAt: string | null; amount: { amount: number; currency: string } | null };
  /** Distinguishes repeats of a kind for one task and person (e.g. a second reminder). */
  occurrence?: string;
}

/** Where approval notifications go: written in the caller's transaction, delivered later. */
export interface ApprovalNotifier {
  enqueue(db: Knex | Knex.Transaction, items: TaskNotificationRequest[]): Promise<void>;
  /** Wakes delivery after the transaction that enqueued committed. */
  notify(): void;
}

