import { createHash } from 'node:crypto';
import {
  CountersignError,
  toCountersignError,
  type HttpClient,
  type InvoiceHistory,
  type NodeContext,
  type NodeLogger,
  type NodeResult,
} from '@countersign/shared';
import type { ExpressionSandbox, ExpressionScope } from '../sandbox/expression-sandbox.ts';
import type { CompiledNode } from './run-graph.ts';

/** Everything one step needs to run. */
export interface StepInvocation {
  compiled: CompiledNode;
  tenantId: string;
  run: { id: string; workflowId: string; versionHash: string; isTest: boolean };
  attempt: number;
  input: unknown;
  inputs: Record<string, unknown>;
  nodeOutputs: ExpressionScope['nodes'];
  now: Date;
  resumed?: { at: string; data?: unknown };
  timeoutMs: number;
  /** Aborted when the run is cancelled or the process stops. */
  signal: AbortSignal;
}

/** Resolves what a node asks `ctx.secrets` for (a credential id or name) within one tenant. */
export interface SecretResolver {
  secret(tenantId: string, ref: string): Promise<string>;
}

/** Services a step may use, provided by the runtime. */
export interface StepServices {
  sandbox: ExpressionSandbox;
  http: HttpClient;
  log: NodeLogger;
  invoices: InvoiceHistory;
  /** The credential store; without one every secret is NOT_FOUND. */
  secrets?: SecretResolver | undefined;
}

function stepSecrets(tenantId: string, nodeId: string, secrets: SecretResolver | undefined): NodeContext<unknown>['secrets'] {
  // Always the run's tenant: a node cannot name another tenant's credential, whatever id it holds.
  if (secrets) return { get: (ref: string) => secrets.secret(tenantId, ref) };
  return { get: (ref: string) => Promise.reject(new CountersignError('NOT_FOUND', `No credential store is configured; secret "${ref}" is unavailable`, { nodeId, retryable: false })) };
}

/** The idempotency key of an external side effect: the same for every attempt and after a restart. */
export function deriveIdempotencyKey(tenantId: string, runId: string, nodeId: string, businessKey = ''): string {
  return createHash('sha256').update(`${tenantId}\u0000${runId}\u0000${nodeId}\u0000${businessKey}`).digest('hex').slice(0, 40);
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number, controller: AbortController, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new CountersignError('NODE_TIMEOUT', `"${label}" did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs one node: resolves its config expressions in the sandbox, parses the config with the node's
 * schema, and calls `execute` under a timeout. Every failure comes back as a CountersignError with the node id.
 */
export async function executeStep(invocation: StepInvocation, services: StepServices): Promise<NodeResult> {
  const { compiled, tenantId, run } = invocation;
  const { node, definition } = compiled;
  try {
    const scope: ExpressionScope = {
      input: invocation.input,
      nodes: invocation.nodeOutputs,
      run: { ...run, attempt: invocation.attempt },
      now: invocation.now.toISOString(),
    };
    const resolved = services.sandbox.resolveConfig(tenantId, node.config, scope, definition.literalFields);
    const parsed = definition.config.safeParse(resolved);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({
        code: 'invalid_config',
        path: ['config', ...issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part))],
        message: issue.message,
        nodeId: node.id,
      }));
      const first = issues[0];
      throw new CountersignError('INVALID_CONFIG', `Config of "${node.label}" is invalid${first ? `: ${first.path.join('.')}: ${first.message}` : ''}`, { nodeId: node.id, issues });
    }
    // Pure nodes share the run's signal; nodes with effects get their own, which their timeout aborts.
    const pure = definition.effect === 'pure';
    const controller = pure ? undefined : new AbortController();
    const onAbort = (): void => controller?.abort();
    if (controller) invocation.signal.addEventListener('abort', onAbort, { once: true });
    const ctx: NodeContext<unknown> = {
      config: parsed.data,
      node: { id: node.id, label: node.label, type: node.type },
      run: { ...run, tenantId },
      attempt: invocation.attempt,
      log: services.log,
      signal: controller?.signal ?? invocation.signal,
      now: invocation.now,
      idempotencyKey: (businessKey?: string) => deriveIdempotencyKey(tenantId, run.id, node.id, businessKey),
      http: services.http,
      secrets: stepSecrets(tenantId, node.id, services.secrets),
      sandbox: { runFunction: (source, input) => services.sandbox.runFunction(tenantId, source, { ...scope, input }) },
      invoices: services.invoices,
      inputs: invocation.inputs,
      suspend: ({ reason, until, data }) => ({
        kind: 'suspend',
        reason,
        ...(until === undefined ? {} : { until: until instanceof Date ? until.toISOString() : until }),
        ...(data === undefined ? {} : { data }),
      }),
      ...(invocation.resumed ? { resumed: invocation.resumed } : {}),
    };
    try {
      const work = Promise.resolve(definition.execute(invocation.input, ctx));
      // Pure nodes are bounded by the sandbox's own limits; a timer per step would only cost time.
      return await (controller ? withTimeout(work, invocation.timeoutMs, controller, node.label) : work);
    } finally {
      if (controller) invocation.signal.removeEventListener('abort', onAbort);
    }
  } catch (thrown) {
    const error = toCountersignError(thrown, node.id);
    if (error.nodeId !== undefined) throw error;
    // Errors raised below the node (sandbox, HTTP client) learn which node they belong to here.
    throw new CountersignError(error.code, error.message, { nodeId: node.id, issues: error.issues, details: error.details, retryable: error.retryable, cause: error });
  }
}
