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
import { brandingApi } from '../branding/branding-api.ts';
import { changeControlApi } from './change-control-api.ts';
import { templatesApi } from './templates-api.ts';
import { tenantsApi } from './tenants-api.ts';
import { credentialsApi } from '../credentials/credentials-api.ts';
import { apiKeysApi } from '../settings/api-keys-api.ts';
import { createTransport, queryString, type ApiClientOptions, type Schema } from './transport.ts';

export type { ApiClientOptions } from './transport.ts';

const RunEventsSchema = RunEventSchema.array();
/** `GET /api/runs/:id/events` response. */
const RunEventPageSchema: Schema<{ items: RunEvent[] }> = {
  safeParse(value) {
    const items: unknown = typeof value === 'object' && value !== null ? (value as { items?: unknown }).items : undefined;
    const parsed = RunEventsSchema.safeParse(items);
    return parsed.success ? { success: true, data: { items: parsed.data } } : { success: false, error: parsed.error };
  },
};

/** Creates a typed client of the runtime's REST API; every response is parsed with shared's DTO schemas. */
export function createApiClient(options: ApiClientOptions) {
  const transport = createTransport(options);
  const { request } = transport;
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
    /** Starts a run: of the live version, or with `test` a designer's test run of any version (the latest when none is given). */
    startRun: (workflowId: string, body: { input?: unknown; version?: number; test?: boolean }) =>
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
    ...changeControlApi(transport),
    ...templatesApi(transport),
    ...tenantsApi(transport),
    ...credentialsApi(transport),
    ...apiKeysApi(transport),
    ...brandingApi(transport),
  };
}

/** The typed API client. */
export type ApiClient = ReturnType<typeof createApiClient>;
