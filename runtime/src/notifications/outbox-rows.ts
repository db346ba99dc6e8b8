import { randomUUID } from 'node:crypto';
import { emailContent, inboxLink, type SupportContact } from './email-content.ts';
import type { NotificationChannel, NotificationRequest } from './notification-request.ts';
import { renderEmail, type RenderedEmail } from './render-email.ts';
import { webhookEvent, type WebhookEvent } from './webhook-event.ts';

/** The `payload` of an email row: the message as it will be sent. */
export interface EmailPayload extends RenderedEmail {
  to: { name: string; address: string };
  /** The sender's display name when the tenant's branding names the product (else the configured From). */
  fromName?: string;
}

/** The `payload` of a webhook row: the body as it will be sent (the same on every retry). */
export type WebhookPayload = WebhookEvent;

/** A `notifications` row to insert. */
export interface OutboxRow {
  id: string;
  tenant_id: string;
  kind: string;
  channel: NotificationChannel;
  /** The user notified (the address is in the payload). */
  recipient: string;
  subject: string;
  payload: EmailPayload | WebhookPayload;
  dedupe_key: string;
}

/** How rows are rendered: product name, app URL and support contact go into subjects, bodies and links. */
export interface RenderSettings {
  productName: string;
  publicUrl: string | undefined;
  support?: SupportContact;
  /** Set when the tenant's branding names the product: the sender's display name. */
  senderName?: string | undefined;
}

/** The key that makes a repeated enqueue a no-op: channel, tenant, kind, task, recipient and occurrence. */
export function dedupeKey(channel: NotificationChannel, request: NotificationRequest): string {
  return JSON.stringify([channel, request.tenantId, request.kind, request.task.id, request.recipient.userId, request.occurrence ?? null]);
}

/**
 * One row per request and channel, rendered now (with the settings of the request's tenant) so the
 * outbox holds exactly what is delivered. Requests repeated within the list are dropped here (the
 * database drops those enqueued before).
 */
export function outboxRows(requests: readonly NotificationRequest[], channels: readonly NotificationChannel[], settingsOf: (tenantId: string) => RenderSettings, now: Date): OutboxRow[] {
  const rows = new Map<string, OutboxRow>();
  for (const request of requests) {
    const settings = settingsOf(request.tenantId);
    const content = emailContent(request, settings.productName, settings.publicUrl, settings.support);
    for (const channel of channels) {
      if (channel === 'email' && request.recipient.email.trim() === '') continue;
      const payload: EmailPayload | WebhookPayload =
        channel === 'email'
          ? { to: { name: request.recipient.name, address: request.recipient.email }, ...renderEmail(content), ...(settings.senderName ? { fromName: settings.senderName } : {}) }
          : webhookEvent(request, inboxLink(settings.publicUrl, request.task.id), now, { name: settings.productName, supportUrl: settings.support?.url ?? null, supportEmail: settings.support?.email ?? null });
      const key = dedupeKey(channel, request);
      if (rows.has(key)) continue;
      rows.set(key, {
        id: randomUUID(),
        tenant_id: request.tenantId,
        kind: request.kind,
        channel,
        recipient: request.recipient.userId,
        subject: content.subject,
        payload,
        dedupe_key: key,
      });
    }
  }
  return [...rows.values()];
}
