import type { IncomingHttpHeaders } from 'node:http';
import type { z } from 'zod';
import type { Permission } from '@countersign/shared';
import type { AuthUser } from '../auth/auth.ts';

/** HTTP methods the route table uses. */
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

type NoParams = z.ZodObject<Record<never, never>>;

/** What a handler receives: parsed params, query and body, and the signed-in user on `auth` routes. */
export interface RouteInput<P, Q, B, A extends boolean> {
  params: P;
  query: Q;
  body: B;
  user: A extends true ? AuthUser : undefined;
  /** The request as received: headers and body bytes (webhook signature checks). */
  raw: { headers: IncomingHttpHeaders; body: Buffer };
}

/** One row of the route table: transport metadata, zod schemas and a handler that calls a service. */
export interface RouteDefinition<P extends z.ZodObject, Q extends z.ZodObject, B extends z.ZodType, R extends z.ZodType, A extends boolean> {
  operationId: string;
  method: HttpMethod;
  /** Express path syntax: `/api/workflows/:id`, `/hooks/:workflowId/*path`. */
  path: string;
  /** Whether a bearer token is required (401 otherwise). */
  auth: A;
  /** What the signed-in user must be allowed to do (403 otherwise); required on authenticated routes. */
  permission?: Permission;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  /** JSON body schema; routes with a body require a JSON content type (415 otherwise). */
  body?: B;
  status: 200 | 201 | 202;
  response: R;
  handle(input: RouteInput<z.output<P>, z.output<Q>, z.output<B>, A>): Promise<z.output<R>> | z.output<R>;
}

/** A response that is not JSON (e.g. a printable HTML view); the route's schema describes its JSON form. */
export class RawResponse {
  constructor(
    readonly contentType: string,
    readonly body: string,
  ) {}
}

/** A route with its types erased, as held by the table. */
export interface Route {
  operationId: string;
  method: HttpMethod;
  path: string;
  auth: boolean;
  permission?: Permission;
  summary: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  status: 200 | 201 | 202;
  response: z.ZodType;
  handle(input: RouteInput<unknown, unknown, unknown, boolean>): unknown;
}

/** Declares a route; the handler's input and result types flow from its schemas. */
export function defineRoute<
  R extends z.ZodType,
  A extends boolean,
  P extends z.ZodObject = NoParams,
  Q extends z.ZodObject = NoParams,
  B extends z.ZodType = z.ZodUndefined,
>(route: RouteDefinition<P, Q, B, R, A>): Route {
  return route as unknown as Route;
}
