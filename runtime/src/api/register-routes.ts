import type { RequestHandler, Router } from 'express';
import { z } from 'zod';
import { can, CountersignError, PERMISSIONS, type Permission, type ValidationIssue } from '@countersign/shared';
import { audited, auditEntry, userActor } from '../audit/audit-log.ts';
import type { Auth, AuthUser } from '../auth/auth.ts';
import type { Knex } from 'knex';
import { bearerToken } from './bearer-token.ts';
import { jsonBody } from './json-body.ts';
import { RawResponse, type Route } from './route.ts';

/** Parses one part of a request; failures are 400 with issues naming the part and field (`body.name`). */
function parsePart(schema: z.ZodType, value: unknown, part: 'params' | 'query' | 'body'): unknown {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues: ValidationIssue[] = result.error.issues.map((issue) => ({
    code: issue.code,
    path: [part, ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))],
    message: issue.message,
  }));
  const first = issues[0];
  const where = first ? first.path.join('.') : part;
  throw new CountersignError('BAD_REQUEST', `Invalid request: ${where}: ${first?.message ?? 'invalid'}`, { issues });
}

/** Express gives a `*path` wildcard as its segments; the table sees it as the text of the path. */
function flattenParams(params: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, Array.isArray(value) ? value.join('/') : value]));
}

/** `?workflowId=&status=` means "not given", not "empty". */
function withoutEmpty(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
}

function authenticate(auth: Auth, permission: Permission | undefined, knex: Knex): RequestHandler {
  return async (req, res, next) => {
    const token = bearerToken(req.headers.authorization);
    if (token === undefined) throw new CountersignError('UNAUTHENTICATED', 'Sign in: send Authorization: Bearer <token> (POST /api/auth/login returns one)');
    const user = await auth.verify(token);
    if (permission !== undefined && !can(user.roles, permission)) {
      const allowed = PERMISSIONS[permission].join(', ');
      // A refused attempt is an audit event of the user's tenant.
      await audited(knex, user.tenantId, async (_trx, record) =>
        record(auditEntry({ actor: userActor(user.id), action: 'access.refused', target: { type: 'route', id: `${req.method} ${req.route?.path ?? req.path}` }, reason: `needs ${permission}` })),
      );
      throw new CountersignError('FORBIDDEN', `Your role (${user.roles.join(', ') || 'none'}) does not allow ${permission}; it needs one of: ${allowed}`, {
        details: { permission, roles: user.roles },
      });
    }
    res.locals['user'] = user;
    res.locals['userId'] = user.id;
    next();
  };
}

function handler(route: Route): RequestHandler {
  return async (req, res) => {
    const user = route.auth ? (res.locals['user'] as AuthUser) : undefined;
    const params = route.params ? parsePart(route.params, flattenParams(req.params), 'params') : {};
    const query = route.query ? parsePart(route.query, withoutEmpty(req.query), 'query') : {};
    // An absent body reads as {} for object bodies, so the issues name the missing fields.
    const rawBody: unknown = req.body === undefined && route.body instanceof z.ZodObject ? {} : req.body;
    const body = route.body ? parsePart(route.body, rawBody, 'body') : undefined;
    const result = await route.handle({ params, query, body, user });
    if (result instanceof RawResponse) {
      res.status(route.status).type(result.contentType).send(result.body);
      return;
    }
    res.status(route.status).json(result);
  };
}

/** Registers every route of the table: authenticate (when required), parse the JSON body, then the handler. */
export function registerRoutes(router: Router, routes: readonly Route[], auth: Auth, knex: Knex): void {
  for (const route of routes) {
    const chain: RequestHandler[] = [];
    if (route.auth) chain.push(authenticate(auth, route.permission, knex));
    if (route.body) chain.push(jsonBody);
    chain.push(handler(route));
    router[route.method](route.path, ...chain);
  }
}
