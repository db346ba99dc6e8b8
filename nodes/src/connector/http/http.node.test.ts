import { CountersignError, nodeCapabilities, type HttpResponse } from '@countersign/shared';
import { describe, expect, it } from 'vitest';
import { fakeHttp } from '../../testing/fake-context.ts';
import { runNode } from '../../testing/run-node.ts';
import { connectorHttpNode } from './http.node.ts';

const json = (status: number, body: unknown): HttpResponse => ({
  status,
  headers: { 'Content-Type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body),
});

const post = { method: 'POST', url: 'https://erp.example.com/api/postings?token=s3cret', body: { amount: 100 } } as const;

async function failure(promise: Promise<unknown>): Promise<CountersignError> {
  const thrown = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(thrown instanceof CountersignError)) throw new Error(`Expected a CountersignError, got ${String(thrown)}`);
  return thrown;
}

describe('connector.http', () => {
  it('sends the same Idempotency-Key on every attempt, replacing one set by the user', async () => {
    const http = fakeHttp(() => json(201, { id: 'P-1' }));
    const config = { ...post, headers: { 'idempotency-key': 'mine', Authorization: 'Bearer x' } };
    await runNode(connectorHttpNode, config, {}, { http, attempt: 1 });
    await runNode(connectorHttpNode, config, {}, { http, attempt: 2 });
    const [first, second] = http.requests;
    expect(first?.headers?.['Idempotency-Key']).toBe('tenant-1:run-1:node-1');
    expect(second?.headers).toEqual(first?.headers);
    expect(first?.headers).toEqual({ Authorization: 'Bearer x', 'Content-Type': 'application/json', 'Idempotency-Key': 'tenant-1:run-1:node-1' });
  });

  it('puts the business key into the Idempotency-Key', async () => {
    const http = fakeHttp();
    await runNode(connectorHttpNode, { ...post, businessKey: 'INV-7' }, {}, { http });
    expect(http.requests[0]?.headers?.['Idempotency-Key']).toBe('tenant-1:run-1:node-1:INV-7');
  });

  it('encodes non-text bodies as JSON, sends text as is and keeps a content type set by the user', async () => {
    const http = fakeHttp();
    await runNode(connectorHttpNode, post, {}, { http });
    await runNode(connectorHttpNode, { ...post, body: '<xml/>', headers: { 'content-type': 'application/xml' } }, {}, { http });
    await runNode(connectorHttpNode, { ...post, headers: { 'CONTENT-TYPE': 'application/vnd.erp+json' } }, {}, { http });
    expect(http.requests.map((request) => request.body)).toEqual(['{"amount":100}', '<xml/>', '{"amount":100}']);
    expect(http.requests[1]?.headers?.['Content-Type']).toBeUndefined();
    expect(http.requests[2]?.headers).not.toHaveProperty('Content-Type');
  });

  it('passes the timeout and the abort signal to the HTTP client', async () => {
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    const http = fakeHttp((_request, signal) => {
      seen = signal;
      return json(200, {});
    });
    await runNode(connectorHttpNode, { method: 'GET', url: 'https://erp.example.com/x', timeoutMs: 5000 }, {}, { http, signal: controller.signal });
    expect(http.requests[0]).toMatchObject({ method: 'GET', timeoutMs: 5000 });
    expect(http.requests[0]?.body).toBeUndefined();
    expect(seen).toBe(controller.signal);
  });

  it('outputs status, headers and the parsed JSON body; text when it is not JSON', async () => {
    const ok = await runNode(connectorHttpNode, post, {}, { http: fakeHttp(() => json(201, { id: 'P-1' })) });
    expect(ok).toEqual({ kind: 'emit', port: 'out', output: { status: 201, headers: json(201, {}).headers, body: { id: 'P-1' } } });
    const broken = { status: 200, headers: { 'content-type': 'application/json' }, body: '{oops' };
    expect(await runNode(connectorHttpNode, post, {}, { http: fakeHttp(() => broken) })).toMatchObject({ output: { body: '{oops' } });
    const text = { status: 200, headers: { 'content-type': 'text/plain' }, body: '{"a":1}' };
    expect(await runNode(connectorHttpNode, post, {}, { http: fakeHttp(() => text) })).toMatchObject({ output: { body: '{"a":1}' } });
  });

  it('fails a 503 with a retryable HTTP_ERROR that hides the query string and truncates the body', async () => {
    const http = fakeHttp(() => ({ status: 503, headers: {}, body: 'x'.repeat(5000) }));
    const error = await failure(runNode(connectorHttpNode, post, {}, { http }));
    expect(error).toMatchObject({ code: 'HTTP_ERROR', retryable: true, nodeId: 'node-1' });
    expect(error.message).toBe('POST https://erp.example.com/api/postings answered 503');
    expect(error.details).toEqual({ status: 503, body: 'x'.repeat(2000) });
  });

  it('fails a 404 without retry, but retries 408 and 429', async () => {
    const statusError = (status: number) => failure(runNode(connectorHttpNode, post, {}, { http: fakeHttp(() => json(status, {})) }));
    expect(await statusError(404)).toMatchObject({ code: 'HTTP_ERROR', retryable: false, details: { status: 404, body: '{}' } });
    expect((await statusError(408)).retryable).toBe(true);
    expect((await statusError(429)).retryable).toBe(true);
  });

  it('emits non-2xx answers when failOnHttpError is off', async () => {
    const result = await runNode(connectorHttpNode, { ...post, failOnHttpError: false }, {}, { http: fakeHttp(() => json(404, { error: 'no such vendor' })) });
    expect(result).toMatchObject({ port: 'out', output: { status: 404, body: { error: 'no such vendor' } } });
  });

  it('turns network failures into retryable UNAVAILABLE and aborts into NODE_TIMEOUT', async () => {
    const refused = fakeHttp(() => {
      throw new TypeError('fetch failed');
    });
    expect(await failure(runNode(connectorHttpNode, post, {}, { http: refused }))).toMatchObject({ code: 'UNAVAILABLE', retryable: true });
    const timedOut = fakeHttp(() => {
      throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    });
    expect(await failure(runNode(connectorHttpNode, post, {}, { http: timedOut }))).toMatchObject({ code: 'NODE_TIMEOUT', retryable: true });
    const controller = new AbortController();
    controller.abort();
    const aborted = fakeHttp(() => {
      throw new Error('aborted');
    });
    expect(await failure(runNode(connectorHttpNode, post, {}, { http: aborted, signal: controller.signal }))).toMatchObject({ code: 'NODE_TIMEOUT' });
  });

  it('keeps a CountersignError from the client or the abort reason as it is', async () => {
    const blocked = new CountersignError('FORBIDDEN', 'Destination not allowed');
    const http = fakeHttp(() => {
      throw blocked;
    });
    expect(await failure(runNode(connectorHttpNode, post, {}, { http }))).toBe(blocked);
    const controller = new AbortController();
    const cancelled = new CountersignError('CANCELLED', 'Run cancelled');
    controller.abort(cancelled);
    const aborted = fakeHttp(() => {
      throw new Error('aborted');
    });
    expect(await failure(runNode(connectorHttpNode, post, {}, { http: aborted, signal: controller.signal }))).toBe(cancelled);
  });

  it('refuses non-http URLs, a GET with a body and header injection', () => {
    const valid = (config: unknown) => connectorHttpNode.config.safeParse(config).success;
    expect(valid({ method: 'GET', url: 'file:///etc/passwd' })).toBe(false);
    expect(valid({ method: 'GET', url: 'https://a.example', body: {} })).toBe(false);
    expect(valid({ method: 'GET', url: 'https://a.example', headers: { 'X-A': 'a\r\nX-B: b' } })).toBe(false);
    expect(valid({ method: 'GET', url: 'https://a.example', headers: { 'Bad Name': 'a' } })).toBe(false);
    expect(connectorHttpNode.config.parse({ method: 'DELETE', url: 'http://a.example/x' })).toEqual({
      method: 'DELETE',
      url: 'http://a.example/x',
      timeoutMs: 30_000,
      failOnHttpError: true,
    });
  });

  it('declares what it does from its purpose, by default read for GET and post otherwise', () => {
    const capabilities = (config: Record<string, unknown>) => nodeCapabilities(connectorHttpNode, config);
    expect(capabilities({ method: 'GET', url: 'https://a.example' })).toEqual([]);
    expect(capabilities({ method: 'POST', url: 'https://a.example' })).toEqual(['posts']);
    expect(capabilities({ method: 'POST', purpose: 'notify' })).toEqual([]);
    expect(capabilities({ method: 'GET', purpose: 'pay' })).toEqual(['pays']);
    expect(capabilities({ method: '{{ $vars.method }}' })).toEqual(['posts']);
    expect(connectorHttpNode.config.safeParse({ method: 'POST', url: 'https://a.example', purpose: 'pay' }).success).toBe(true);
    expect(connectorHttpNode.config.safeParse({ method: 'POST', url: 'https://a.example', purpose: 'refund' }).success).toBe(false);
    expect(connectorHttpNode.secretFields).toEqual(['headers']);
  });
});
