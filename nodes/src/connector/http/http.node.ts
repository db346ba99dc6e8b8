import { defineNode, emit, type NodeCapability } from '@countersign/shared';
import { z } from 'zod';
import { credentialHeader, scrubResponse, secretStrings, withCredential } from './credential-auth.ts';
import { buildRequest, httpStatusError, readBody, transportError, withoutSecrets } from './http-exchange.ts';

// RFC 9110 token characters; anything else makes the HTTP client throw before sending.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** What an HTTP call does to the world, as the control lint sees it. */
export const HTTP_PURPOSES = ['read', 'notify', 'post', 'pay'] as const;

/** Posts or pays per the declared purpose; without one a GET (or HEAD) reads and anything else posts. */
function httpCapabilities(config: Record<string, unknown>): NodeCapability[] {
  const { purpose, method } = config;
  if (purpose === 'pay') return ['pays'];
  if (purpose === 'post') return ['posts'];
  if (purpose === 'read' || purpose === 'notify') return [];
  return method === 'GET' || method === 'HEAD' ? [] : ['posts'];
}

const config = z
  .strictObject({
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).meta({ title: 'Method' }),
    url: z.url({ protocol: /^https?$/ }).meta({ title: 'URL', description: 'An http or https address, e.g. https://erp.example.com/api/invoices.' }),
    headers: z
      .record(z.string().regex(HEADER_NAME, 'Not a valid header name'), z.string().regex(/^[^\r\n\0]*$/, 'Header values cannot contain line breaks'))
      .optional()
      .meta({ title: 'Headers', description: 'Extra request headers. Idempotency-Key is always set by the runtime.' }),
    body: z
      .unknown()
      .optional()
      .meta({ title: 'Body', description: 'Text is sent as is; anything else is sent as JSON (Content-Type application/json unless you set one).' }),
    timeoutMs: z.number().int().min(1).max(300_000).default(30_000).meta({ title: 'Timeout (ms)', description: 'Give up after this long.' }),
    businessKey: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .meta({
        title: 'Business key',
        description: 'Distinguishes several calls of this node in one run (e.g. {{ $input.invoiceId }}); part of the Idempotency-Key.',
      }),
    purpose: z
      .enum(HTTP_PURPOSES)
      .optional()
      .meta({
        title: 'Purpose',
        description: 'What the call does: read, notify, post (e.g. to the ledger) or pay. Posting and paying need an approval first. Default: read for GET, post otherwise.',
      }),
    credentialId: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .meta({
        title: 'Credential',
        description:
          'A credential of your tenant, sent with the request: an API token as Authorization: Bearer, basic auth as Authorization: Basic, a header credential in its own header. Its value never appears in run data or logs.',
      }),
    failOnHttpError: z
      .boolean()
      .default(true)
      .meta({ title: 'Fail on HTTP error', description: 'Treat a non-2xx answer as a failure (retried when it may be temporary).' }),
  })
  .refine((value) => value.method !== 'GET' || value.body === undefined, { path: ['body'], message: 'A GET request cannot have a body' });

/** Calls an HTTP API with an idempotency key that stays the same across retries and restarts. */
export const connectorHttpNode = defineNode({
  type: 'connector.http',
  version: 1,
  category: 'connector',
  title: 'HTTP request',
  description: 'Calls an API (ERP, bank, ticketing) and outputs its status, headers and body; safe to retry.',
  config,
  ports: { in: ['in'], out: ['out'] },
  effect: 'external',
  capabilities: httpCapabilities,
  // Credentials belong in headers (e.g. Authorization), which are redacted from logs and run data.
  secretFields: ['headers'],
  // The purpose decides which controls apply, so it is fixed when the version is reviewed; so is the
  // credential, which run input must never choose.
  literalFields: ['purpose', 'credentialId'],
  credentialFields: ['credentialId'],
  execute: async (_input, ctx) => {
    const { method, url, failOnHttpError, businessKey, credentialId } = ctx.config;
    const credential = credentialId === undefined ? undefined : await credentialHeader(ctx.secrets, credentialId, ctx.node.id);
    const secrets = secretStrings(credential);
    const built = buildRequest(ctx.config, ctx.idempotencyKey(businessKey));
    const request = credential === undefined ? built : withCredential(built, credential);
    const received = await ctx.http.request(request, ctx.signal).catch((thrown: unknown) => {
      throw withoutSecrets(transportError(thrown, method, url, ctx.signal, ctx.node.id), url, secrets);
    });
    // Nothing the node outputs (run data, events, errors) may hold the credential, even if the server echoes it.
    const response = scrubResponse(received, secrets);
    const ok = response.status >= 200 && response.status < 300;
    if (!ok && failOnHttpError) throw httpStatusError(method, url, response, ctx.node.id);
    return emit('out', { status: response.status, headers: response.headers, body: readBody(response) });
  },
});
