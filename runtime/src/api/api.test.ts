import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorResponseSchema, RunSchema, VersionSchema, WorkflowListSchema, WorkflowSchema } from '@countersign/shared';
import { startTestRuntime, type TestRuntime } from './api-test-harness.ts';

const node = (id: string, type: string, config: Record<string, unknown> = {}) => ({ id, type, typeVersion: 1, label: id, position: { x: 0, y: 0 }, config });
const edge = (source: string, target: string, sourcePort = 'out') => ({ id: `${source}-${target}`, source, sourcePort, target, targetPort: 'in' });

const simpleGraph = {
  schemaVersion: 1,
  nodes: [node('start', 'trigger.manual'), node('double', 'data.set', { fields: { doubled: '{{ $input.n * 2 }}' } })],
  edges: [edge('start', 'double')],
};

let t: TestRuntime;
let token: string;

beforeAll(async () => {
  t = await startTestRuntime();
  token = await t.login('designer@demo.test');
});

afterAll(async () => {
  await t?.close();
});

describe('auth', () => {
  it('signs in a demo user and returns the user without secrets', async () => {
    const { status, body } = await t.call('POST', '/api/auth/login', { json: { email: 'Admin@Demo.test', password: 'demo-password-1' } });
    expect(status).toBe(200);
    expect(typeof body.token).toBe('string');
    expect(body.user).toEqual({ id: 'demo-admin', tenantId: 'demo', email: 'admin@demo.test', name: 'Demo Admin', roles: ['admin'], tenantKind: 'client' });
    const me = await t.call('GET', '/api/auth/me', { token: body.token });
    expect(me).toEqual({ status: 200, body: body.user });
  });

  it('refuses a wrong password and an unknown email with the same 401', async () => {
    const wrong = await t.call('POST', '/api/auth/login', { json: { email: 'admin@demo.test', password: 'nope' } });
    const unknown = await t.call('POST', '/api/auth/login', { json: { email: 'nobody@demo.test', password: 'nope' } });
    expect(wrong).toEqual({ status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'Email or password is wrong' } } });
    expect(unknown).toEqual(wrong);
  });

  it('requires a valid bearer token on every /api route but health, login and the API description', async () => {
    expect((await t.call('GET', '/api/workflows')).status).toBe(401);
    expect((await t.call('GET', '/api/workflows', { token: 'not-a-token' })).body.error.code).toBe('UNAUTHENTICATED');
    expect((await t.call('GET', '/api/node-types')).status).toBe(401);
    expect((await t.call('POST', '/api/workflows', { json: { name: 'x', graph: simpleGraph } })).status).toBe(401);
    expect(await t.call('GET', '/api/health')).toEqual({ status: 200, body: { status: 'ok', database: 'pglite' } });
  });
});

