/** Approval notifications: a durable outbox delivered by email and signed webhooks. */
export { createNotifier } from './create-notifier.ts';
export type { NotificationBranding, Notifier, NotifierOptions } from './notifier.ts';
export { NOTIFICATION_KINDS, type NotificationAmount, type NotificationChannel, type NotificationKind, type NotificationRecipient, type NotificationRequest, type NotificationTask } from './notification-request.ts';
export type { WebhookEvent } from './webhook-event.ts';
export { decodeWebhookSecret, signWebhook, verifyWebhookSignature, WEBHOOK_TOLERANCE_SECONDS, type WebhookHeaders } from './webhook-signature.ts';
export { DEFAULT_RETRY_SCHEDULE } from './retry-schedule.ts';
