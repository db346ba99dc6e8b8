import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TemplateDetailSchema, TemplateListSchema } from '@countersign/shared';
import { startTestRuntime, type TestRuntime } from '../api/api-test-harness.ts';
import { DEMO_TEMPLATE } from './demo-template.ts';
import { addPartnerWithClient, addUser, expectCall, publishBody, publishSourceChange } from './template-test-kit.ts';

let t: TestRuntime;
let partner: string;
let partnerReviewer: string;
beforeAll(async () => {
  t = await startTestRuntime();
  partner = await t.login('partner@demo.test');
  partnerReviewer = await addUser(t, 'demo-partner', 'partner-reviewer', ['reviewer']);
}, 60_000);
afterAll(async () => t?.close());

const ids = (body: { items: { id: string }[] }): string[] => body.items.map((x) => x.id);

describe('publishing templates', () => {
  it('seeds the sample template, published by the demo partner to all its clients, with {{param:}} placeholders in its graph', async () => {
    const listed = TemplateListSchema.parse(await expectCall(t, 200, 'GET', '/api/templates', { token: partner }));
    expect(listed.viewer).toBe('partner');
    expect(listed.items).toEqual([expect.objectContaining({ id: DEMO_TEMPLATE.id, name: 'AP invoice approval', version: 1, audience: 'all', partnerTenantId: 'demo-partner', sourceWorkflowId: DEMO_TEMPLATE.sourceWorkflowId })]);
    const detail = TemplateDetailSchema.parse(await expectCall(t, 200, 'GET', `/api/templates/${DEMO_TEMPLATE.id}`, { token: partner }));
    const post = detail.graph.nodes.find((n) => n.id === 'post-to-erp');
    expect(post?.config).toMatchObject({ url: '{{param:erpUrl}}', credentialId: '{{param:erpCredential}}' });
    expect(detail.parameters.required).toEqual(['erpUrl']);
  });

  it('publishes only from a partner admin, only a published version of its own workflow', async () => {
    const body = publishBody(1, { name: 'Copy' });
    // A client admin holds tenant.manage but is no partner; a designer lacks the permission.
    expect((await t.call('POST', '/api/templates', { token: await t.login('admin@demo.test'), json: { ...body, workflowId: 'ap-invoice-intake' } })).status).toBe(403);
    expect((await t.call('POST', '/api/templates', { token: await t.login('designer@demo.test'), json: body })).status).toBe(403);
    // Another tenant's workflow is not found; an unpublished version is refused.
    expect((await t.call('POST', '/api/templates', { token: partner, json: { ...body, workflowId: 'ap-invoice-intake' } })).status).toBe(404);
    await expectCall(t, 200, 'PUT', `/api/workflows/${DEMO_TEMPLATE.sourceWorkflowId}/draft`, {
      token: partner,
      json: { graph: (await expectCall(t, 200, 'GET', `/api/workflows/${DEMO_TEMPLATE.sourceWorkflowId}`, { token: partner })).draft },
    });
    const { version } = await expectCall(t, 201, 'POST', `/api/workflows/${DEMO_TEMPLATE.sourceWorkflowId}/versions`, { token: partner });
    const draft = await t.call('POST', '/api/templates', { token: partner, json: publishBody(version) });
    expect(draft.status).toBe(409);
    expect(draft.body.error.message).toMatch(/only a published version/);
  });

  it('refuses a parameters schema that is not an object schema, unsupported keywords, and placeholders that do not fit', async () => {
    const notObject = await t.call('POST', '/api/templates', { token: partner, json: publishBody(1, { parameters: { type: 'string' } }) });
    expect(notObject.status).toBe(400);
    const keyword = await t.call('POST', '/api/templates', { token: partner, json: publishBody(1, { parameters: { type: 'object', properties: { a: { type: 'string', pattern: '^x' } } } }) });
    expect(keyword.status).toBe(400);
    expect(keyword.body.error.issues[0]).toMatchObject({ path: ['body', 'parameters', 'properties', 'a'], message: expect.stringMatching(/Unsupported JSON Schema keyword\(s\) pattern/) });
    const badDefault = await t.call('POST', '/api/templates', { token: partner, json: publishBody(1, { parameters: { type: 'object', properties: { n: { type: 'integer', minimum: 5, default: 1 } } }, placeholders: [] }) });
    expect(badDefault.status).toBe(422);
    expect(badDefault.body.error.issues[0].path).toEqual(['body', 'parameters', 'properties', 'n', 'default']);
    const misfit = await t.call('POST', '/api/templates', {
      token: partner,
      json: publishBody(1, { placeholders: [{ nodeId: 'nope', path: ['url'], value: '{{param:erpUrl}}' }, { nodeId: 'post-to-erp', path: ['url'], value: '{{param:typo}}' }, { nodeId: 'post-to-erp', path: ['a', 'b'], value: '{{param:erpUrl}}' }] }),
    });
    expect(misfit.status).toBe(422);
    expect(misfit.body.error.issues.map((i: { code: string; path: unknown[] }) => [i.code, i.path.join('.')])).toEqual([
      ['unknown_node', 'body.placeholders.0.nodeId'],
      ['unknown_parameter', 'body.placeholders.1.value'],
      ['unknown_path', 'body.placeholders.2.path'],
    ]);
  });

  it('publishes the next version of an existing template and audits it in the partner chain', async () => {
    const version = await publishSourceChange(t, partner, partnerReviewer, (graph) => {
      const post = graph.nodes.find((n: { id: string }) => n.id === 'post-to-erp');
      post.config.timeoutMs = 20_000;
    });
    const published = TemplateDetailSchema.parse(await expectCall(t, 201, 'POST', '/api/templates', { token: partner, json: publishBody(version, { templateId: DEMO_TEMPLATE.id, description: 'v2' }) }));
    expect(published).toMatchObject({ id: DEMO_TEMPLATE.id, version: 2, sourceVersion: version, description: 'v2', publishedBy: 'demo-partner-admin' });
    expect(published.graph.nodes.find((n) => n.id === 'post-to-erp')?.config).toMatchObject({ url: '{{param:erpUrl}}', timeoutMs: 20_000 });
    expect((await t.call('POST', '/api/templates', { token: partner, json: publishBody(version, { templateId: 'no-such-template' }) })).status).toBe(404);
    const audit = await expectCall(t, 200, 'GET', '/api/audit?action=template.published', { token: partner });
    expect(audit.items[0]).toMatchObject({ actor: { id: 'demo-partner-admin' }, target: { type: 'template', id: DEMO_TEMPLATE.id }, after: { version: 2, sourceVersion: version } });
    expect((await expectCall(t, 200, 'GET', '/api/audit/verify', { token: partner })).ok).toBe(true);
  });
});

