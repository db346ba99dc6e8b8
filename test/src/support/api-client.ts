import type { GraphInput, RunDto, RunStatus } from '@countersign/shared';
import { DEMO_PASSWORD } from './runtime-process.ts';

/** A small client of the public REST API, as a partner's developer would write it. */
export class ApiClient {
  private constructor(
    readonly baseUrl: string,
    readonly token: string,
  ) {}

  /** Signs in as a seeded demo user. */
  static async login(baseUrl: string, email = 'designer@demo.test', password = DEMO_PASSWORD): Promise<ApiClient> {
    const response = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { token: string };
    return new ApiClient(baseUrl, body.token);
  }

  /** Sends a request; returns status and parsed body. */
  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }

  /**
   * Creates a workflow, saves its draft as version 1 and takes it to production: submitted by this
   * user, approved by the demo reviewer (four eyes), published by this user. Returns the workflow id.
   */
  async createVersionedWorkflow(name: string, graph: Omit<GraphInput, 'schemaVersion'>): Promise<string> {
    const created = await this.call<{ id: string }>('POST', '/api/workflows', { name, graph: { schemaVersion: 1, ...graph } });
    if (created.status !== 201) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
    const version = await this.call('POST', `/api/workflows/${created.body.id}/versions`);
    if (version.status !== 201) throw new Error(`version failed: ${version.status} ${JSON.stringify(version.body)}`);
    const base = `/api/workflows/${created.body.id}/versions/1`;
    const reviewer = await ApiClient.login(this.baseUrl, 'reviewer@demo.test');
    for (const [client, path] of [[this, `${base}/submit`], [reviewer, `${base}/approve`], [this, `${base}/publish`]] as const) {
      const step = await client.call('POST', path, path.endsWith('approve') ? {} : undefined);
      if (step.status !== 200) throw new Error(`${path} failed: ${step.status} ${JSON.stringify(step.body)}`);
    }
    return created.body.id;
  }

  /** Starts a run; returns its id. */
  async startRun(workflowId: string, input: unknown): Promise<string> {
    const started = await this.call<{ runId: string }>('POST', `/api/workflows/${workflowId}/runs`, { input });
    if (started.status !== 202) throw new Error(`start failed: ${started.status} ${JSON.stringify(started.body)}`);
    return started.body.runId;
  }

  /** Polls a run until it reaches one of `statuses`. */
  async waitForRun(runId: string, statuses: RunStatus[] = ['succeeded', 'failed', 'cancelled'], timeoutMs = 60_000): Promise<RunDto> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { status, body } = await this.call<RunDto>('GET', `/api/runs/${runId}`);
      if (status === 200 && statuses.includes(body.status)) return body;
      if (Date.now() > deadline) throw new Error(`run ${runId} still ${body.status} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
