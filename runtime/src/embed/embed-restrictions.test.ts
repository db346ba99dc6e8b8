import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type LooseJson, type TestRuntime } from '../api/api-test-harness.ts';
import { createEmbedKey, embedToken, type HeldEmbedKey } from './embed-test-kit.ts';

const node = (id: string, type: string, config: Record<string, unknown> = {}) => ({ id, type, typeVersion: 1, label: id, position: { x: 0, y: 0 }, config });
const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, sourcePort: 'out', target, targetPort: 'in' });
const simple = { schemaVersion: 1, nodes: [node('start', 'trigger.manual'), node('mark', 'data.set', { fields: { seen: true } })], edges: [edge('start', 'mark')], settings: {} };
const connector = node('post', 'connector.http', { method: 'POST', url: 'https://erp.example/invoices' });

let t: TestRuntime;
let key: HeldEmbedKey;

beforeAll(async () => {
  t = await startTestRuntime();
  key = await createEmbedKey(t, await t.login('admin@demo.test'));
});

afterAll(async () => {
  await t?.close();
});

describe('a read-only embed token', () => {
  it('reads and lints, but every mutating route answers 403 (recorded)', async () => {
    const token = await embedToken(key, { roles: ['designer', 'operator'], restrictions: { readOnly: true } });
    expect((await t.call('GET', '/api/auth/me', { token })).body.restrictions).toEqual({ readOnly: true });
    expect((await t.call('GET', '/api/workflows/ap-invoice-intake', { token })).status).toBe(200);
    expect((await t.call('POST', '/api/workflows/ap-invoice-intake/lint', { token, json: {} })).status).toBe(200);
    const draft = (await t.call('GET', '/api/workflows/ap-invoice-intake', { token })).body.draft;
    const attempts: [string, string, unknown][] = [
      ['POST', '/api/workflows', { name: 'Nope', graph: simple }],
      ['PUT', '/api/workflows/ap-invoice-intake/draft', { graph: draft }],
      ['PATCH', '/api/workflows/ap-invoice-intake', { name: 'Renamed' }],
      ['POST', '/api/workflows/ap-invoice-intake/versions', undefined],
      ['POST', '/api/workflows/ap-invoice-intake/runs', { input: {}, test: true }],
    ];
    for (const [method, path, json] of attempts) {
      const response = await t.call(method, path, { token, ...(json === undefined ? {} : { json }) });
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(response.body.error.message).toMatch(/read-only/);
    }
    const refused = await t.database.knex('audit_events').where({ tenant_id: 'demo', action: 'access.refused' }).andWhereRaw("actor->>'id' = ?", ['embed:u-1']);
    expect(refused.length).toBe(attempts.length);
  });
});

describe('an embed token limited to node categories', () => {
  const limited = () => embedToken(key, { restrictions: { nodeCategories: ['trigger', 'flow', 'data'] } });

  it('saves graphs of allowed nodes and refuses a node of another category with 422 naming it', async () => {
    const token = await limited();
    const created = await t.call('POST', '/api/workflows', { token, json: { name: 'Allowed', graph: simple } });
    expect(created.status).toBe(201);
    const added = { ...simple, nodes: [...simple.nodes, connector], edges: [...simple.edges, edge('mark', 'post')] };
    const refused = await t.call('PUT', `/api/workflows/${created.body.id}/draft`, { token, json: { graph: added } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/Node "post" \(connector\.http\) is a connector node/);
    expect(refused.body.error.issues).toEqual([expect.objectContaining({ code: 'node_category_not_allowed', nodeId: 'post', path: ['body', 'graph', 'nodes', 2] })]);
    expect((await t.call('POST', '/api/workflows', { token, json: { name: 'With connector', graph: added } })).status).toBe(422);
  });

  it('lets the session keep (and move or rename) nodes it may not change, but not reconfigure them', async () => {
    const token = await limited();
    const draft: LooseJson = (await t.call('GET', '/api/workflows/ap-invoice-intake', { token })).body.draft;
    const relabelled = structuredClone(draft);
    const erp = relabelled.nodes.find((n: { id: string }) => n.id === 'post-to-erp');
    erp.label = 'Post to the ERP';
    erp.position = { x: 1600, y: 100 };
    relabelled.nodes.find((n: { id: string }) => n.id === 'stop-duplicate').config.fields.status = 'duplicate-found';
    expect((await t.call('PUT', '/api/workflows/ap-invoice-intake/draft', { token, json: { graph: relabelled } })).status).toBe(200);

    erp.config.url = 'https://attacker.example/steal';
    const refused = await t.call('PUT', '/api/workflows/ap-invoice-intake/draft', { token, json: { graph: relabelled } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.issues[0].nodeId).toBe('post-to-erp');
  });

  it('refuses to version a draft into which someone else put a node of another category', async () => {
    const designer = await t.login('designer@demo.test');
    const created = await t.call('POST', '/api/workflows', { token: designer, json: { name: 'Mixed', graph: simple } });
    expect((await t.call('POST', `/api/workflows/${created.body.id}/versions`, { token: await limited() })).status).toBe(201);
    const added = { ...simple, nodes: [...simple.nodes, connector], edges: [...simple.edges, edge('mark', 'post')] };
    expect((await t.call('PUT', `/api/workflows/${created.body.id}/draft`, { token: designer, json: { graph: added } })).status).toBe(200);
    const refused = await t.call('POST', `/api/workflows/${created.body.id}/versions`, { token: await limited() });
    expect(refused.status).toBe(422);
    expect(refused.body.error.issues[0].nodeId).toBe('post');
    // Without restrictions the same save goes through.
    expect((await t.call('POST', `/api/workflows/${created.body.id}/versions`, { token: await embedToken(key) })).status).toBe(201);
  });
});
