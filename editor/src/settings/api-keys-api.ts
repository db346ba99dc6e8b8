import { ApiKeyListSchema, ApiKeySchema, CreatedApiKeySchema, type CreateApiKeyRequest } from '@countersign/shared';
import type { Transport } from '../api/transport.ts';

/** The tenant's API keys for server-to-server calls (admins, `apikey.manage`). */
export function apiKeysApi({ request }: Transport) {
  return {
    /** The keys, newest first, revoked ones included: names and prefixes, never the keys. */
    listApiKeys: async () => (await request('GET', '/api/api-keys', ApiKeyListSchema)).items,
    /** A new key; `key` is in this answer only (the runtime stores its hash). 403 for a role the admin lacks. */
    createApiKey: (body: CreateApiKeyRequest) => request('POST', '/api/api-keys', CreatedApiKeySchema, body),
    /** Revokes a key now and returns it; revoking a revoked key changes nothing. */
    revokeApiKey: (id: string) => request('POST', `/api/api-keys/${encodeURIComponent(id)}/revoke`, ApiKeySchema),
  };
}

/** What the API keys page needs of the client. */
export type ApiKeysApi = ReturnType<typeof apiKeysApi>;
