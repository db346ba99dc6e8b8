import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '@countersign/nodes';
import { CountersignError, RunSchema, VersionSchema, WorkflowSchema } from '@countersign/shared';
import { createEngineHarness, type EngineHarness } from '../testing/engine-harness.ts';
import type { AuthorityActor as Actor } from './authority-service.ts';
import { createNodeTypesService } from './node-types-service.ts';
import { createRunsService, type RunsService } from './runs-service.ts';
import { createWorkflowsService, type WorkflowsService } from './workflows-service.ts';

const node = (id: string, type: string, config: Record<string, unknown> = {}) => ({ id, type, typeVersion: 1, label: id, position: { x: 0, y: 0 }, config });
const graph = {
  schemaVersion: 1,
  nodes: [node('start', 'trigger.manual'), node('tag', 'data.set', { fields: { tagged: true } })],
  edges: [{ id: 'e1', source: 'start', target: 'tag' }],
};

let h: EngineHarness;
let workflows: WorkflowsService;
let runs: RunsService;
let actor: Actor;
const stranger: Actor = { id: 'someone', tenantId: 'other-tenant', roles: ['designer'] };

beforeAll(async () => {
  h = await createEngineHarness();
  await h.db.knex('tenants').insert({ id: stranger.tenantId, name: 'Other' });
  actor = { id: 'author-1', tenantId: h.tenantId, roles: ['designer'] };
  workflows = createWorkflowsService(h.db.knex, registry);
  runs = createRunsService(h.db.knex, h.engine);
});

afterAll(async () => {
  await h?.close();
});

async function failure(promise: Promise<unknown>): Promise<CountersignError> {
  const thrown = await promise.then(() => undefined, (error: unknown) => error);
  expect(thrown).toBeInstanceOf(CountersignError);
  return thrown as CountersignError;
}

describe('workflows service', () => {
  it('stores the parsed draft with defaults and maps rows to the DTO', async () => {
    const created = await workflows.create(actor, { name: 'Tagger', description: 'Tags things', graph });
    expect(WorkflowSchema.parse(created)).toEqual(created);
    expect(created.draft.edges[0]).toEqual({ id: 'e1', source: 'start', sourcePort: 'out', target: 'tag', targetPort: 'in' });
    expect(created.createdAt).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    expect(created).toMatchObject({ description: 'Tags things', createdBy: 'author-1', latestVersion: null, lastRunStatus: null });
  });

  it('refuses an invalid graph with every issue', async () => {
    const error = await failure(workflows.create(actor, { name: 'Bad', graph: { ...graph, edges: [{ id: 'e1', source: 'start', sourcePort: 'nope', target: 'tag' }] } }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues).toEqual([expect.objectContaining({ code: 'unknown_port', path: ['edges', 0, 'sourcePort'], nodeId: 'start', edgeId: 'e1' })]);
  });

  it('numbers concurrent versions without collisions and keeps each immutable', async () => {
    const { id } = await workflows.create(actor, { name: 'Versions', graph });
    const made = await Promise.all([1, 2, 3, 4].map(() => workflows.createVersion(actor, id)));
    expect(made.map((v) => v.version).sort()).toEqual([1, 2, 3, 4]);
    expect(new Set(made.map((v) => v.hash)).size).toBe(1);
    await workflows.updateDraft(actor, id, { ...graph, nodes: [graph.nodes[0], node('tag', 'data.set', { fields: { tagged: false } })] });
    const v5 = await workflows.createVersion(actor, id);
    expect(v5.hash).not.toBe(made[0]?.hash);
    const v1 = await workflows.getVersion(actor, id, 1);
    expect(VersionSchema.parse(v1).graph.nodes[1]?.config).toEqual({ fields: { tagged: true } });
    expect((await workflows.listVersions(actor, id)).map((v) => v.version)).toEqual([5, 4, 3, 2, 1]);
  });

  it('scopes every call to the tenant', async () => {
    const { id } = await workflows.create(actor, { name: 'Mine', graph });
    await workflows.createVersion(actor, id);
    for (const call of [
      workflows.get(stranger, id),
      workflows.updateDraft(stranger, id, graph),
      workflows.createVersion(stranger, id),
      workflows.getVersion(stranger, id, 1),
      workflows.listVersions(stranger, id),
      runs.start(stranger, id, {}),
    ]) {
      expect((await failure(call)).code).toBe('NOT_FOUND');
    }
    expect(await workflows.list(stranger)).toEqual([]);
  });
});

describe('runs service', () => {
  it('starts, reads, lists newest first and reports the last run status on the workflow', async () => {
    const { id } = await workflows.create(actor, { name: 'Runs', graph });
    await workflows.createVersion(actor, id);
    const first = await runs.start(actor, id, { input: { n: 1 }, test: true });
    await h.waitFor(first.runId);
    const second = await runs.start(actor, id, { input: { n: 2 }, version: 1, test: true });
    await h.waitFor(second.runId);
    const run = RunSchema.parse(await runs.get(actor, second.runId));
    expect(run).toMatchObject({ status: 'succeeded', input: { n: 2 }, output: { n: 2, tagged: true } });
    expect(run.steps.map((s) => s.nodeId)).toEqual(['start', 'tag']);
    const listed = await runs.list(actor, { workflowId: id, limit: 10, offset: 0 });
    expect(listed.map((r) => r.id)).toEqual([second.runId, first.runId]);
    expect((await runs.list(actor, { workflowId: id, limit: 1, offset: 1 })).map((r) => r.id)).toEqual([first.runId]);
    expect(await runs.list(actor, { workflowId: id, status: 'failed', limit: 10, offset: 0 })).toEqual([]);
    expect((await workflows.list(actor)).find((w) => w.id === id)).toMatchObject({ latestVersion: 1, lastRunStatus: 'succeeded' });
    expect((await runs.events(actor, first.runId, 0)).at(-1)?.type).toBe('run.succeeded');
    expect((await failure(runs.get(stranger, first.runId))).code).toBe('NOT_FOUND');
    expect((await failure(runs.events(stranger, first.runId, 0))).code).toBe('NOT_FOUND');
    expect((await failure(runs.start(actor, id, { version: 7, test: true }))).code).toBe('NOT_FOUND');
    // A production run needs a published version.
    expect((await failure(runs.start(actor, id, { input: { n: 3 } }))).code).toBe('CONFLICT');
  });
});

describe('node types service', () => {
  it('describes every registered node type with a JSON Schema config', () => {
    const items = createNodeTypesService(registry).list();
    expect(items.map((item) => item.type).sort()).toEqual(registry.list().map((d) => d.type).sort());
    for (const item of items) expect(item.configSchema).toMatchObject({ type: 'object' });
  });
});