describe('who sees a template', () => {
  it('shows a template published to chosen clients only to them, and never names the other clients to a client', async () => {
    await t.database.knex('tenants').insert({ id: 'demo-2', name: 'Second client', kind: 'client', parent_id: 'demo-partner' });
    const second = await addUser(t, 'demo-2', 'second-designer', ['designer']);
    const chosen = TemplateDetailSchema.parse(await expectCall(t, 201, 'POST', '/api/templates', { token: partner, json: publishBody(1, { name: 'Chosen only', audience: ['demo-2'] }) }));
    const both = TemplateDetailSchema.parse(await expectCall(t, 201, 'POST', '/api/templates', { token: partner, json: publishBody(1, { name: 'Both', audience: ['demo', 'demo-2'] }) }));
    expect((await t.call('POST', '/api/templates', { token: partner, json: publishBody(1, { audience: ['their-client'] }) })).status).toBe(422);

    const demo = await t.login('auditor@demo.test');
    const forDemo = TemplateListSchema.parse(await expectCall(t, 200, 'GET', '/api/templates', { token: demo }));
    expect(forDemo.viewer).toBe('client');
    expect(ids(forDemo)).toEqual(expect.arrayContaining([DEMO_TEMPLATE.id, both.id]));
    expect(ids(forDemo)).not.toContain(chosen.id);
    expect(forDemo.items.find((x) => x.id === both.id)?.audience).toEqual(['demo']);
    expect((await t.call('GET', `/api/templates/${chosen.id}`, { token: demo })).status).toBe(404);
    expect(ids(await expectCall(t, 200, 'GET', '/api/templates', { token: second }))).toEqual(expect.arrayContaining([chosen.id, both.id, DEMO_TEMPLATE.id]));
    expect((await expectCall(t, 200, 'GET', `/api/templates/${both.id}`, { token: second })).audience).toEqual(['demo-2']);
  });

  it("hides every template from a client of another partner and from a standalone tenant (404, empty list)", async () => {
    const { clientId } = await addPartnerWithClient(t, 'other');
    const outsider = await addUser(t, clientId, 'other-designer', ['designer']);
    const listed = TemplateListSchema.parse(await expectCall(t, 200, 'GET', '/api/templates', { token: outsider }));
    expect(listed).toEqual({ items: [], viewer: 'client' });
    expect((await t.call('GET', `/api/templates/${DEMO_TEMPLATE.id}`, { token: outsider })).status).toBe(404);
    expect((await t.call('POST', `/api/templates/${DEMO_TEMPLATE.id}/instantiate`, { token: outsider, json: { parameters: { erpUrl: 'https://erp.test' } } })).status).toBe(404);
    const standalone = await t.otherTenantToken();
    expect(await expectCall(t, 200, 'GET', '/api/templates', { token: standalone })).toEqual({ items: [], viewer: 'standalone' });
    expect((await t.call('GET', `/api/templates/${DEMO_TEMPLATE.id}`, { token: standalone })).status).toBe(404);
  });
});
