import type { ExpressionSandbox, ExpressionScope, SandboxLimits } from './expression-sandbox.ts';
import { BoundedCache } from './bounded-cache.ts';
import { resolveTemplates } from './resolve-templates.ts';
import { TenantIsolate } from './tenant-isolate.ts';

/** Limits used where the caller gives none. */
export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = { expressionTimeoutMs: 100, codeTimeoutMs: 1000, memoryLimitMb: 32 };

/** Options of {@link createIvmSandbox}. */
export interface IvmSandboxOptions {
  /** Tenants whose isolate is kept warm; the least recently used one is disposed beyond this. Default 16. */
  maxIsolates?: number;
}

const DEFAULT_MAX_ISOLATES = 16;

/**
 * The isolated-vm implementation of {@link ExpressionSandbox}: one isolate per tenant (pooled, LRU),
 * scope installed once per step, each expression a call to a function compiled once per source.
 * An isolate killed by its memory limit is replaced on the tenant's next call.
 */
export function createIvmSandbox(limits: Partial<SandboxLimits> = {}, options: IvmSandboxOptions = {}): ExpressionSandbox {
  const effective: SandboxLimits = { ...DEFAULT_SANDBOX_LIMITS, ...limits };
  const pool = new BoundedCache<string, TenantIsolate>(options.maxIsolates ?? DEFAULT_MAX_ISOLATES, (tenant) => tenant.retire());

  function acquire(tenantId: string): TenantIsolate {
    const existing = pool.get(tenantId);
    if (existing?.usable) return existing;
    existing?.retire();
    const fresh = new TenantIsolate(effective);
    pool.set(tenantId, fresh);
    return fresh;
  }

  return {
    resolveConfig(tenantId, config, scope, literalFields = []) {
      const tenant = acquire(tenantId);
      let installed = false;
      return resolveTemplates(config, literalFields, (source) => {
        // Installed at the first expression: a config without templates never touches the isolate.
        if (!installed) {
          tenant.setScope(scopeJson(scope));
          installed = true;
        }
        return tenant.evaluate(source);
      });
    },

    evaluate(tenantId, source, scope) {
      const tenant = acquire(tenantId);
      tenant.setScope(scopeJson(scope));
      return tenant.evaluate(source);
    },

    runFunction(tenantId, source, scope) {
      return acquire(tenantId).runCode(source, scopeJson(scope));
    },

    dispose() {
      for (const tenant of pool.values()) tenant.disposeNow();
      pool.clear();
    },
  };
}

/** The scope as the JSON text copied into the isolate (only what the interface declares). */
function scopeJson(scope: ExpressionScope): string {
  return JSON.stringify({ input: scope.input, nodes: scope.nodes, run: scope.run, now: scope.now });
}
