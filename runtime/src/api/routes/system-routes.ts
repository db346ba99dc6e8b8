import { z } from 'zod';
import { HealthResponseSchema, LoginRequestSchema, LoginResponseSchema, NodeTypeListSchema, UserSchema } from '@countersign/shared';
import type { ApiServices } from '../api-services.ts';
import { defineRoute, type Route } from '../route.ts';

/** Health, the API description, sign-in and node types. */
export function systemRoutes(services: ApiServices): Route[] {
  return [
    defineRoute({
      operationId: 'getHealth',
      method: 'get',
      path: '/api/health',
      auth: false,
      tag: 'system',
      summary: 'Liveness and which database the runtime uses',
      status: 200,
      response: HealthResponseSchema,
      handle: () => ({ status: 'ok' as const, database: services.dialect }),
    }),
    defineRoute({
      operationId: 'getOpenApi',
      method: 'get',
      path: '/api/openapi.json',
      auth: false,
      tag: 'system',
      summary: 'This API as an OpenAPI 3.1 document, generated from the route table',
      status: 200,
      response: z.record(z.string(), z.unknown()),
      handle: () => services.openApi(),
    }),
    defineRoute({
      operationId: 'login',
      method: 'post',
      path: '/api/auth/login',
      auth: false,
      tag: 'auth',
      summary: 'Sign in with email and password; returns a bearer token valid for 12 hours',
      body: LoginRequestSchema,
      status: 200,
      response: LoginResponseSchema,
      handle: ({ body }) => services.auth.login(body.email, body.password),
    }),
    defineRoute({
      operationId: 'getCurrentUser',
      method: 'get',
      path: '/api/auth/me',
      auth: true,
      tag: 'auth',
      summary: 'The signed-in user',
      status: 200,
      response: UserSchema,
      handle: ({ user }) => services.auth.describe(user),
    }),
    defineRoute({
      operationId: 'listNodeTypes',
      method: 'get',
      path: '/api/node-types',
      auth: true,
      permission: 'workflow.read',
      tag: 'nodes',
      summary: 'Every node type with its ports and its config as JSON Schema',
      status: 200,
      response: NodeTypeListSchema,
      handle: () => ({ items: services.nodeTypes.list() }),
    }),
  ];
}
