import { describe, expect, it, vi } from 'vitest';
import type { Transport } from '../api/transport.ts';
import { credentialsApi } from './credentials-api.ts';

describe('credentialsApi', () => {
  it('calls the credential routes with their methods and bodies', async () => {
    const request = vi.fn(async (_method: string, path: string, _schema: unknown, _body?: unknown) => (path === '/api/credentials' ? { items: [] } : {}));
    const api = credentialsApi({ request, requestText: vi.fn() } as unknown as Transport);
    expect(await api.listCredentials()).toEqual([]);
    await api.createCredential({ name: 'Vendor key', kind: 'header', headerName: 'X-Api-Key', value: 'abc' });
    await api.replaceCredentialValue('a/b', { username: 'u', password: 'p' });
    await api.deleteCredential('a/b');
    await api.rotateCredentialKey();
    expect(request.mock.calls.map(([method, path, , body]) => [method, path, body])).toEqual([
      ['GET', '/api/credentials', undefined],
      ['POST', '/api/credentials', { name: 'Vendor key', kind: 'header', headerName: 'X-Api-Key', value: 'abc' }],
      ['PUT', '/api/credentials/a%2Fb/value', { value: { username: 'u', password: 'p' } }],
      ['DELETE', '/api/credentials/a%2Fb', undefined],
      ['POST', '/api/credentials/rotate', undefined],
    ]);
  });
});
