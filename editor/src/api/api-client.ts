import {
  DelegationListSchema,
  DelegationSchema,
  LoginResponseSchema,
  NodeTypeListSchema,
  RunEventSchema,
  RunListSchema,
  RunSchema,
  RunStartedSchema,
  TaskDetailSchema,
  TaskListSchema,
  TaskSchema,
  UserListSchema,
  UserSchema,
  VersionCreatedSchema,
  VersionListSchema,
  VersionSchema,
  WorkflowListSchema,
  WorkflowSchema,
  type CreateDelegationRequest,
  type DecisionRequest,
  type GraphInput,
  type RunEvent,
  type RunStatus,
  type TaskListQuery,
} from '@countersign/shared';
import { ApiError, errorFromResponse } from './api-error.ts';

/** How the client reaches the runtime. */
export interface ApiClientOptions {
  /** Origin (and optional prefix) of the runtime, e.g. `https://runtime.example`; '' for the same origin. */
  baseUrl: string;
  /** Bearer token; null before sign-in. */
  token: string | null;
  /** Called when the runtime answers 401 (the token expired or was revoked). */
  onUnauthorized?: () => void;
  /** Injected in tests. */
  fetch?: typeof fetch;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

/** What the client needs of a schema (shared's zod schemas satisfy it; the editor does not import zod itself). */
interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { message: string }[] } };
}

const RunEventsSchema = RunEventSchema.array();
/** `GET /api/runs/:id/events` response. */
const RunEventPageSchema: Schema<{ items: RunEvent[] }> = {
  safeParse(value) {
    const items: unknown = typeof value === 'object' && value !== null ? (value as { items?: unknown }).items : undefined;
    const parsed = RunEventsSchema.safeParse(items);
    return parsed.success ? { success: true, data: { items: parsed.data } } : { success: false, error: parsed.error };
  },
};

/** `?a=1&b=2` of the defined entries of a query, or '' when there are none. */
function queryString(query: Record<string, string | number | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  return params.size > 0 ? `?${params.toString()}` : '';
}

/** Creates a typed client of the runtime's REST API; every response is parsed with shared's DTO schemas. */
export function createApiClient(options: ApiClientOptions) {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.baseUrl.replace(/\/+$/, '');

  async function request<T>(method: Method, path: string, schema: Schema<T>, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (error) {
      throw new ApiError(0, 'NETWORK', `The runtime cannot be reached (${error instanceof Error ? error.message : 'network error'})`);
    }
    const text = await response.text();
    let json: unknown = undefined;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      if (response.status === 401) options.onUnauthorized?.();
      throw errorFromResponse(response.status, json);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ApiError(response.status, 'BAD_RESPONSE', `Unexpected answer from ${method} ${path}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return parsed.data;
  }

  const id = encodeURIComponent;

  return {
    login: (email: string, password: string) => request('POST', '/api/auth/login', LoginResponseSchema, { email, password }),
    me: () => request('GET', '/api/auth/me', UserSchema),
    listNodeTypes: async () => (await request('GET', '/api/node-types', NodeTypeListSchema)).items,
    listWorkflows: async () => (await request('GET', '/api/workflows', WorkflowListSchema)).items,
    getWorkflow: (workflowId: string) => request('GET', `/api/workflows/${id(workflowId)}`, WorkflowSchema),
    createWorkflow: (input: { name: string; description?: string; graph: GraphInput }) => request('POST', '/api/workflows', WorkflowSchema, input),
    renameWorkflow: (workflowId: string, name: string) => request('PATCH', `/api/workflows/${id(workflowId)}`, WorkflowSchema, { name }),
    updateDraft: (workflowId: string, graph: GraphInput) => request('PUT', `/api/workflows/${id(workflowId)}/draft`, WorkflowSchema, { graph }),
    createVersion: (workflowId: string) => request('POST', `/api/workflows/${id(workflowId)}/versions`, VersionCreatedSchema),
    listVersions: async (workflowId: string) => (await request('GET', `/api/workflows/${id(workflowId)}/versions`, VersionListSchema)).items,
    getVersion: (workflowId: string, version: number) => request('GET', `/api/workflows/${id(workflowId)}/versions/${version}`, VersionSchema),
    startRun: (workflowId: string, body: { input?: unknown; version?: number }) =>
      request('POST', `/api/workflows/${id(workflowId)}/runs`, RunStartedSchema, body),
    listRuns: async (query: { workflowId?: string; status?: RunStatus; limit?: number } = {}) =>
      (await request('GET', `/api/runs${queryString(query)}`, RunListSchema)).items,
    getRun: (runId: string) => request('GET', `/api/runs/${id(runId)}`, RunSchema),
    listRunEvents: async (runId: string, afterSeq = 0) =>
      (await request('GET', `/api/runs/${id(runId)}/events?afterSeq=${afterSeq}`, RunEventPageSchema)).items,
    /** Every event of a run, paging on the last sequence number. */
    allRunEvents: async (runId: string) => {
      const events: RunEvent[] = [];
      for (;;) {
        const page = (await request('GET', `/api/runs/${id(runId)}/events?afterSeq=${events.at(-1)?.seq ?? 0}`, RunEventPageSchema)).items;
        events.push(...page);
        if (page.length === 0 || events.length > 100_000) return events;
      }
    },
    /** Approval tasks: mine (assigned or delegated to me) by default, open by default. */
    listTasks: async (query: Partial<TaskListQuery> = {}) => (await request('GET', `/api/tasks${queryString(query)}`, TaskListSchema)).items,
    getTask: (taskId: string) => request('GET', `/api/tasks/${id(taskId)}`, TaskDetailSchema),
    /** Approves or rejects a task (a rejection needs a comment); 403 for SoD or authority, 409 when already closed. */
    decideTask: (taskId: string, body: DecisionRequest) => request('POST', `/api/tasks/${id(taskId)}/decision`, TaskSchema, body),
    listUsers: async () => (await request('GET', '/api/users', UserListSchema)).items,
    listDelegations: async (query: { active?: boolean } = {}) => (await request('GET', `/api/delegations${queryString(query)}`, DelegationListSchema)).items,
    createDelegation: (body: CreateDelegationRequest) => request('POST', '/api/delegations', DelegationSchema, body),
    revokeDelegation: (delegationId: string) => request('POST', `/api/delegations/${id(delegationId)}/revoke`, DelegationSchema),
  };
}

/** The typed API client. */
export type ApiClient = ReturnType<typeof createApiClient>;
