import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VersionDiffSchema, VersionSchema } from '@countersign/shared';
import { lintGraph, registry } from '@countersign/nodes';
import { demoWorkflowGraph } from '../seed/demo-workflow.ts';
import { startTestRuntime, type TestRuntime } from './api-test-harness.ts';

// Change control (SOX ITGC): draft -> in review -> approved -> published; four eyes; immutable once submitted.
let t: TestRuntime;
let designer: string;
let reviewer: string;
const node = (id: string, type: string, config: Record<string, unknown> = {}, position = { x: 0, y: 0 }) => ({ id, type, typeVersion: 1, label: id, position, config });
const edge = (source: string, target: string, sourcePort = 'out') => ({ id: `${source}-${sourcePort}-${target}`, source, sourcePort, target, targetPort: 'in' });
const hookGraph = (label = 'tag', x = 0) => ({
  schemaVersion: 1,
  nodes: [node('hook', 'trigger.webhook'), { ...node('tag', 'data.set', { fields: { tagged: true } }, { x, y: 0 }), label }],
  edges: [edge('hook', 'tag')],
  settings: {},
});
const audit = async (action: string) => (await t.call('GET', `/api/audit?action=${action}`, { token: await t.login('auditor@demo.test') })).body.items;

beforeAll(async () => {
  t = await startTestRuntime();
  designer = await t.login('designer@demo.test');
  reviewer = await t.login('reviewer@demo.test');
}, 60_000);
afterAll(async () => t?.close());

const create = async (graph: unknown = hookGraph()): Promise<string> => {
  const { status, body } = await t.call('POST', '/api/workflows', { token: designer, json: { name: 'Change control', graph } });
  expect(status).toBe(201);
  expect((await t.call('POST', `/api/workflows/${body.id}/versions`, { token: designer })).status).toBe(201);
  return body.id as string;
};
const step = (token: string, id: string, version: number, action: string, json?: unknown) =>
  t.call('POST', `/api/workflows/${id}/versions/${version}/${action}`, { token, ...(json === undefined ? {} : { json }) });

