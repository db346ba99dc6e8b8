import type { NotificationKind, NotificationRequest, NotificationTask } from './notification-request.ts';

/** The JSON body of a notification webhook (Standard Webhooks: `type`, `timestamp`, `data`). */
export interface WebhookEvent {
  type: NotificationKind;
  /** When the event happened (ISO 8601); the `webhook-timestamp` header is when this attempt was sent. */
  timestamp: string;
  data: {
    tenantId: string;
    recipient: { userId: string; email: string; name: string };
    task: NotificationTask;
    occurrence: string | null;
    /** The task in the app's inbox, or null when the app's public URL is not configured. */
    url: string | null;
    /** The product as the tenant brands it: its name and where its users get help. */
    product: WebhookProduct;
  };
}

/** The tenant's product name and support contact in a webhook body. */
export interface WebhookProduct {
  name: string;
  supportUrl: string | null;
  supportEmail: string | null;
}

/** The webhook body for one request, stamped with the time it was enqueued. */
export function webhookEvent(request: NotificationRequest, url: string | null, at: Date, product: WebhookProduct): WebhookEvent {
  const { recipient, task } = request;
  return {
    type: request.kind,
    timestamp: at.toISOString(),
    data: {
      tenantId: request.tenantId,
      recipient: { userId: recipient.userId, email: recipient.email, name: recipient.name },
      task: { id: task.id, title: task.title, runId: task.runId, workflowName: task.workflowName, level: task.level, dueAt: task.dueAt, amount: task.amount },
      occurrence: request.occurrence ?? null,
      url,
      product,
    },
  };
}
