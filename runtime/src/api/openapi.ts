import { z } from 'zod';
import { ErrorResponseSchema } from '@countersign/shared';
import type { Route } from './route.ts';

type JsonSchema = Record<string, unknown>;

/** JSON Schema 2020-12 (OpenAPI 3.1's dialect) of a zod schema, without the `$schema` marker. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}

/** `/api/workflows/:id` -> `/api/workflows/{id}`; `*path` -> `{path}`. */
export function openApiPath(path: string): string {
  return path.replace(/[:*]([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
}

function parameters(schema: z.ZodObject | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input');
  const properties = (object['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = new Set((object['required'] ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(description === undefined ? {} : { description }),
      schema: rest,
    };
  });
}

const json = (schema: JsonSchema): JsonSchema => ({ 'application/json': { schema } });

function operation(route: Route, errorSchema: JsonSchema): JsonSchema {
  const op: JsonSchema = {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    // Either a user's token (or an embed/switch token) as a bearer, or an API key.
    security: route.auth ? [{ bearerAuth: [] }, { apiKey: [] }] : [],
    parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
    responses: {
      [String(route.status)]: { description: 'Success', content: json(jsonSchema(route.response, 'output')) },
      default: { description: 'Error: `{ error: { code, message, issues? } }` with the status of its code', content: json(errorSchema) },
    },
  };
  if (route.body) {
    // The transport reads an absent object body as {} (see register-routes.ts).
    const absent = route.body instanceof z.ZodObject ? {} : undefined;
    op['requestBody'] = { required: !route.body.safeParse(absent).success, content: json(jsonSchema(route.body, 'input')) };
  }
  return op;
}

/** The OpenAPI 3.1 document of a route table, generated from its zod schemas. */
export function buildOpenApiDocument(routes: readonly Route[], info: { title: string; version: string }): Record<string, unknown> {
  const errorSchema = jsonSchema(ErrorResponseSchema, 'output');
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operation(route, errorSchema) };
  }
  return {
    openapi: '3.1.0',
    info: { ...info, description: 'Countersign runtime API. Every error is `{ error: { code, message, issues? } }`.' },
    // Relative to this document (<mount>/api/openapi.json): right wherever a host app mounts the router.
    servers: [{ url: '..', description: 'This runtime, where it is mounted' }],
    paths,
    components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } } },
  };
}