describe('bad input is a 4xx, never a 500', () => {
  it('answers 400 to malformed JSON', async () => {
    const { status, body } = await t.call('POST', '/api/auth/login', { body: '{"email": ', headers: { 'content-type': 'application/json' } });
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: 'BAD_REQUEST', message: 'The request body is not valid JSON' } });
  });

  it('answers 413 to a body over 1 MB', async () => {
    const { status, body } = await t.call('POST', '/api/workflows', { token, json: { name: 'big', graph: { blob: 'x'.repeat(1024 * 1024 + 10) } } });
    expect(status).toBe(413);
    expect(body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 415 to a body that is not JSON', async () => {
    const { status, body } = await t.call('POST', '/api/auth/login', { body: 'email=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(status).toBe(415);
    expect(body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('names the field of the wrong type', async () => {
    const { status, body } = await t.call('POST', '/api/workflows', { token, json: { name: 42, graph: simpleGraph } });
    expect(status).toBe(400);
    expect(ErrorResponseSchema.parse(body).error.issues).toEqual([expect.objectContaining({ path: ['body', 'name'], code: 'invalid_type' })]);
    const query = await t.call('GET', '/api/runs?limit=lots', { token });
    expect(query.status).toBe(400);
    expect(query.body.error.issues[0].path).toEqual(['query', 'limit']);
    const version = await t.call('GET', '/api/workflows/x/versions/first', { token });
    expect(version.body.error.issues[0].path).toEqual(['params', 'version']);
  });

  it('answers 422 with issue paths and node ids for an invalid graph', async () => {
    const graph = {
      ...simpleGraph,
      nodes: [...simpleGraph.nodes, node('mystery', 'no.such-node'), node('check', 'flow.if', { condition: '{{ $input.n > }}' })],
      edges: [...simpleGraph.edges, edge('double', 'ghost'), edge('double', 'check')],
    };
    const { status, body } = await t.call('POST', '/api/workflows', { token, json: { name: 'Broken', graph } });
    expect(status).toBe(422);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    const issues = ErrorResponseSchema.parse(body).error.issues ?? [];
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'unknown_node_type', path: ['nodes', 2, 'type'], nodeId: 'mystery' }),
        expect.objectContaining({ code: 'expression_syntax', path: ['nodes', 3, 'config', 'condition'], nodeId: 'check' }),
        expect.objectContaining({ code: 'dangling_edge', path: ['edges', 1, 'target'] }),
      ]),
    );
    const shape = await t.call('POST', '/api/workflows', { token, json: { name: 'Shapeless', graph: { schemaVersion: 1, nodes: 'none' } } });
    expect(shape.status).toBe(422);
    expect(shape.body.error.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: ['nodes'] })]));
  });

  it('answers 404 in JSON for an unknown route under /api', async () => {
    expect(await t.call('GET', '/api/nothing-here', { token })).toEqual({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'No route for GET /api/nothing-here' } } });
    expect((await t.call('DELETE', '/api/workflows')).status).toBe(404);
  });
});

