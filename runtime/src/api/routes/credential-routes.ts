import { z } from 'zod';
import { CreateCredentialRequestSchema, CredentialListSchema, CredentialRotationSchema, CredentialSchema, UpdateCredentialValueRequestSchema } from '@countersign/shared';
import type { ApiServices } from '../api-services.ts';
import { defineRoute, type Route } from '../route.ts';

const IdParams = z.object({ id: z.string().min(1).max(100) });

/** Credentials of connectors and webhook triggers: metadata can be read, values only written. */
export function credentialRoutes(services: ApiServices): Route[] {
  const { credentials } = services;
  const common = { auth: true as const, tag: 'credentials' };
  return [
    defineRoute({
      ...common,
      operationId: 'listCredentials',
      method: 'get',
      path: '/api/credentials',
      permission: 'credential.read',
      summary: 'Credentials of your tenant (name, kind, key id, last use), never their values',
      status: 200,
      response: CredentialListSchema,
      handle: async ({ user }) => ({ items: await credentials.list(user) }),
    }),
    defineRoute({
      ...common,
      operationId: 'getCredential',
      method: 'get',
      path: '/api/credentials/:id',
      permission: 'credential.read',
      summary: 'One credential of your tenant, without its value',
      params: IdParams,
      status: 200,
      response: CredentialSchema,
      handle: ({ user, params }) => credentials.get(user, params.id),
    }),
    defineRoute({
      ...common,
      operationId: 'createCredential',
      method: 'post',
      path: '/api/credentials',
      permission: 'credential.manage',
      summary: 'Store a credential, encrypted at rest; 409 when the name is taken. The value is never returned',
      body: CreateCredentialRequestSchema,
      status: 201,
      response: CredentialSchema,
      handle: ({ user, body }) => credentials.create(user, body),
    }),
    defineRoute({
      ...common,
      operationId: 'replaceCredentialValue',
      method: 'put',
      path: '/api/credentials/:id/value',
      permission: 'credential.manage',
      summary: 'Replace the value of a credential (e.g. a renewed token)',
      params: IdParams,
      body: UpdateCredentialValueRequestSchema,
      status: 200,
      response: CredentialSchema,
      handle: ({ user, params, body }) => credentials.replaceValue(user, params.id, body.value),
    }),
    defineRoute({
      ...common,
      operationId: 'deleteCredential',
      method: 'delete',
      path: '/api/credentials/:id',
      permission: 'credential.manage',
      summary: 'Delete a credential; steps that still use it fail until it is replaced. Returns what was deleted',
      params: IdParams,
      status: 200,
      response: CredentialSchema,
      handle: ({ user, params }) => credentials.remove(user, params.id),
    }),
    defineRoute({
      ...common,
      operationId: 'rotateCredentials',
      method: 'post',
      path: '/api/credentials/rotate',
      permission: 'credential.manage',
      summary: 'Re-seal every credential of your tenant under the current key (the first of COUNTERSIGN_CREDENTIAL_KEYS)',
      status: 200,
      response: CredentialRotationSchema,
      handle: ({ user }) => credentials.rotate(user),
    }),
  ];
}
