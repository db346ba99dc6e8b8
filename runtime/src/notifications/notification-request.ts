/** The events an approver is told about. */
export const NOTIFICATION_KINDS = ['task.created', 'task.reminder', 'task.escalated', 'task.revoked'] as const;

/** What happened to an approval task, from its assignee's point of view. */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Where a notification goes: an email to the person, or a signed webhook to the tenant's systems. */
export type NotificationChannel = 'email' | 'webhook';

/** An amount in integer minor units plus its ISO 4217 currency code. */
export interface NotificationAmount {
  amount: number;
  currency: string;
}

/** The approval task a notification is about, as its assignee should see it. */
export interface NotificationTask {
  id: string;
  title: string;
  runId: string;
  workflowName: string;
  /** The level of the chain, 1-based as stored in `approval_tasks.level` and shown to people. */
  level: number;
  /** ISO 8601 due time, or null when the task has none. */
  dueAt: string | null;
  amount: NotificationAmount | null;
}

/** Who is notified. */
export interface NotificationRecipient {
  userId: string;
  email: string;
  name: string;
}

/** One thing to tell one person about one task. */
export interface NotificationRequest {
  tenantId: string;
  kind: NotificationKind;
  recipient: NotificationRecipient;
  task: NotificationTask;
  /** Distinguishes repeats (e.g. reminder #1); the dedupe key is kind+task+recipient+this. */
  occurrence?: string;
}
