import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowSchema, WorkflowTemplateResponseSchema } from '@countersign/shared';
import { startTestRuntime, type TestRuntime } from '../api/api-test-harness.ts';
import { DEMO_TEMPLATE } from './demo-template.ts';
import { demoErpUrl, expectCall } from './template-test-kit.ts';

let t: TestRuntime;
let designer: string;
let erpUrl: string;
beforeAll(async () => {
  t = await startTestRuntime();
  designer = await t.login('designer@demo.test');
  erpUrl = await demoErpUrl(t, designer);
}, 60_000);
afterAll(async () => t?.close());

const instantiate = (token: string, json: unknown) => t.call('POST', `/api/templates/${DEMO_TEMPLATE.id}/instantiate`, { token, json });
const node = (graph: { nodes: { id: string; config: Record<string, unknown> }[] }, id: string) => graph.nodes.find((n) => n.id === id)?.config ?? {};

describe('instantiating a template', () => {
  it('refuses invalid parameters with a 422 naming each field', async () => {
    const missing = await instantiate(designer, { parameters: {} });
    expect(missing.status).toBe(422);
    expect(missing.body.error.issues).toEqual([{ code: 'required', path: ['body', 'parameters', 'erpUrl'], message: 'ERP URL is required' }]);
    const bad = await instantiate(designer, { parameters: { erpUrl: 'not a url', approvalThreshold: 12.5, approverRole: '', erpCredential: 'no-such-credential', colour: 'red' } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues.map((i: { code: string; path: string[] }) => [i.code, i.path[2]])).toEqual([
      ['unknown_parameter', 'colour'],
      ['invalid_format', 'erpUrl'],
      ['invalid_type', 'approvalThreshold'],
      ['too_small', 'approverRole'],
      ['unknown_credential', 'erpCredential'],
    ]);
    const tooHigh = await instantiate(designer, { parameters: { erpUrl, approvalThreshold: 9_000_000 } });
    expect(tooHigh.body.error.issues).toEqual([expect.objectContaining({ code: 'too_big', path: ['body', 'parameters', 'approvalThreshold'] })]);
    // A value the schema allows but the graph does not (the HTTP node takes only http and https) is pinned on its parameter too.
    const ftp = await instantiate(designer, { parameters: { erpUrl: 'ftp://erp.example.com/in' } });
    expect(ftp.status).toBe(422);
    expect(ftp.body.error.issues[0].path).toEqual(['body', 'parameters', 'erpUrl']);
    expect(await t.database.knex('workflow_templates').count('* as n').first()).toMatchObject({ n: 0 });
  });

  it('creates a draft in the client tenant with the parameters substituted (types kept), recorded and audited', async () => {
    const admin = await t.login('admin@demo.test');
    const credential = await expectCall(t, 201, 'POST', '/api/credentials', { token: admin, json: { name: 'erp', kind: 'api_token', value: 'secret-token' } });
    const response = await instantiate(designer, { name: 'Our AP approvals', parameters: { erpUrl, approvalThreshold: 2_500_000, approverRole: 'controller', erpCredential: credential.id } });
    expect(response.status).toBe(201);
    const workflow = WorkflowSchema.parse(response.body);
    expect(workflow).toMatchObject({ name: 'Our AP approvals', createdBy: 'demo-designer', latestVersion: null, publishedVersion: null });
    expect(node(workflow.draft, 'post-to-erp')).toMatchObject({ url: erpUrl, credentialId: credential.id });
    const matrix = node(workflow.draft, 'approval-matrix') as { rules: { when: string[]; then: unknown[] }[] };
    expect(matrix.rules[0]).toMatchObject({ when: ['< 2500000'], then: [1, 'controller'] });
    expect(matrix.rules[1]?.when).toEqual(['[2500000..5000000)']);
    expect(node(workflow.draft, 'review-suspect')).toMatchObject({ levels: [{ assignees: ['role:controller'] }] });

    const origin = WorkflowTemplateResponseSchema.parse(await expectCall(t, 200, 'GET', `/api/workflows/${workflow.id}/template`, { token: designer })).origin;
    expect(origin).toMatchObject({ templateId: DEMO_TEMPLATE.id, templateName: 'AP invoice approval', version: 1, latestVersion: 1, upgradeAvailable: false, instantiatedBy: 'demo-designer' });
    expect(origin?.parameters).toEqual({ erpUrl, approvalThreshold: 2_500_000, approverRole: 'controller', erpCredential: credential.id });
    expect((await expectCall(t, 200, 'GET', '/api/workflows/ap-invoice-intake/template', { token: designer })).origin).toBeNull();

    const audit = await expectCall(t, 200, 'GET', `/api/audit?targetId=${workflow.id}`, { token: await t.login('auditor@demo.test') });
    expect(audit.items.map((e: { action: string }) => e.action).sort()).toEqual(['template.instantiated', 'workflow.created']);
    expect(audit.items.find((e: { action: string }) => e.action === 'template.instantiated')).toMatchObject({ actor: { id: 'demo-designer' }, after: { templateId: DEMO_TEMPLATE.id, templateVersion: 1, partnerId: 'demo-partner' } });
  });

  it('leaves out an optional parameter without a default, and fills in defaults', async () => {
    const workflow = WorkflowSchema.parse(await expectCall(t, 201, 'POST', `/api/templates/${DEMO_TEMPLATE.id}/instantiate`, { token: designer, json: { parameters: { erpUrl } } }));
    expect(workflow.name).toBe('AP invoice approval');
    expect('credentialId' in node(workflow.draft, 'post-to-erp')).toBe(false);
    expect((node(workflow.draft, 'approval-matrix') as { rules: { when: string[] }[] }).rules[0]?.when).toEqual(['< 1000000']);
  });

  it('gives a draft that needs its own review: no production run until a version is approved and published', async () => {
    const workflow = WorkflowSchema.parse(await expectCall(t, 201, 'POST', `/api/templates/${DEMO_TEMPLATE.id}/instantiate`, { token: designer, json: { parameters: { erpUrl } } }));
    const run = { input: { invoiceNumber: 'T-1', vendor: 'Acme', amount: 1_000, currency: 'EUR', invoiceDate: '2026-11-20', submittedBy: 'demo-operator' } };
    const refused = await t.call('POST', `/api/workflows/${workflow.id}/runs`, { token: designer, json: run });
    expect(refused.status).toBe(409);
    expect((await t.call('POST', `/hooks/${workflow.id}`, { json: run.input })).status).toBeGreaterThanOrEqual(400);
    const { version } = await expectCall(t, 201, 'POST', `/api/workflows/${workflow.id}/versions`, { token: designer });
    // Reviewed like any workflow: another user (here the client's admin) approves what the designer submitted.
    await expectCall(t, 200, 'POST', `/api/workflows/${workflow.id}/versions/${version}/submit`, { token: designer });
    expect((await t.call('POST', `/api/workflows/${workflow.id}/versions/${version}/approve`, { token: await t.login('admin@demo.test'), json: {} })).status).toBe(200);
    await expectCall(t, 200, 'POST', `/api/workflows/${workflow.id}/versions/${version}/publish`, { token: designer });
    expect((await t.call('POST', `/api/workflows/${workflow.id}/runs`, { token: designer, json: run })).status).toBe(202);
  });

  it('is for client designers and admins: not reviewers, not the partner itself', async () => {
    expect((await instantiate(await t.login('reviewer@demo.test'), { parameters: { erpUrl } })).status).toBe(403);
    const partner = await instantiate(await t.login('partner@demo.test'), { parameters: { erpUrl } });
    expect(partner.status).toBe(403);
    expect(partner.body.error.message).toMatch(/switch into one of your clients/);
  });
});
