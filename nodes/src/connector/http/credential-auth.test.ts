import { CountersignError, type HttpResponse } from '@countersign/shared';
import { describe, expect, it } from 'vitest';
import { fakeHttp } from '../../testing/fake-context.ts';
import { runNode } from '../../testing/run-node.ts';
import { connectorHttpNode } from './http.node.ts';

const TOKEN = 'tok-9f8e7d6c5b4a';
const PASSWORD = 'pa55-w0rd-zz';
const BASIC = btoa(`erp-user:${PASSWORD}`);

/** Secrets as the runtime answers them: `header:<id>` is the header line the credential is sent in. */
const secrets = {
  get: async (ref: string): Promise<string> => {
    if (ref === 'header:token-1') return `Authorization: Bearer ${TOKEN}`;
    if (ref === 'header:basic-1') return `Authorization: Basic ${BASIC}`;
    if (ref === 'header:apikey-1') return `X-Api-Key: ${TOKEN}`;
    throw new CountersignError('NOT_FOUND', `No credential "${ref.replace('header:', '')}" exists in this tenant`);
  },
};

const echo = (status = 200) =>
  fakeHttp((request): HttpResponse => ({ status, headers: { 'content-type': 'application/json', 'x-echo': JSON.stringify(request.headers) }, body: JSON.stringify({ seen: request.headers }) }));

const post = { method: 'POST', url: 'https://erp.example.com/api/postings', body: { amount: 100 } } as const;

describe('connector.http with a credential', () => {
  it('sends a token as Authorization: Bearer, replacing an Authorization header set by the user', async () => {
    const http = echo();
    await runNode(connectorHttpNode, { ...post, credentialId: 'token-1', headers: { authorization: 'Bearer old' } }, {}, { http, secrets });
    expect(http.requests[0]?.headers).toEqual({ 'Content-Type': 'application/json', 'Idempotency-Key': 'tenant-1:run-1:node-1', Authorization: `Bearer ${TOKEN}` });
  });

  it('sends basic auth and header credentials in their own form', async () => {
    const http = echo();
    await runNode(connectorHttpNode, { ...post, credentialId: 'basic-1' }, {}, { http, secrets });
    await runNode(connectorHttpNode, { ...post, credentialId: 'apikey-1' }, {}, { http, secrets });
    expect(http.requests[0]?.headers?.['Authorization']).toBe(`Basic ${BASIC}`);
    expect(http.requests[1]?.headers?.['X-Api-Key']).toBe(TOKEN);
    expect(http.requests[1]?.headers).not.toHaveProperty('Authorization');
  });

  it('keeps the credential out of its output even when the server echoes it, and out of its errors', async () => {
    for (const credentialId of ['token-1', 'basic-1']) {
      const ok = await runNode(connectorHttpNode, { ...post, credentialId }, {}, { http: echo(), secrets });
      const text = JSON.stringify(ok);
      for (const secret of [TOKEN, BASIC, PASSWORD]) expect(text).not.toContain(secret);
      expect(text).toContain('[redacted]');
      const failed = await runNode(connectorHttpNode, { ...post, credentialId }, {}, { http: echo(500), secrets }).catch((error: unknown) => error);
      expect(failed).toMatchObject({ code: 'HTTP_ERROR' });
      for (const secret of [TOKEN, BASIC, PASSWORD]) expect(JSON.stringify((failed as CountersignError).details)).not.toContain(secret);
    }
  });

  it('does not quote the URL with its userinfo or query, nor the credential, from a client error', async () => {
    const url = 'https://user:hunter22@erp.example.com/api/postings?token=s3cret';
    const http = fakeHttp((request) => {
      throw new CountersignError('UNAVAILABLE', `${request.method} ${request.url} failed: refused (${request.headers?.['Authorization'] ?? ''})`, { cause: new Error(request.url) });
    });
    const error = await runNode(connectorHttpNode, { ...post, url, credentialId: 'token-1' }, {}, { http, secrets }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(CountersignError);
    const failure = error as CountersignError;
    expect(failure.message).toBe('POST https://erp.example.com/api/postings failed: refused ([redacted])');
    expect(failure).toMatchObject({ code: 'UNAVAILABLE', retryable: true });
    expect(failure.cause).toBeUndefined();
  });

  it('fails without calling out when the credential does not exist', async () => {
    const http = echo();
    await expect(runNode(connectorHttpNode, { ...post, credentialId: 'nope' }, {}, { http, secrets })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(http.requests).toHaveLength(0);
  });

  it('takes the credential literally: run input cannot choose it', () => {
    expect(connectorHttpNode.literalFields).toEqual(['purpose', 'credentialId']);
  });
});
