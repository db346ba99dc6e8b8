import type { NodeSuspension } from './define-node.ts';
import type { InvoiceHistory } from './invoice-history.ts';

/** Structured logging for a node; the runtime adds run and step ids. */
export interface NodeLogger {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

/** An outbound HTTP request made by a connector. */
export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
}

/** The response to an {@link HttpRequest}. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Outbound HTTP, provided by the runtime (which may restrict destinations). */
export interface HttpClient {
  request(request: HttpRequest, signal: AbortSignal): Promise<HttpResponse>;
}

/** Runs user-written code in the sandbox (isolated-vm): no host access, limited time and memory. */
export interface CodeSandbox {
  /** Runs `source`, the body of `function ($input, $run, $now)`, and returns its (awaited) result. */
  runFunction(source: string, input: unknown): Promise<unknown>;
}

/** What a node's `execute` may use: small on purpose; tests pass a fake. */
export interface NodeContext<C> {
  /** The node's config, expressions resolved and parsed by its schema. */
  config: C;
  node: { id: string; label: string; type: string };
  run: { id: string; workflowId: string; tenantId: string; versionHash: string; isTest: boolean };
  /** 1 for the first attempt. */
  attempt: number;
  log: NodeLogger;
  /** Aborted on timeout or cancellation. */
  signal: AbortSignal;
  /** The injected clock: the same value for every expression of this step. */
  now: Date;
  /** A key derived from (tenant, run, node, businessKey): the same on every attempt and after a restart. */
  idempotencyKey(businessKey?: string): string;
  http: HttpClient;
  secrets: { get(name: string): Promise<string> };
  sandbox: CodeSandbox;
  /** The tenant's invoice history (duplicate checks). */
  invoices: InvoiceHistory;
  /** Outputs of the inbound branches that fired, by source node label (joins read these). */
  inputs: Record<string, unknown>;
  /** Present when a suspended step is resumed (timer reached or signal received). */
  resumed?: { at: string; data?: unknown };
  /** Suspends the run at this node (returned from `execute`). */
  suspend(options: { reason: string; until?: Date | string; data?: unknown }): NodeSuspension;
}
