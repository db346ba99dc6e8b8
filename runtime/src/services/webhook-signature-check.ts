import type { IncomingHttpHeaders } from 'node:http';
import { CountersignError } from '@countersign/shared';
import type { CredentialStore } from '../credentials/index.ts';
import { verifyWebhookSignature, WEBHOOK_TOLERANCE_SECONDS } from '../notifications/index.ts';

const refuse = (message: string): CountersignError => new CountersignError('UNAUTHENTICATED', message);

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/**
 * Checks a call to a signed webhook trigger (Standard Webhooks 1.0) against the `webhook_secret`
 * credential the trigger names, by id or name, in the workflow's tenant. Returns the verified
 * webhook-id; refuses (401) a missing or malformed header, a timestamp more than 300 s from now, a
 * signature that matches none of the given ones, and a secret that does not exist. Fails closed.
 */
export async function checkWebhookSignature(
  credentials: CredentialStore,
  call: { tenantId: string; secretRef: string; headers: IncomingHttpHeaders; rawBody: Buffer },
  nowMs: number = Date.now(),
): Promise<string> {
  const id = single(call.headers['webhook-id']);
  const timestamp = single(call.headers['webhook-timestamp']);
  if (!id || !timestamp || !single(call.headers['webhook-signature'])) {
    throw refuse('This webhook requires a signed request (Standard Webhooks): send webhook-id, webhook-timestamp and webhook-signature headers');
  }
  if (id.length > 256) throw refuse('webhook-id is longer than 256 characters');
  if (!/^\d{1,15}$/.test(timestamp)) throw refuse('webhook-timestamp must be the send time in seconds since the Unix epoch');
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > WEBHOOK_TOLERANCE_SECONDS) {
    throw refuse(`webhook-timestamp is more than ${WEBHOOK_TOLERANCE_SECONDS} s from now: the request is stale (or a replay) or the sender's clock is wrong`);
  }
  const secret = await credentials.use(call.tenantId, call.secretRef).catch((error: unknown) => {
    if (error instanceof CountersignError && error.code === 'NOT_FOUND') return undefined;
    throw error;
  });
  // Refused without naming the credential: the caller is not signed in.
  if (secret === undefined || secret.credential.kind !== 'webhook_secret' || typeof secret.value !== 'string') {
    throw refuse('The signing secret of this webhook trigger is not set up (it must name a webhook_secret credential); ask the workflow owner');
  }
  if (!verifyWebhookSignature(secret.value, call.headers, call.rawBody, nowMs)) throw refuse('The webhook signature does not match the body and the signing secret');
  return id;
}
