import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { isPrivateAddress, publicOnlyLookup } from './address-guard.ts';
import { classifyHttpStatus, type DeliveryOutcome } from './delivery-outcome.ts';
import { signWebhook } from './webhook-signature.ts';

/** Where webhooks go and how they are signed. */
export interface WebhookEndpoint {
  url: string;
  /** `whsec_<base64>` or a raw string. */
  secret: string;
  allowPrivateAddresses?: boolean | undefined;
}

/** One message: `id` is the `webhook-id` (the same on every retry, so receivers can drop repeats). */
export interface WebhookMessage {
  id: string;
  body: string;
}

const ERROR_BODY_CHARS = 200;

/** POSTs one signed Standard Webhooks message; never throws, the outcome says what to do next. */
export async function sendWebhook(endpoint: WebhookEndpoint, message: WebhookMessage, timeoutMs: number, nowMs: number = Date.now()): Promise<DeliveryOutcome> {
  let url: URL;
  try {
    url = new URL(endpoint.url);
  } catch {
    return { kind: 'dead', error: 'The webhook URL is not a valid URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'dead', error: `Webhooks go over http or https, not ${url.protocol}` };
  const allowPrivate = endpoint.allowPrivateAddresses === true;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // An IP literal is connected to without a lookup, so it is checked here; names are checked as they resolve.
  if (!allowPrivate && isIP(host) !== 0 && isPrivateAddress(host)) {
    return { kind: 'dead', error: `Refused to send a webhook to ${host}: a private address (allowPrivateAddresses is off)` };
  }
  const timestamp = Math.floor(nowMs / 1000);
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(message.body)),
    'user-agent': 'Countersign-Webhooks/1.0',
    'webhook-id': message.id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signWebhook(endpoint.secret, message.id, timestamp, message.body),
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  try {
    const response = await new Promise<{ status: number; retryAfter: string | undefined; text: string }>((resolve, reject) => {
      const request = send(url, { method: 'POST', headers, agent: false, signal: AbortSignal.timeout(timeoutMs), ...(allowPrivate ? {} : { lookup: publicOnlyLookup }) }, (res) => {
        readStart(res).then((text) => resolve({ status: res.statusCode ?? 0, retryAfter: single(res.headers['retry-after']), text }), reject);
      });
      request.on('error', reject);
      request.end(message.body);
    });
    const outcome = classifyHttpStatus(response.status, response.retryAfter, Date.now());
    if (outcome.kind === 'sent' || response.text === '') return outcome;
    return { ...outcome, error: `${outcome.error}: ${response.text}` };
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    if (err.code === 'EPRIVATEADDRESS') return { kind: 'dead', error: `Refused to send a webhook: ${err.message} (allowPrivateAddresses is off)` };
    if (err.name === 'AbortError' || err.name === 'TimeoutError') return { kind: 'retry', error: `No answer within ${timeoutMs} ms` };
    return { kind: 'retry', error: `${err.code ?? err.name}: ${err.message}` };
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The start of a response body (for the error column); the rest is not waited for. */
function readStart(res: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    const finish = () => {
      res.destroy();
      resolve(text.replace(/\s+/g, ' ').trim().slice(0, ERROR_BODY_CHARS));
    };
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      text += chunk;
      if (text.length >= ERROR_BODY_CHARS) finish();
    });
    res.on('end', finish);
    res.on('error', finish);
  });
}
