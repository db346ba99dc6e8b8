import { TEST_PASSWORD, type LooseJson, type TestRuntime } from '../api/api-test-harness.ts';
import { hashPassword } from '../auth/password.ts';
import { DEMO_TEMPLATE, DEMO_TEMPLATE_PARAMETERS, DEMO_TEMPLATE_PLACEHOLDERS } from './demo-template.ts';

/** Adds a user to a tenant (demo password) and returns their token. */
export async function addUser(t: TestRuntime, tenantId: string, id: string, roles: string[]): Promise<string> {
  const email = `${id}@${tenantId}.test`;
  await t.database.knex('users').insert({ id, tenant_id: tenantId, email, name: id, password_hash: await hashPassword(TEST_PASSWORD), roles: JSON.stringify(roles) });
  return t.login(email);
}

/** Creates a partner tenant with a client of its own; returns their ids. */
export async function addPartnerWithClient(t: TestRuntime, prefix: string): Promise<{ partnerId: string; clientId: string }> {
  const partnerId = `${prefix}-partner`;
  const clientId = `${prefix}-client`;
  await t.database.knex('tenants').insert({ id: partnerId, name: `${prefix} partner`, kind: 'partner' });
  await t.database.knex('tenants').insert({ id: clientId, name: `${prefix} client`, kind: 'client', parent_id: partnerId });
  return { partnerId, clientId };
}

/** Calls the API and fails the test with the answer when the status is not the expected one. */
export async function expectCall(t: TestRuntime, status: number, method: string, path: string, options: { token: string; json?: unknown }): Promise<LooseJson> {
  const response = await t.call(method, path, options);
  if (response.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${response.status} ${JSON.stringify(response.body).slice(0, 500)}`);
  return response.body;
}

/**
 * Changes the partner's template source workflow and takes the change through its own review (the
 * partner author saves and submits, `reviewer` approves, the author publishes); returns the new version.
 */
export async function publishSourceChange(t: TestRuntime, partner: string, reviewer: string, change: (graph: LooseJson) => void): Promise<number> {
  const id = DEMO_TEMPLATE.sourceWorkflowId;
  const workflow = await expectCall(t, 200, 'GET', `/api/workflows/${id}`, { token: partner });
  const graph = structuredClone(workflow.draft);
  change(graph);
  await expectCall(t, 200, 'PUT', `/api/workflows/${id}/draft`, { token: partner, json: { graph } });
  const { version } = await expectCall(t, 201, 'POST', `/api/workflows/${id}/versions`, { token: partner });
  await expectCall(t, 200, 'POST', `/api/workflows/${id}/versions/${version}/submit`, { token: partner });
  await expectCall(t, 200, 'POST', `/api/workflows/${id}/versions/${version}/approve`, { token: reviewer, json: { comment: 'ok' } });
  await expectCall(t, 200, 'POST', `/api/workflows/${id}/versions/${version}/publish`, { token: partner });
  return version as number;
}

/** A `POST /api/templates` body publishing `version` of the partner's source workflow with the sample's parameters. */
export function publishBody(version: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    workflowId: DEMO_TEMPLATE.sourceWorkflowId,
    version,
    name: DEMO_TEMPLATE.name,
    description: 'AP approvals for clients',
    category: 'Accounts payable',
    parameters: DEMO_TEMPLATE_PARAMETERS,
    placeholders: DEMO_TEMPLATE_PLACEHOLDERS,
    audience: 'all',
    ...extra,
  };
}

/** The URL of the demo ERP inbox the test runtime's sample workflow posts to. */
export async function demoErpUrl(t: TestRuntime, token: string): Promise<string> {
  const workflow = await expectCall(t, 200, 'GET', '/api/workflows/ap-invoice-intake', { token });
  return workflow.draft.nodes.find((n: { id: string }) => n.id === 'post-to-erp').config.url as string;
}
