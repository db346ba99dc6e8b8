import { formatMoney } from '@countersign/shared';
import type { NotificationKind, NotificationRequest } from './notification-request.ts';

/** What an email says, before it is laid out as text or HTML. */
export interface EmailContent {
  subject: string;
  greeting: string;
  lead: string;
  /** Label and value rows: task, workflow, amount, level, due time. */
  facts: [string, string][];
  /** The call to action and where it leads (null without a public URL). */
  action: { label: string; url: string | null };
  footer: string;
  /** Where to get help (the tenant's support link or address), or null. */
  support: string | null;
}

/** Where a tenant's people get help: a link, an address, or both. */
export interface SupportContact {
  url?: string | undefined;
  email?: string | undefined;
}

const WORDING: Record<NotificationKind, { subject: string; lead: string; action: string }> = {
  'task.created': { subject: 'Approval needed', lead: 'An approval is waiting for your decision.', action: 'Review and decide' },
  'task.reminder': { subject: 'Reminder: approval needed', lead: 'Reminder: an approval is still waiting for your decision.', action: 'Review and decide' },
  'task.escalated': {
    subject: 'Escalated approval',
    lead: 'An approval was escalated to you because it was not decided in time.',
    action: 'Review and decide',
  },
  'task.revoked': { subject: 'Approval withdrawn', lead: 'This approval task was withdrawn from you; no action is needed.', action: 'View the task' },
};

const MAX_TITLE = 150;

/** The task's link in the inbox of the app, or null when the app's public URL is unknown. */
export function inboxLink(publicUrl: string | undefined, taskId: string): string | null {
  return publicUrl ? `${publicUrl.replace(/\/+$/, '')}/inbox/${encodeURIComponent(taskId)}` : null;
}

/** A due time people can read anywhere: `2025-03-03 17:00 UTC`. */
export function formatDue(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The words of the email for one request; titles come from workflow data, so they are flattened to one short line. */
export function emailContent(request: NotificationRequest, productName: string, publicUrl: string | undefined, support: SupportContact = {}): EmailContent {
  const { task } = request;
  const wording = WORDING[request.kind];
  const title = task.title.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE);
  const facts: [string, string][] = [
    ['Task', title],
    ['Workflow', task.workflowName],
  ];
  if (task.amount) facts.push(['Amount', formatMoney(task.amount)]);
  facts.push(['Level', String(task.level)]);
  if (task.dueAt) facts.push(['Due', formatDue(task.dueAt)]);
  return {
    subject: `[${productName}] ${wording.subject}: ${title}`,
    greeting: `Hello ${request.recipient.name},`,
    lead: wording.lead,
    facts,
    action: { label: wording.action, url: inboxLink(publicUrl, task.id) },
    footer: `You receive this because you are an approver in ${productName}.`,
    support: support.url || support.email ? `Need help? ${[support.url, support.email].filter(Boolean).join(' or ')}` : null,
  };
}