describe('workflows, versions and runs', () => {
  it('creates a workflow, saves a version, runs it and reads the run with its steps', async () => {
    const created = await t.call('POST', '/api/workflows', { token, json: { name: 'Doubler', graph: simpleGraph } });
    expect(created.status).toBe(201);
    const workflow = WorkflowSchema.parse(created.body);
    expect(workflow).toMatchObject({ name: 'Doubler', description: null, createdBy: 'demo-designer', latestVersion: null, lastRunStatus: null });
    expect(workflow.draft.nodes.map((n) => n.id)).toEqual(['start', 'double']);

    const noVersion = await t.call('POST', `/api/workflows/${workflow.id}/runs`, { token, json: { input: { n: 1 } } });
    expect(noVersion.status).toBe(409);

    const saved = await t.call('POST', `/api/workflows/${workflow.id}/versions`, { token });
    expect(saved.status).toBe(201);
    expect(saved.body).toEqual({ version: 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const version = VersionSchema.parse((await t.call('GET', `/api/workflows/${workflow.id}/versions/1`, { token })).body);
    expect(version).toMatchObject({ workflowId: workflow.id, version: 1, hash: saved.body.hash, createdBy: 'demo-designer' });

    // A production run needs a published version: review by another person, then publication.
    expect((await t.call('POST', `/api/workflows/${workflow.id}/runs`, { token, json: { input: { n: 21 } } })).status).toBe(409);
    await t.publish(token, workflow.id, 1);
    const started = await t.call('POST', `/api/workflows/${workflow.id}/runs`, { token, json: { input: { n: 21 } } });
    expect(started.status).toBe(202);
    const runId = started.body.runId as string;
    await t.waitForRun(token, runId);
    const run = RunSchema.parse((await t.call('GET', `/api/runs/${runId}`, { token })).body);
    expect(run).toMatchObject({ id: runId, workflowId: workflow.id, version: 1, versionHash: saved.body.hash, status: 'succeeded', trigger: 'manual', isTest: false, input: { n: 21 }, output: { n: 21, doubled: 42 }, error: null });
    expect(run.steps.map((s) => [s.nodeId, s.status, s.attempt])).toEqual([
      ['start', 'succeeded', 1],
      ['double', 'succeeded', 1],
    ]);
    expect(run.steps[1]).toMatchObject({ input: { n: 21 }, output: { n: 21, doubled: 42 }, port: 'out' });
    expect(Date.parse(run.steps[1]?.finishedAt ?? '')).not.toBeNaN();

    const list = await t.call('GET', `/api/runs?workflowId=${workflow.id}&status=&limit=&offset=`, { token });
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([runId]);
    const events = await t.call('GET', `/api/runs/${runId}/events?afterSeq=0`, { token });
    const seqs = events.body.items.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));
    expect(events.body.items[0]).toMatchObject({ runId, seq: 1, type: 'run.started' });
    expect(events.body.items.at(-1).type).toBe('run.succeeded');
    const after = await t.call('GET', `/api/runs/${runId}/events?afterSeq=${seqs.length - 1}`, { token });
    expect(after.body.items.map((e: { seq: number }) => e.seq)).toEqual([seqs.length]);

    const listed = WorkflowListSchema.parse((await t.call('GET', '/api/workflows', { token })).body);
    expect(listed.items.find((w) => w.id === workflow.id)).toMatchObject({ latestVersion: 1, lastRunStatus: 'succeeded' });
    expect((await t.call('POST', `/api/runs/${runId}/cancel`, { token })).status).toBe(409);
  });

  it('cancels a waiting run', async () => {
    const graph = { schemaVersion: 1, nodes: [node('start', 'trigger.manual'), node('pause', 'flow.wait', { durationMs: 60_000 })], edges: [edge('start', 'pause')] };
    const { body: workflow } = await t.call('POST', '/api/workflows', { token, json: { name: 'Waits', graph } });
    await t.call('POST', `/api/workflows/${workflow.id}/versions`, { token });
    const { body: started } = await t.call('POST', `/api/workflows/${workflow.id}/runs`, { token, json: { test: true } });
    for (let i = 0; i < 200 && (await t.call('GET', `/api/runs/${started.runId}`, { token })).body.status !== 'waiting'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const cancelled = await t.call('POST', `/api/runs/${started.runId}/cancel`, { token });
    expect(cancelled.status).toBe(202);
    expect(['cancelled', 'running']).toContain(cancelled.body.status);
    const run = await t.waitForRun(token, started.runId);
    expect(run.status).toBe('cancelled');
    expect((await t.call('GET', `/api/runs?workflowId=${workflow.id}&status=cancelled`, { token })).body.items).toHaveLength(1);
  });

  it('updates the draft, refuses an invalid one, and numbers versions', async () => {
    const { body: workflow } = await t.call('POST', '/api/workflows', { token, json: { name: 'Drafts', graph: simpleGraph } });
    const moved = { ...simpleGraph, nodes: simpleGraph.nodes.map((n) => ({ ...n, position: { x: 99, y: 1 } })) };
    const updated = await t.call('PUT', `/api/workflows/${workflow.id}/draft`, { token, json: { graph: moved } });
    expect(updated.status).toBe(200);
    expect(updated.body.draft.nodes[0].position).toEqual({ x: 99, y: 1 });
    const invalid = await t.call('PUT', `/api/workflows/${workflow.id}/draft`, { token, json: { graph: { ...simpleGraph, edges: [edge('start', 'nowhere')] } } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.issues[0]).toMatchObject({ code: 'dangling_edge', path: ['edges', 0, 'target'] });
    const first = await t.call('POST', `/api/workflows/${workflow.id}/versions`, { token });
    const second = await t.call('POST', `/api/workflows/${workflow.id}/versions`, { token });
    expect([first.body.version, second.body.version]).toEqual([1, 2]);
    // Positions are not part of the hash: moving boxes needs no new approval.
    const unmoved = await t.call('PUT', `/api/workflows/${workflow.id}/draft`, { token, json: { graph: simpleGraph } });
    expect(unmoved.status).toBe(200);
    const third = await t.call('POST', `/api/workflows/${workflow.id}/versions`, { token });
    expect(third.body).toEqual({ version: 3, hash: first.body.hash });
    const versions = await t.call('GET', `/api/workflows/${workflow.id}/versions`, { token });
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    expect((await t.call('GET', `/api/workflows/${workflow.id}/versions/9`, { token })).status).toBe(404);
  });

  it('keeps tenants apart: another tenant sees 404 for workflows and runs', async () => {
    const { body: workflow } = await t.call('POST', '/api/workflows', { token, json: { name: 'Private', graph: simpleGraph } });
    await t.call('POST', `/api/workflows/${workflow.id}/versions`, { token });
    const { body: started } = await t.call('POST', `/api/workflows/${workflow.id}/runs`, { token, json: { input: { n: 1 }, test: true } });
    const other = await t.otherTenantToken();
    for (const [method, path] of [
      ['GET', `/api/workflows/${workflow.id}`],
      ['PUT', `/api/workflows/${workflow.id}/draft`],
      ['POST', `/api/workflows/${workflow.id}/versions`],
      ['GET', `/api/workflows/${workflow.id}/versions`],
      ['GET', `/api/workflows/${workflow.id}/versions/1`],
      ['POST', `/api/workflows/${workflow.id}/runs`],
      ['GET', `/api/runs/${started.runId}`],
      ['GET', `/api/runs/${started.runId}/events`],
      ['POST', `/api/runs/${started.runId}/cancel`],
    ] as const) {
      const json = method === 'PUT' ? { graph: simpleGraph } : method === 'POST' && path.endsWith('/runs') ? {} : undefined;
      const response = await t.call(method, path, { token: other, ...(json ? { json } : {}) });
      expect([path, response.status]).toEqual([path, 404]);
    }
    expect((await t.call('GET', '/api/workflows', { token: other })).body.items).toEqual([]);
    expect((await t.call('GET', '/api/runs', { token: other })).body.items).toEqual([]);
  });
});

describe('webhooks and the seeded sample', () => {
  // The seeded AP workflow end to end (validation, duplicates, approvals, ERP post): seed/ap-invoice.test.ts.
  it('answers 404 for an unknown workflow and 409 without a webhook trigger or a version', async () => {
    expect((await t.call('POST', '/hooks/no-such-workflow', { json: {} })).status).toBe(404);
    expect((await t.call('POST', '/hooks/ap-invoice-intake/some/sub/path', { json: {} })).status).toBe(404);
    const { body: manual } = await t.call('POST', '/api/workflows', { token, json: { name: 'Manual only', graph: simpleGraph } });
    expect((await t.call('POST', `/hooks/${manual.id}`, { json: {} })).status).toBe(409);
    await t.call('POST', `/api/workflows/${manual.id}/versions`, { token });
    const noTrigger = await t.call('POST', `/hooks/${manual.id}`, { json: {} });
    expect(noTrigger.status).toBe(409);
    expect(noTrigger.body.error.code).toBe('CONFLICT');
  });

  it('starts a run at a webhook trigger configured with a sub-path', async () => {
    const graph = { schemaVersion: 1, nodes: [node('hook', 'trigger.webhook', { path: 'invoices/received' }), node('mark', 'data.set', { fields: { seen: true } })], edges: [edge('hook', 'mark')] };
    const { body: workflow } = await t.call('POST', '/api/workflows', { token, json: { name: 'Sub-path hook', graph } });
    await t.call('POST', `/api/workflows/${workflow.id}/versions`, { token });
    // Webhooks reach only a published version.
    expect((await t.call('POST', `/hooks/${workflow.id}/invoices/received`, { json: { a: 1 } })).status).toBe(409);
    await t.publish(token, workflow.id, 1);
    expect((await t.call('POST', `/hooks/${workflow.id}`, { json: { a: 1 } })).status).toBe(404);
    const started = await t.call('POST', `/hooks/${workflow.id}/invoices/received`, { json: { a: 1 } });
    expect(started.status).toBe(202);
    expect(await t.waitForRun(token, started.body.runId)).toMatchObject({ status: 'succeeded', output: { a: 1, seen: true } });
  });
});

describe('node types and OpenAPI', () => {
  it('lists node types with ports and JSON Schema configs', async () => {
    const { status, body } = await t.call('GET', '/api/node-types', { token });
    expect(status).toBe(200);
    const byType = new Map(body.items.map((item: { type: string }) => [item.type, item]));
    expect(byType.get('flow.if')).toMatchObject({ version: 1, category: 'flow', effect: 'pure', ports: { in: ['in'], out: ['true', 'false'], dynamicOut: false } });
    expect(byType.get('flow.switch')).toMatchObject({ ports: { out: ['default'], dynamicOut: true } });
    expect(byType.get('connector.http')).toMatchObject({ effect: 'external', configSchema: { type: 'object', properties: { url: expect.any(Object) } } });
  });

  it('describes every route of the table in OpenAPI 3.1', async () => {
    const { status, body } = await t.call('GET', '/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    const operations = Object.entries(body.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(operations.sort()).toEqual(
      [
        'GET /api/health',
        'GET /api/openapi.json',
        'POST /api/auth/login',
        'GET /api/auth/me',
        'GET /api/node-types',
        'POST /api/workflows',
        'GET /api/workflows',
        'GET /api/workflows/{id}',
        'PATCH /api/workflows/{id}',
        'PUT /api/workflows/{id}/draft',
        'POST /api/workflows/{id}/versions',
        'GET /api/workflows/{id}/versions',
        'GET /api/workflows/{id}/versions/{version}',
        'POST /api/workflows/{id}/runs',
        'GET /api/runs',
        'GET /api/runs/{id}',
        'GET /api/runs/{id}/events',
        'POST /api/runs/{id}/cancel',
        'POST /hooks/{workflowId}',
        'POST /hooks/{workflowId}/{path}',
        'PUT /hooks/{workflowId}',
        'PUT /hooks/{workflowId}/{path}',
        'GET /api/users',
        'PUT /api/users/{id}/authority-limits',
        'GET /api/delegations',
        'POST /api/delegations',
        'POST /api/delegations/{id}/revoke',
        'GET /api/tasks',
        'GET /api/tasks/{id}',
        'POST /api/tasks/{id}/decision',
        'PUT /api/workflows/{id}/versions/{version}',
        'POST /api/workflows/{id}/versions/{version}/submit',
        'POST /api/workflows/{id}/versions/{version}/approve',
        'POST /api/workflows/{id}/versions/{version}/reject',
        'POST /api/workflows/{id}/versions/{version}/publish',
        'GET /api/workflows/{id}/versions/{a}/diff/{b}',
        'POST /api/workflows/{id}/lint',
        'GET /api/audit',
        'GET /api/audit/verify',
        'GET /api/runs/{id}/evidence',
        'GET /api/credentials',
        'GET /api/credentials/{id}',
        'POST /api/credentials',
        'PUT /api/credentials/{id}/value',
        'DELETE /api/credentials/{id}',
        'POST /api/credentials/rotate',
        'GET /api/tenants',
        'POST /api/tenants',
        'POST /api/tenants/{id}/switch',
        'GET /api/partner/overview',
        'GET /api/api-keys',
        'POST /api/api-keys',
        'POST /api/api-keys/{id}/revoke',
        'GET /api/embed/keys',
        'POST /api/embed/keys',
        'POST /api/embed/keys/{id}/revoke',
        'POST /api/templates',
        'GET /api/templates',
        'GET /api/templates/{id}',
        'POST /api/templates/{id}/instantiate',
        'GET /api/workflows/{id}/template',
        'POST /api/workflows/{id}/template/upgrade',
        'GET /api/public/branding',
        'GET /api/branding',
        'PUT /api/branding',
        'PUT /api/tenants/{id}/branding',
      ].sort(),
    );
    const createWorkflow = body.paths['/api/workflows'].post;
    expect(createWorkflow.requestBody.content['application/json'].schema.properties.name).toMatchObject({ type: 'string' });
    expect(createWorkflow.security).toEqual([{ bearerAuth: [] }, { apiKey: [] }]);
    expect(body.paths['/api/runs'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['workflowId', 'status', 'limit', 'offset']);
  });
});
