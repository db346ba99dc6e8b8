import { z } from 'zod';
import { ApiKeyListSchema, ApiKeySchema, CreateApiKeyRequestSchema, CreatedApiKeySchema } from '@countersign/shared';
import type { ApiServices } from '../api-services.ts';
import { defineRoute, type Route } from '../route.ts';

const IdParams = z.object({ id: z.string().min(1).max(100) });

/** API keys of the tenant for server-to-server calls (admins). */
export function apiKeyRoutes(services: ApiServices): Route[] {
  const { apiKeys } = services;
  return [
    defineRoute({
      operationId: 'listApiKeys',
      method: 'get',
      path: '/api/api-keys',
      auth: true,
      permission: 'apikey.manage',
      tag: 'api-keys',
      summary: "Your tenant's API keys, newest first: names, prefixes, roles and limits, never the keys",
      status: 200,
      response: ApiKeyListSchema,
      handle: async ({ user }) => ({ items: await apiKeys.list(user) }),
    }),
    defineRoute({
      operationId: 'createApiKey',
      method: 'post',
      path: '/api/api-keys',
      auth: true,
      permission: 'apikey.manage',
      tag: 'api-keys',
      summary: 'Create an API key with roles you hold; the key is in this response only (send it as X-Api-Key or a bearer token)',
      body: CreateApiKeyRequestSchema,
      status: 201,
      response: CreatedApiKeySchema,
      handle: ({ user, body }) => apiKeys.create(user, body),
    }),
    defineRoute({
      operationId: 'revokeApiKey',
      method: 'post',
      path: '/api/api-keys/:id/revoke',
      auth: true,
      permission: 'apikey.manage',
      tag: 'api-keys',
      summary: 'Revoke an API key now (revoking again changes nothing)',
      params: IdParams,
      status: 200,
      response: ApiKeySchema,
      handle: ({ user, params }) => apiKeys.revoke(user, params.id),
    }),
  ];
}
