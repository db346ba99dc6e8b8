import type { RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import { can, CountersignError, PERMISSIONS, type Permission, type ValidationIssue } from '@countersign/shared';
import { isApiKeyCredential } from '../api-keys/api-key-secret.ts';
import { createRateLimiter, type RateLimiter } from '../api-keys/rate-limiter.ts';
import { audited, auditEntry, userActor } from '../audit/audit-log.ts';
import type { Auth, AuthUser, Authenticated } from '../auth/auth.ts';
import type { Knex } from 'knex';
import { apiKeyHeader, requestCredential } from './bearer-token.ts';
import { withTenants } from '../db/tenant-scope.ts';
import { jsonBody, rawBodyOf } from './json-body.ts';
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

/** Counts a request against its API key's bucket (before the permission check: refusals cost too). */
async function limitRate(limiter: RateLimiter, apiKey: NonNullable<Authenticated['apiKey']>, tenantId: string, res: Response): Promise<void> {
  const decision = await limiter.take({ id: apiKey.id, tenantId }, apiKey.rateLimitPerMinute);
  res.set({ 'RateLimit-Limit': String(decision.limit), 'RateLimit-Remaining': String(decision.remaining), 'RateLimit-Reset': String(decision.resetSeconds) });
  if (decision.allowed) return;
  res.set('Retry-After', String(decision.retryAfterSeconds));
  throw new CountersignError('RATE_LIMITED', `This API key may make ${decision.limit} requests a minute; retry in ${decision.retryAfterSeconds} s`, {
    details: { limitPerMinute: decision.limit, retryAfterSeconds: decision.retryAfterSeconds },
  });
}

function authenticate(auth: Auth, permission: Permission | undefined, knex: Knex, limiter: RateLimiter): RequestHandler {
  return async (req, res, next) => {
    const credential = requestCredential(req.headers);
    if (credential === undefined) {
      throw new CountersignError('UNAUTHENTICATED', 'Sign in: send Authorization: Bearer <token> (POST /api/auth/login returns one), or an API key as X-Api-Key: csk_...');
    }
    if (apiKeyHeader(req.headers['x-api-key']) !== undefined && !isApiKeyCredential(credential)) {
      throw new CountersignError('UNAUTHENTICATED', 'X-Api-Key takes an API key (csk_...); send a sign-in token as Authorization: Bearer <token>');
    }
    const { user, apiKey } = await auth.authenticate(credential);
    if (apiKey) await limitRate(limiter, apiKey, user.tenantId, res);
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
    // The tenant scope is set here, once for every route: the handler's queries reach the signed-in
    // user's tenant only (row-level security); a route without sign-in reaches no tenant unless it
    // looks one up explicitly as system work.
    const result = await withTenants(user ? [user.tenantId] : [], () =>
      route.handle({ params, query, body, user, raw: { headers: req.headers, body: rawBodyOf(req) } }),
    );
    if (result instanceof RawResponse) {
      res.status(route.status).type(result.contentType).send(result.body);
      return;
    }
    res.status(route.status).json(result);
  };
}

/**
 * Registers every route of the table: authenticate (a bearer token or an API key, whose rate limit
 * applies), parse the JSON body, then the handler.
 */
export function registerRoutes(router: Router, routes: readonly Route[], auth: Auth, knex: Knex): void {
  // The buckets are in the database: a key's limit holds across every API process.
  const limiter = createRateLimiter(knex);
  for (const route of routes) {
    const chain: RequestHandler[] = [];
    if (route.auth) chain.push(authenticate(auth, route.permission, knex, limiter));
    if (route.body) chain.push(jsonBody);
    chain.push(handler(route));
    router[route.method](route.path, ...chain);
  }
}
