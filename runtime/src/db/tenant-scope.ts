import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Which tenants' rows the code running now may touch. The database enforces it (row-level security,
 * see tenant-wall.ts): every connection a query takes carries the scope of the code that runs the query.
 *
 * - `tenants`: a request or socket event of a signed-in user: their tenant, plus the tenants a service
 *   deliberately reads across (a partner's clients, a client's partner templates and branding).
 *   An empty list sees nothing: what a request does before it knows its tenant.
 * - `system`: the engine, the approval clock, the notification outbox, sign-in and other lookups that
 *   find the tenant from the data (a webhook path, an API key, a host name), migrations and seeding.
 */
export type TenantScope = { readonly kind: 'system' } | { readonly kind: 'tenants'; readonly tenantIds: readonly string[] };

const SYSTEM: TenantScope = { kind: 'system' };
const storage = new AsyncLocalStorage<TenantScope>();

/**
 * Runs `fn` in `scope`. A query builder is lazy (it runs when awaited, which would be outside the
 * scope): a thenable that is not a promise is started here, inside it.
 */
function runIn<T>(scope: TenantScope, fn: () => T): T {
  return storage.run(scope, () => {
    const result = fn();
    if (typeof result === 'object' && result !== null && !(result instanceof Promise) && typeof (result as { then?: unknown }).then === 'function') {
      return Promise.resolve(result) as T;
    }
    return result;
  });
}

/**
 * The scope of the running code. Code outside any request (engine, timers, start-up, tests) is system
 * work; requests and socket events always run inside {@link withTenants}.
 */
export function currentScope(): TenantScope {
  return storage.getStore() ?? SYSTEM;
}

/** Runs `fn` (and everything it awaits) with access to the given tenants' rows only. */
export function withTenants<T>(tenantIds: readonly string[], fn: () => T): T {
  return runIn({ kind: 'tenants', tenantIds: [...new Set(tenantIds)] }, fn);
}

/**
 * Runs `fn` with the scope widened by `tenantIds` (a partner reading its clients, a client reading its
 * partner's templates). System work stays system work.
 */
export function alsoTenants<T>(tenantIds: readonly string[], fn: () => T): T {
  const scope = currentScope();
  if (scope.kind === 'system') return fn();
  return withTenants([...scope.tenantIds, ...tenantIds], fn);
}

/**
 * Runs `fn` as system work: for lookups that find the tenant from the data before any tenant is known
 * (sign-in, API keys, embed keys, webhook paths, custom domains), and for the engine's own loops,
 * which must not inherit the scope of the request that happened to wake them.
 */
export function asSystem<T>(fn: () => T): T {
  return runIn(SYSTEM, fn);
}

/** The scope as the database setting `countersign.tenants` holds it: `*` for system, else the ids joined by commas. */
export function scopeSetting(scope: TenantScope): string {
  if (scope.kind === 'system') return '*';
  for (const id of scope.tenantIds) {
    if (id === '*' || id.includes(',')) throw new Error(`Not a tenant id: ${JSON.stringify(id)}`);
  }
  return scope.tenantIds.join(',');
}
