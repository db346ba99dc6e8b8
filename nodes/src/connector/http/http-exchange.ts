import { CountersignError, type HttpRequest, type HttpResponse } from '@countersign/shared';

/** What the request needs from the node's config. */
export interface OutboundRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
}

const MAX_ERROR_BODY = 2000;

const lowerCaseIs = (wanted: string) => (name: string) => name.toLowerCase() === wanted;

/** The value of a header, whatever the case of its name. */
export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find(lowerCaseIs(name.toLowerCase()));
  return key === undefined ? undefined : headers[key];
}

/**
 * Builds the request. Our Idempotency-Key always replaces the user's: replaying a step safely
 * depends on the receiver seeing the same key on every attempt.
 */
export function buildRequest(outbound: OutboundRequest, idempotencyKey: string): HttpRequest {
  const userHeaders = Object.entries(outbound.headers ?? {}).filter(([name]) => !lowerCaseIs('idempotency-key')(name));
  const headers: Record<string, string> = Object.fromEntries(userHeaders);
  const request: HttpRequest = { method: outbound.method, url: outbound.url, headers, timeoutMs: outbound.timeoutMs };
  if (typeof outbound.body === 'string') request.body = outbound.body;
  else if (outbound.body !== undefined) {
    request.body = JSON.stringify(outbound.body);
    if (headerValue(headers, 'content-type') === undefined) headers['Content-Type'] = 'application/json';
  }
  headers['Idempotency-Key'] = idempotencyKey;
  return request;
}

function isJsonType(contentType: string | undefined): boolean {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/json' || mediaType === 'text/json' || mediaType.endsWith('+json');
}

/** The response body: parsed when the server says it is JSON, else (or if it is not valid JSON) the text. */
export function readBody(response: HttpResponse): unknown {
  if (!isJsonType(headerValue(response.headers, 'content-type'))) return response.body;
  try {
    return JSON.parse(response.body);
  } catch {
    return response.body;
  }
}

/** The URL for messages: without query, fragment and credentials, which often carry tokens. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

/** A non-2xx answer: retried only when the server may answer differently later. */
export function httpStatusError(method: string, url: string, response: HttpResponse, nodeId: string): CountersignError {
  const { status } = response;
  return new CountersignError('HTTP_ERROR', `${method} ${displayUrl(url)} answered ${status}`, {
    nodeId,
    details: { status, body: response.body.slice(0, MAX_ERROR_BODY) },
    retryable: status >= 500 || status === 408 || status === 429,
  });
}

/**
 * An error without the full URL (its query and userinfo often carry tokens) or any credential: a client
 * error that quotes them is rebuilt without its cause, which may quote them too.
 */
export function withoutSecrets(error: CountersignError, url: string, secrets: readonly string[]): CountersignError {
  const replacements: [string, string][] = [...secrets.map((secret): [string, string] => [secret, '[redacted]'])];
  const normalised = URL.canParse(url) ? new URL(url).href : url;
  for (const form of new Set([url, normalised])) replacements.unshift([form, displayUrl(url)]);
  const message = replacements.reduce((text, [from, to]) => text.split(from).join(to), error.message);
  if (message === error.message) return error;
  return new CountersignError(error.code, message, { nodeId: error.nodeId, issues: error.issues, details: error.details, retryable: error.retryable });
}

/** Converts a failure of the HTTP client: aborts are timeouts, anything else an unreachable system. */
export function transportError(thrown: unknown, method: string, url: string, signal: AbortSignal, nodeId: string): CountersignError {
  if (thrown instanceof CountersignError) return thrown;
  // The runtime may abort with its own reason (e.g. CANCELLED); that is the truer story.
  if (signal.aborted && signal.reason instanceof CountersignError) return signal.reason;
  const name = thrown instanceof Error ? thrown.name : '';
  const target = `${method} ${displayUrl(url)}`;
  if (signal.aborted || name === 'AbortError' || name === 'TimeoutError') {
    return new CountersignError('NODE_TIMEOUT', `${target} timed out`, { nodeId, cause: thrown });
  }
  const reason = thrown instanceof Error ? thrown.message : String(thrown);
  return new CountersignError('UNAVAILABLE', `${target} failed: ${reason}`, { nodeId, cause: thrown });
}
