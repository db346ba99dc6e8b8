import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { NotificationRequest } from './notification-request.ts';

/** How a notifier writes and delivers; a channel is on when its settings are given. */
export interface NotifierOptions {
  knex: Knex;
  log: Logger;
  /** Email over SMTP, e.g. `{ url: 'smtp://127.0.0.1:2525', from: 'Countersign <no-reply@example.com>' }`. */
  smtp?: { url: string; from: string } | undefined;
  /** Signed webhooks (Standard Webhooks 1.0); private, loopback and link-local targets are refused unless allowed. */
  webhook?: { url: string; secret: string; allowPrivateAddresses?: boolean | undefined } | undefined;
  /** Base URL of the app, for links to the inbox task: `${publicUrl}/inbox/${taskId}`. */
  publicUrl?: string | undefined;
  /** Name in subjects and footers (default 'Countersign'). */
  productName?: string | undefined;
  /** The recipient tenant's branding (read in the enqueuing transaction); what it leaves out keeps the settings above. */
  branding?: ((db: Knex | Knex.Transaction, tenantId: string) => Promise<NotificationBranding>) | undefined;
  /** Dispatcher poll interval in ms when idle (default 1000); `notify()` wakes it sooner. */
  pollMs?: number | undefined;
  /** Delays before attempt 1, 2, ... in ms (default [0, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h]); past the end a row is dead. */
  schedule?: readonly number[] | undefined;
  /** How long a claimed row stays reserved to this process (default 120 s); a crash frees it after this. */
  leaseMs?: number | undefined;
}

/** What a tenant's notifications show instead of the notifier's settings (white-label). */
export interface NotificationBranding {
  productName?: string;
  supportUrl?: string;
  supportEmail?: string;
  /** The host the tenant's users open the app on (a custom domain): inbox links lead there. */
  appHost?: string;
}

/** The notification outbox: enqueue with the change, deliver after the commit. */
export interface Notifier {
  /** Writes one outbox row per configured channel, inside the caller's transaction (same commit as the change). Duplicate dedupe keys are ignored. */
  enqueue(db: Knex | Knex.Transaction, items: NotificationRequest[]): Promise<void>;
  /** Delivers what is due now (claims rows with FOR UPDATE SKIP LOCKED and a lease so several processes can run it); returns how many were attempted. */
  deliverDue(): Promise<number>;
  /** Starts the dispatcher loop. */
  start(): void;
  /** Stops the loop and waits for the attempts in flight to be recorded. */
  stop(): Promise<void>;
  /** Wakes the dispatcher (after a commit that enqueued). */
  notify(): void;
}
