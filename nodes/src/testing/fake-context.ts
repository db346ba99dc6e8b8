import {
  CountersignError,
  type CodeSandbox,
  type HttpClient,
  type HttpRequest,
  type HistoricInvoice,
  type HttpResponse,
  type InvoiceHistory,
  type NodeContext,
  type NodeLogger,
} from '@countersign/shared';

/** The fixed clock of every fake context, so node outputs are reproducible in tests. */
export const FAKE_NOW = new Date('2025-01-15T09:30:00.000Z');

/** A logger that keeps what it was given, for asserting on log lines. */
export interface FakeLogger extends NodeLogger {
  entries: { level: 'debug' | 'info' | 'warn' | 'error'; message: string; data?: Record<string, unknown> }[];
}

/** Builds a recording logger. */
export function fakeLogger(): FakeLogger {
  const entries: FakeLogger['entries'] = [];
  const at = (level: FakeLogger['entries'][number]['level']) => (message: string, data?: Record<string, unknown>) => {
    entries.push(data === undefined ? { level, message } : { level, message, data });
  };
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** An HTTP client that records requests and answers from `respond` (by default 200 with `{}`). */
export interface FakeHttp extends HttpClient {
  requests: HttpRequest[];
}

/** Builds a recording HTTP client; `respond` may throw to simulate network failures. */
export function fakeHttp(
  respond: (request: HttpRequest, signal: AbortSignal) => HttpResponse | Promise<HttpResponse> = () => ({
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: '{}',
  }),
): FakeHttp {
  const requests: HttpRequest[] = [];
  return {
    requests,
    request: async (request, signal) => {
      requests.push(request);
      return respond(request, signal);
    },
  };
}

/** A sandbox that records calls and answers from `run` (by default it returns the input unchanged). */
export interface FakeSandbox extends CodeSandbox {
  calls: { source: string; input: unknown }[];
}

/** Builds a recording sandbox; it runs no code, so tests state the result they expect. */
export function fakeSandbox(run: (source: string, input: unknown) => unknown = (_source, input) => input): FakeSandbox {
  const calls: FakeSandbox['calls'] = [];
  return {
    calls,
    runFunction: async (source, input) => {
      calls.push({ source, input });
      return run(source, input);
    },
  };
}

/** An in-memory invoice history that keeps what was recorded, for asserting on it. */
export interface FakeInvoiceHistory extends InvoiceHistory {
  invoices: HistoricInvoice[];
}

/** Builds an in-memory invoice history holding `initial` (recorded by other runs). */
export function fakeInvoiceHistory(initial: HistoricInvoice[] = [], runId = 'run-1'): FakeInvoiceHistory {
  const invoices = [...initial];
  return {
    invoices,
    candidates: async ({ entity, vendorId }) => invoices.filter((i) => i.entity === entity && i.vendorId === vendorId && i.runId !== runId),
    record: async (invoice) => {
      if (!invoices.some((i) => i.runId === runId && i.id === invoice.id)) invoices.push({ ...invoice, runId, recordedAt: FAKE_NOW.toISOString() });
    },
  };
}

/** Context fields a test may replace. */
export type FakeContextOverrides<C> = Partial<Omit<NodeContext<C>, 'config'>>;

/** A NodeContext with fakes and a fixed clock; `config` is taken as already parsed (see runNode). */
export function fakeContext<C>(config: C, overrides: FakeContextOverrides<C> = {}): NodeContext<C> {
  const node = overrides.node ?? { id: 'node-1', label: 'Node 1', type: 'test.node' };
  const run = overrides.run ?? { id: 'run-1', workflowId: 'wf-1', tenantId: 'tenant-1', versionHash: 'hash-1', isTest: true };
  return {
    config,
    node,
    run,
    attempt: 1,
    log: fakeLogger(),
    signal: new AbortController().signal,
    now: FAKE_NOW,
    // Deterministic and attempt-free, like the runtime's: a retry must reuse the key.
    idempotencyKey: (businessKey) => [run.tenantId, run.id, node.id, businessKey].filter((part) => part !== undefined).join(':'),
    http: fakeHttp(),
    secrets: {
      get: async (name) => {
        throw new CountersignError('NOT_FOUND', `Secret "${name}" is not set`);
      },
    },
    sandbox: fakeSandbox(),
    invoices: fakeInvoiceHistory([], run.id),
    inputs: {},
    suspend: ({ reason, until, data }) => ({
      kind: 'suspend',
      reason,
      ...(until === undefined ? {} : { until: typeof until === 'string' ? until : until.toISOString() }),
      ...(data === undefined ? {} : { data }),
    }),
    ...overrides,
  };
}
