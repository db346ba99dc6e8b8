import type { DeliveryOutcome } from './delivery-outcome.ts';
import type { EmailPayload, WebhookPayload } from './outbox-rows.ts';
import type { EmailSender } from './send-email.ts';
import { sendWebhook, type WebhookEndpoint } from './send-webhook.ts';
import type { ClaimedNotification } from './sql/claim-notifications.ts';

/** The channels this process can deliver on (rows of other channels are left to processes that can). */
export interface DeliveryChannels {
  email?: EmailSender | undefined;
  webhook?: WebhookEndpoint | undefined;
}

/** Makes one delivery attempt of a claimed row on its channel. */
export async function deliverNotification(row: ClaimedNotification, channels: DeliveryChannels, timeoutMs: number): Promise<DeliveryOutcome> {
  switch (row.channel) {
    case 'email':
      if (!channels.email) return { kind: 'retry', error: 'Email is not configured in this process' };
      return channels.email.send(row.id, row.payload as EmailPayload, timeoutMs);
    case 'webhook':
      if (!channels.webhook) return { kind: 'retry', error: 'Webhooks are not configured in this process' };
      return sendWebhook(channels.webhook, { id: row.id, body: JSON.stringify(row.payload as WebhookPayload) }, timeoutMs);
    default: {
      const unknown: never = row.channel;
      return { kind: 'dead', error: `Unknown channel ${String(unknown)}` };
    }
  }
}
