import nodemailer, { type NodemailerError } from 'nodemailer';
import type { DeliveryOutcome } from './delivery-outcome.ts';
import type { EmailPayload } from './outbox-rows.ts';

/** The SMTP server and sender of notification emails. */
export interface SmtpSettings {
  /** e.g. `smtp://user:pass@mail.example.com:587` or `smtps://...:465`. */
  url: string;
  /** e.g. `Countersign <no-reply@example.com>`. */
  from: string;
}

/** Sends notification emails over one SMTP transport. */
export interface EmailSender {
  /** Sends one message; `id` (the notification id) becomes its Message-ID, the same on every retry. Never throws. */
  send(id: string, email: EmailPayload, timeoutMs: number): Promise<DeliveryOutcome>;
  close(): void;
}

/** SMTP codes where trying the same message again later is pointless. */
function isPermanent(error: NodemailerError): boolean {
  if (error.permanent !== undefined) return error.permanent;
  // No SMTP reply: a message the transport cannot build or address will not improve either.
  return error.code === 'ECONFIG' || error.code === 'EENVELOPE' || error.code === 'EMESSAGE';
}

/** A sender on a nodemailer SMTP transport (one connection per message: notifications are few and bursty). */
export function createEmailSender(settings: SmtpSettings): EmailSender {
  const transport = nodemailer.createTransport({ url: settings.url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  const domain = /@([^>\s]+)/.exec(settings.from)?.[1] ?? 'countersign.local';
  // The address alone, for a From whose display name is the tenant's product name.
  const sender = /<([^>]+)>/.exec(settings.from)?.[1] ?? settings.from.trim();
  return {
    async send(id, email, timeoutMs) {
      try {
        await transport.sendMail({
          from: email.fromName ? { name: email.fromName, address: sender } : settings.from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          messageId: `<${id}@${domain}>`,
          // RFC 3834: keeps out-of-office replies from answering a machine.
          headers: { 'Auto-Submitted': 'auto-generated' },
          signal: AbortSignal.timeout(timeoutMs),
        });
        return { kind: 'sent' };
      } catch (error) {
        const err = error as NodemailerError;
        const reason = `${err.code ?? err.name}${err.responseCode ? ` ${err.responseCode}` : ''}: ${err.response ?? err.message}`;
        return isPermanent(err) ? { kind: 'dead', error: reason } : { kind: 'retry', error: reason };
      }
    },
    close() {
      transport.close();
    },
  };
}