describe('the version lifecycle', () => {
  it('takes a version from draft through review to production; its author can never approve it (403, recorded)', async () => {
    const id = await create();
    // No published version: webhooks and production runs are refused; a designer's test run is possible and marked.
    expect((await t.call('POST', `/hooks/${id}`, { json: { a: 1 } })).status).toBe(409);
    expect((await t.call('POST', `/api/workflows/${id}/runs`, { token: designer, json: {} })).status).toBe(409);
    const test = await t.call('POST', `/api/workflows/${id}/runs`, { token: designer, json: { input: { a: 1 }, test: true } });
    expect(await t.waitForRun(designer, test.body.runId)).toMatchObject({ status: 'succeeded', isTest: true });
    expect((await t.call('POST', `/api/workflows/${id}/runs`, { token: await t.login('operator@demo.test'), json: { test: true } })).status).toBe(403);

    const submitted = await step(designer, id, 1, 'submit');
    expect(submitted.status).toBe(200);
    expect(VersionSchema.parse(submitted.body)).toMatchObject({ status: 'in_review', submittedBy: 'demo-designer', lint: [expect.objectContaining({ code: 'unsigned_webhook', severity: 'warning' })] });

    // The author is also an admin here? No: the designer cannot review at all; an admin who authored cannot approve either.
    expect((await step(designer, id, 1, 'approve', {})).status).toBe(403);
    const admin = await t.login('admin@demo.test');
    const { body: adminFlow } = await t.call('POST', '/api/workflows', { token: admin, json: { name: 'Admin authored', graph: hookGraph() } });
    await t.call('POST', `/api/workflows/${adminFlow.id}/versions`, { token: admin });
    await step(admin, adminFlow.id, 1, 'submit');
    const self = await step(admin, adminFlow.id, 1, 'approve', {});
    expect(self.status).toBe(403);
    expect(self.body.error).toMatchObject({ code: 'SOD_VIOLATION', message: 'You authored version 1; another reviewer must approve it' });
    expect((await audit('version.approve_refused')).map((e: { actor: { id: string }; target: { id: string } }) => [e.actor.id, e.target.id])).toContainEqual(['demo-admin', `${adminFlow.id}@1`]);

    expect((await step(reviewer, id, 1, 'publish')).status).toBe(403);
    expect((await step(designer, id, 1, 'publish')).status).toBe(409);
    const approved = await step(reviewer, id, 1, 'approve', { comment: 'Looks right' });
    expect(approved.body).toMatchObject({ status: 'approved', reviewedBy: 'demo-reviewer', reviewComment: 'Looks right', live: false });
    const published = await step(designer, id, 1, 'publish');
    expect(published.body).toMatchObject({ status: 'published', publishedBy: 'demo-designer', live: true });
    const hook = await t.call('POST', `/hooks/${id}`, { json: { a: 2 } });
    expect(hook.status).toBe(202);
    expect(await t.waitForRun(designer, hook.body.runId)).toMatchObject({ status: 'succeeded', isTest: false, version: 1 });
    expect((await audit('version.published')).some((e: { target: { id: string } }) => e.target.id === `${id}@1`)).toBe(true);
  });

  it('refuses to edit a submitted version (immutable) and to resubmit or approve out of order', async () => {
    const id = await create();
    expect((await t.call('PUT', `/api/workflows/${id}/versions/1`, { token: designer, json: { graph: hookGraph('edited') } })).status).toBe(200);
    await step(designer, id, 1, 'submit');
    const edit = await t.call('PUT', `/api/workflows/${id}/versions/1`, { token: designer, json: { graph: hookGraph('after submit') } });
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toContain('immutable');
    expect((await t.call('GET', `/api/workflows/${id}/versions/1`, { token: designer })).body.graph.nodes[1].label).toBe('edited');
    expect((await step(designer, id, 1, 'submit')).status).toBe(409);
    const rejected = await step(reviewer, id, 1, 'reject', { comment: 'Tag the invoice, not the order' });
    expect(rejected.body).toMatchObject({ status: 'rejected', reviewComment: 'Tag the invoice, not the order' });
    expect((await step(reviewer, id, 1, 'reject', {})).status).toBe(400);
    expect((await step(reviewer, id, 1, 'approve', {})).status).toBe(409);
    expect((await audit('version.edit_refused')).length).toBeGreaterThan(0);
  });

  it('blocks submission when the control lint finds an error, and lints a draft live', async () => {
    const graph = {
      schemaVersion: 1,
      nodes: [node('hook', 'trigger.manual'), node('post', 'connector.http', { method: 'POST', url: 'http://erp.example.com/invoices' })],
      edges: [edge('hook', 'post')],
      settings: {},
    };
    const id = await create(graph);
    const live = await t.call('POST', `/api/workflows/${id}/lint`, { token: designer, json: {} });
    expect(live.body.blocking).toBe(true);
    expect(live.body.findings.map((f: { code: string }) => f.code).sort()).toEqual(['insecure_http', 'posting_without_approval']);
    const submit = await step(designer, id, 1, 'submit');
    expect(submit.status).toBe(422);
    expect(submit.body.error.details.findings.map((f: { code: string; nodeId: string }) => [f.code, f.nodeId])).toContainEqual(['posting_without_approval', 'post']);
    expect((await t.call('GET', `/api/workflows/${id}/versions/1`, { token: designer })).body.status).toBe('draft');
  });

  it('keeps running instances on their version when a new one is published', async () => {
    const wait = (label: string) => ({
      schemaVersion: 1,
      nodes: [node('start', 'trigger.manual'), node('pause', 'flow.wait', { durationMs: 1500 }), { ...node('tag', 'data.set', { fields: { by: label } }), label }],
      edges: [edge('start', 'pause'), edge('pause', 'tag')],
      settings: {},
    });
    const id = await create(wait('v1'));
    await t.publish(designer, id, 1);
    const run = await t.call('POST', `/api/workflows/${id}/runs`, { token: designer, json: {} });
    await t.call('PUT', `/api/workflows/${id}/draft`, { token: designer, json: { graph: wait('v2') } });
    await t.call('POST', `/api/workflows/${id}/versions`, { token: designer });
    await t.publish(designer, id, 2);
    expect(await t.waitForRun(designer, run.body.runId)).toMatchObject({ status: 'succeeded', version: 1, output: { by: 'v1' } });
    const next = await t.call('POST', `/api/workflows/${id}/runs`, { token: designer, json: {} });
    expect(await t.waitForRun(designer, next.body.runId)).toMatchObject({ version: 2, output: { by: 'v2' } });
    const versions = (await t.call('GET', `/api/workflows/${id}/versions`, { token: designer })).body.items;
    expect(versions.map((v: { version: number; live: boolean }) => [v.version, v.live])).toEqual([
      [2, true],
      [1, false],
    ]);
  });

  it('diffs two versions for the reviewer: changed config paths, renamed labels, layout-only moves, edges', async () => {
    const id = await create(hookGraph('tag', 0));
    const changed = hookGraph('Tag invoice', 0);
    (changed.nodes[1] as { config: Record<string, unknown> }).config = { fields: { tagged: false } };
    changed.nodes.push(node('extra', 'data.set', { fields: {} }));
    changed.edges.push(edge('tag', 'extra'));
    await t.call('PUT', `/api/workflows/${id}/draft`, { token: designer, json: { graph: changed } });
    await t.call('POST', `/api/workflows/${id}/versions`, { token: designer });
    const moved = structuredClone(changed);
    moved.nodes[1] = { ...(moved.nodes[1] as object), position: { x: 500, y: 40 } } as (typeof moved.nodes)[number];
    await t.call('PUT', `/api/workflows/${id}/draft`, { token: designer, json: { graph: moved } });
    await t.call('POST', `/api/workflows/${id}/versions`, { token: designer });

    const diff = VersionDiffSchema.parse((await t.call('GET', `/api/workflows/${id}/versions/1/diff/2`, { token: reviewer })).body);
    expect(diff.diff.nodesAdded.map((n) => n.id)).toEqual(['extra']);
    expect(diff.diff.edgesAdded.map((e) => e.id)).toEqual(['tag-out-extra']);
    const tag = diff.diff.nodesChanged.find((n) => n.id === 'tag');
    expect(tag).toMatchObject({ layoutOnly: false, renamed: { before: 'tag', after: 'Tag invoice' } });
    expect(tag?.changes).toContainEqual({ path: 'config.fields.tagged', before: true, after: false });
    const layout = VersionDiffSchema.parse((await t.call('GET', `/api/workflows/${id}/versions/2/diff/3`, { token: reviewer })).body);
    expect(layout.diff).toMatchObject({ behaviourUnchanged: true, nodesChanged: [{ id: 'tag', layoutOnly: true }] });
    expect(layout.from.hash).toBe(layout.to.hash);
  });

  it('passes the seeded template through the control lint without an error', () => {
    const findings = lintGraph(demoWorkflowGraph('http://127.0.0.1:3000/demo/erp/invoices') as never, registry);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
