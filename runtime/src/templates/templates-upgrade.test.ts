import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpgradeTemplateResponseSchema, WorkflowSchema, WorkflowTemplateResponseSchema } from '@countersign/shared';
import { startTestRuntime, type LooseJson, type TestRuntime } from '../api/api-test-harness.ts';
import { DEMO_TEMPLATE } from './demo-template.ts';
import { addUser, demoErpUrl, expectCall, publishBody, publishSourceChange } from './template-test-kit.ts';

let t: TestRuntime;
let designer: string;
let partner: string;
let erpUrl: string;
let workflowId: string;
beforeAll(async () => {
  t = await startTestRuntime();
  designer = await t.login('designer@demo.test');
  partner = await t.login('partner@demo.test');
  erpUrl = await demoErpUrl(t, designer);
  const created = await expectCall(t, 201, 'POST', `/api/templates/${DEMO_TEMPLATE.id}/instantiate`, { token: designer, json: { parameters: { erpUrl, approvalThreshold: 2_000_000 } } });
  workflowId = created.id;
}, 60_000);
afterAll(async () => t?.close());

const draftOf = async (): Promise<LooseJson> => WorkflowSchema.parse(await expectCall(t, 200, 'GET', `/api/workflows/${workflowId}`, { token: designer })).draft;
const config = (graph: LooseJson, id: string): Record<string, unknown> => graph.nodes.find((n: { id: string }) => n.id === id).config;
const upgrade = (json: unknown) => t.call('POST', `/api/workflows/${workflowId}/template/upgrade`, { token: designer, json });

describe('upgrading a workflow to a newer template version', () => {
  it('refuses while the workflow is on the latest version', async () => {
    expect((await upgrade({})).status).toBe(409);
    expect((await t.call('POST', '/api/workflows/ap-invoice-intake/template/upgrade', { token: designer, json: {} })).status).toBe(404);
  });

  it('previews, then applies the newer version with the kept parameters into the draft only, returning the diff', async () => {
    // The client edited its draft; the partner then publishes version 2 (a longer ERP timeout).
    const edited = await draftOf();
    edited.nodes.find((n: { id: string }) => n.id === 'overdue').label = 'Overdue, chase it';
    await expectCall(t, 200, 'PUT', `/api/workflows/${workflowId}/draft`, { token: designer, json: { graph: edited } });
    const reviewer = await addUser(t, 'demo-partner', 'partner-reviewer', ['reviewer']);
    const source = await publishSourceChange(t, partner, reviewer, (graph) => {
      graph.nodes.find((n: { id: string }) => n.id === 'post-to-erp').config.timeoutMs = 20_000;
    });
    await expectCall(t, 201, 'POST', '/api/templates', { token: partner, json: publishBody(source, { templateId: DEMO_TEMPLATE.id }) });

    const origin = WorkflowTemplateResponseSchema.parse(await expectCall(t, 200, 'GET', `/api/workflows/${workflowId}/template`, { token: designer })).origin;
    expect(origin).toMatchObject({ version: 1, latestVersion: 2, upgradeAvailable: true });

    const preview = UpgradeTemplateResponseSchema.parse(await expectCall(t, 200, 'POST', `/api/workflows/${workflowId}/template/upgrade`, { token: designer, json: { preview: true } }));
    expect(preview).toMatchObject({ from: 1, to: 2, applied: false, parameters: { erpUrl, approvalThreshold: 2_000_000, approverRole: 'approver' } });
    expect(config(await draftOf(), 'post-to-erp').timeoutMs).not.toBe(20_000);

    const applied = UpgradeTemplateResponseSchema.parse((await upgrade({})).body);
    expect(applied).toMatchObject({ from: 1, to: 2, applied: true });
    expect(applied.diff).toEqual(preview.diff);
    // The diff shows what the template changed and that the client's own draft edit is replaced.
    const changed = Object.fromEntries(applied.diff.nodesChanged.map((c) => [c.id, c.changes.map((x) => x.path)]));
    expect(changed['post-to-erp']).toEqual(['config.timeoutMs']);
    expect(applied.diff.nodesChanged.find((c) => c.id === 'overdue')?.renamed).toEqual({ before: 'Overdue, chase it', after: 'Approval overdue' });
    expect(applied.diff.nodesAdded).toEqual([]);

    const draft = await draftOf();
    expect(config(draft, 'post-to-erp')).toMatchObject({ url: erpUrl, timeoutMs: 20_000 });
    expect((config(draft, 'approval-matrix') as { rules: { when: string[] }[] }).rules[0]?.when).toEqual(['< 2000000']);
    const after = WorkflowTemplateResponseSchema.parse(await expectCall(t, 200, 'GET', `/api/workflows/${workflowId}/template`, { token: designer })).origin;
    expect(after).toMatchObject({ version: 2, latestVersion: 2, upgradeAvailable: false, parameters: { erpUrl, approvalThreshold: 2_000_000 } });
    expect(after?.upgradedAt).not.toBeNull();
    // Only the draft changed: no version was created, nothing was published.
    expect((await expectCall(t, 200, 'GET', `/api/workflows/${workflowId}/versions`, { token: designer })).items).toEqual([]);

    const audit = await expectCall(t, 200, 'GET', `/api/audit?action=template.upgraded`, { token: await t.login('auditor@demo.test') });
    expect(audit.items).toEqual([expect.objectContaining({ actor: expect.objectContaining({ id: 'demo-designer' }), target: { type: 'workflow', id: workflowId }, before: expect.objectContaining({ templateVersion: 1 }), after: expect.objectContaining({ templateVersion: 2 }) })]);
    expect((await upgrade({})).status).toBe(409);
  });

  it('is refused to reviewers and to another tenant (404)', async () => {
    expect((await t.call('POST', `/api/workflows/${workflowId}/template/upgrade`, { token: await t.login('reviewer@demo.test'), json: {} })).status).toBe(403);
    const other = await t.otherTenantToken();
    expect((await t.call('GET', `/api/workflows/${workflowId}/template`, { token: other })).status).toBe(404);
    expect((await t.call('POST', `/api/workflows/${workflowId}/template/upgrade`, { token: other, json: {} })).status).toBe(404);
  });
});
