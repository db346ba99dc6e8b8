import { z } from 'zod';
import { CreatedEmbedKeySchema, CreateEmbedKeyRequestSchema, EmbedKeyListSchema, EmbedKeySchema } from '@countersign/shared';
import type { ApiServices } from '../api-services.ts';
import { defineRoute, type Route } from '../route.ts';

const IdParams = z.object({ id: z.string().min(1).max(100) });

/** Embed signing keys of the tenant (admins): a partner's server signs embed tokens for its users with one. */
export function embedRoutes(services: ApiServices): Route[] {
  const { embedKeys } = services;
  const common = { auth: true as const, permission: 'embed.manage' as const, tag: 'embedding' };
  return [
    defineRoute({
      ...common,
      operationId: 'listEmbedKeys',
      method: 'get',
      path: '/api/embed/keys',
      summary: "Your tenant's embed keys, newest first, never their secrets",
      status: 200,
      response: EmbedKeyListSchema,
      handle: async ({ user }) => ({ items: await embedKeys.list(user) }),
    }),
    defineRoute({
      ...common,
      operationId: 'createEmbedKey',
      method: 'post',
      path: '/api/embed/keys',
      summary: 'Create an embed key; its HS256 secret is in this response only. Sign embed tokens with it: header kid = id, iss = tenant id, sub, name, roles, exp within 15 minutes',
      body: CreateEmbedKeyRequestSchema,
      status: 201,
      response: CreatedEmbedKeySchema,
      handle: ({ user, body }) => embedKeys.create(user, body),
    }),
    defineRoute({
      ...common,
      operationId: 'revokeEmbedKey',
      method: 'post',
      path: '/api/embed/keys/:id/revoke',
      summary: 'Revoke an embed key now: tokens it signed are refused from the next request',
      params: IdParams,
      status: 200,
      response: EmbedKeySchema,
      handle: ({ user, params }) => embedKeys.revoke(user, params.id),
    }),
  ];
}
