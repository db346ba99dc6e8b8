import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { hashPassword } from '../auth/password.ts';
import { signEmbedToken } from '../embed/index.ts';
import { startTestRuntime, TEST_PASSWORD, type LooseJson, type TestRuntime } from './api-test-harness.ts';

// Tenant isolation, generated from the route table (GET /api/openapi.json lists every route): every
// authenticated route is called with tenant B's admin token and B's API key, aimed at tenant A's
// objects. Nothing of A may be read, changed or listed. A new route is covered without editing this
// test; a new route that takes a body needs a sample body below, or the test says so.
let t: TestRuntime;
const A: Record<string, string> = {};
const secrets: string[] = [];
let bToken: string;
let bKey: string;
let bEmbedKey: { id: string; secret: string };

/** Valid bodies, so that each call reaches the tenant check instead of stopping at validation. */
const BODIES: Record<string, (a: Record<string, string>) => unknown> = {
  createApiKey: () => ({ name: 'k', roles: ['operator'] }),
  createEmbedKey: () => ({ name: 'B embed key' }),
  setAuthorityLimits: () => ({ limits: [{ currency: 'EUR', limit: 1 }] }),
  createDelegation: (a) => ({ delegatorId: a['user'], delegateId: a['user2'], endsAt: new Date(Date.now() + 86_400_000).toISOString(), reason: 'r' }),
  createCredential: () => ({ name: 'c', kind: 'api_token', value: 'x' }),
  replaceCredentialValue: () => ({ value: 'y' }),
  startRun: () => ({ input: {}, test: true }),
  decideTask: () => ({ decision: 'approve' }),
  createClientTenant: () => ({ name: 'n', admin: { email: 'x@y.test', name: 'x', password: 'a-long-password-1' } }),
  editVersion: (a) => ({ graph: a['graphJson'] ? JSON.parse(a['graphJson']) : {} }),
  approveVersion: () => ({}),
  rejectVersion: () => ({ comment: 'c' }),
  lintWorkflow: () => ({}),
  createWorkflow: () => ({ name: 'w', graph: { schemaVersion: 1, nodes: [], edges: [], settings: {} } }),
  updateWorkflow: () => ({ name: 'renamed by B' }),
  updateDraft: (a) => ({ graph: a['graphJson'] ? JSON.parse(a['graphJson']) : {} }),
  publishTemplate: (a) => ({ workflowId: a['workflow'], version: 1, name: 't', category: 'c', parameters: { type: 'object', properties: {} }, audience: 'all' }),
  instantiateTemplate: () => ({ parameters: {} }),
  upgradeWorkflowTemplate: () => ({ preview: false }),
  updateBranding: () => ({ productName: 'B brand', primaryColor: '#0f766e', customDomains: ['flows.b.test'] }),
  updateClientBranding: () => ({ productName: 'B brand for A' }),
};

/** Which of A's objects a path parameter names, by the route's first path segment. */
function paramValue(path: string, name: string): string {
  const resource = path.split('/')[2] ?? '';
  if (name === 'version' || name === 'a' || name === 'b') return '1';
  const byResource: Record<string, string> = { workflows: 'workflow', runs: 'run', tasks: 'task', delegations: 'delegation', users: 'user', credentials: 'credential', 'api-keys': 'apiKey', tenants: 'tenant', embed: 'embedKey', templates: 'template' };
  return A[byResource[resource] ?? ''] ?? 'missing';
}

/** A snapshot of everything tenant A holds, to compare before and after B's calls. */
async function snapshotOfA(): Promise<string> {
  const knex = t.database.knex;
  const tables = ['workflows', 'workflow_versions', 'runs', 'run_steps', 'approval_tasks', 'approval_requests', 'delegations', 'authority_limits', 'users', 'credentials', 'api_keys', 'embed_keys', 'workflow_templates', 'tenant_branding', 'branding_domains', 'audit_events'];
  const parts: unknown[] = [];
  for (const table of tables) parts.push(await knex(table).where({ tenant_id: 'demo' }).count('* as n').first(), table);
  parts.push(await knex('workflows').where({ tenant_id: 'demo' }).select('id', 'name', 'draft', 'published_version').orderBy('id'));
  parts.push(await knex('workflow_versions').where({ tenant_id: 'demo' }).select('workflow_id', 'version', 'status', 'hash').orderBy(['workflow_id', 'version']));
  parts.push(await knex('runs').where({ tenant_id: 'demo' }).select('id', 'status', 'cancel_requested').orderBy('id'));
  parts.push(await knex('approval_tasks').where({ tenant_id: 'demo' }).select('id', 'status', 'decision').orderBy('id'));
  parts.push(await knex('api_keys').where({ tenant_id: 'demo' }).select('id', 'revoked_at').orderBy('id'));
  parts.push(await knex('embed_keys').where({ tenant_id: 'demo' }).select('id', 'revoked_at').orderBy('id'));
  parts.push(await knex('credentials').where({ tenant_id: 'demo' }).select('id', 'ciphertext', 'updated_at').orderBy('id'));
  parts.push(await knex('delegations').where({ tenant_id: 'demo' }).select('id', 'revoked_at').orderBy('id'));
  parts.push(await knex('authority_limits').where({ tenant_id: 'demo' }).select('user_id', 'currency', 'limit_minor').orderBy(['user_id', 'currency']));
  return JSON.stringify(parts);
}

beforeAll(async () => {
  t = await startTestRuntime();
  const admin = await t.login('admin@demo.test');
  const approver = await t.login('approver@demo.test');
  // Tenant A ('demo'): a waiting run with an open task, a delegation, a credential, an API key.
  const started = await t.call('POST', '/hooks/ap-invoice-intake', { json: { invoiceNumber: 'ISO-1', vendor: 'Acme', amount: 42_000, currency: 'EUR', invoiceDate: '2026-11-20', submittedBy: 'demo-operator' } });
  A['run'] = started.body.runId;
  for (let i = 0; !A['task']; i++) {
    A['task'] = (await t.call('GET', `/api/tasks?runId=${A['run']}`, { token: approver })).body.items[0]?.id;
    if (i > 400) throw new Error('no task');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  A['workflow'] = 'ap-invoice-intake';
  // A template A's partner published to all its clients: A sees it, B (not a client of that partner) must not.
  A['template'] = 'ap-invoice-approval';
  A['user'] = 'demo-approver';
  A['user2'] = 'demo-approver-2';
  A['tenant'] = 'demo';
  A['delegation'] = (await t.call('POST', '/api/delegations', { token: approver, json: { delegateId: 'demo-approver-2', endsAt: new Date(Date.now() + 86_400_000).toISOString(), reason: 'Holiday' } })).body.id;
  const credential = await t.call('POST', '/api/credentials', { token: admin, json: { name: 'erp-token', kind: 'api_token', value: 'A-SECRET-TOKEN-VALUE' } });
  A['credential'] = credential.body.id;
  secrets.push('A-SECRET-TOKEN-VALUE');
  const key = await t.call('POST', '/api/api-keys', { token: admin, json: { name: 'A key', roles: ['admin'] } });
  A['apiKey'] = key.body.apiKey.id;
  secrets.push(key.body.key);
  const embedKey = await t.call('POST', '/api/embed/keys', { token: admin, json: { name: 'A embed key' } });
  A['embedKey'] = embedKey.body.id;
  secrets.push(embedKey.body.secret);
  A['graphJson'] = JSON.stringify((await t.call('GET', '/api/workflows/ap-invoice-intake', { token: admin })).body.draft);

  // Tenant B: an admin (every permission) and an API key with every role.
  await t.database.knex('tenants').insert({ id: 'tenant-b', name: 'Tenant B' });
  await t.database.knex('users').insert({ id: 'b-admin', tenant_id: 'tenant-b', email: 'admin@b.test', name: 'B admin', password_hash: await hashPassword(TEST_PASSWORD), roles: JSON.stringify(['admin', 'designer', 'reviewer', 'approver', 'operator', 'auditor']) });
  bToken = await t.login('admin@b.test');
  bKey = (await t.call('POST', '/api/api-keys', { token: bToken, json: { name: 'B key', roles: ['admin', 'designer', 'reviewer', 'approver', 'operator', 'auditor'], rateLimitPerMinute: 100_000 } })).body.key;
  bEmbedKey = (await t.call('POST', '/api/embed/keys', { token: bToken, json: { name: 'B embed key' } })).body;
}, 60_000);
afterAll(async () => t?.close());

/** Strings that identify tenant A's objects: none may appear in anything B receives. */
const markersOfA = (): string[] => [A['run'], A['task'], A['delegation'], A['credential'], A['apiKey'], A['embedKey'], 'ap-invoice-intake', 'ap-invoice-approval', 'AP invoice approval', 'Demo Finance', 'approver@demo.test', ...secrets].filter((m): m is string => typeof m === 'string');

describe('tenant isolation (every route of the table)', () => {
  it.each(['token', 'api key', 'embed token'])("calls every route with tenant B's %s: nothing of A is read, changed or listed", async (how) => {
    const spec = (await t.call('GET', '/api/openapi.json')).body as LooseJson;
    const before = await snapshotOfA();
    const embed = () => signEmbedToken(bEmbedKey, { tenantId: 'tenant-b', userId: 'b-host-user', name: 'B host user', roles: ['admin', 'designer', 'reviewer', 'approver', 'operator', 'auditor'] });
    const credential = how === 'token' ? { token: bToken } : how === 'embed token' ? { token: await embed() } : { headers: { 'x-api-key': bKey } };
    const calls: string[] = [];
    for (const [path, methods] of Object.entries(spec.paths as Record<string, Record<string, LooseJson>>)) {
      for (const [method, operation] of Object.entries(methods)) {
        if (!Array.isArray(operation.security) || operation.security.length === 0) continue; // public: health, sign-in, OpenAPI, webhooks (by workflow id, no tenant data returned)
        const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(paramValue(path, name)));
        const body = operation.requestBody ? BODIES[operation.operationId as string] : undefined;
        if (operation.requestBody && !body) throw new Error(`No sample body for ${operation.operationId}: add one to BODIES so isolation is tested past validation`);
        const response = await t.call(method.toUpperCase(), url, { ...credential, ...(body ? { json: body(A) } : {}) });
        calls.push(`${method.toUpperCase()} ${url} -> ${response.status}`);
        expect(response.status, `${method.toUpperCase()} ${url}: ${JSON.stringify(response.body).slice(0, 200)}`).not.toBe(400);
        const text = JSON.stringify(response.body);
        for (const marker of markersOfA()) expect(text.includes(marker), `${method.toUpperCase()} ${url} leaked ${marker}: ${text.slice(0, 300)}`).toBe(false);
      }
    }
    expect(calls.length).toBeGreaterThan(40);
    if (process.env["SHOW_CALLS"]) console.log(calls.join("\n"));
    expect(await snapshotOfA()).toBe(before);
  });

  it.each(['token', 'apiKey'])("refuses tenant A's run to a socket of tenant B (%s)", async (how) => {
    const socket = io(t.baseUrl, { auth: how === 'token' ? { token: bToken } : { apiKey: bKey }, transports: ['websocket'] });
    const received: unknown[] = [];
    socket.on('run:event', (event) => received.push(event));
    const ack = (await socket.timeout(5_000).emitWithAck('run:subscribe', { runId: A['run'] })) as { ok: boolean };
    await new Promise((resolve) => setTimeout(resolve, 300));
    socket.close();
    expect(ack.ok).toBe(false);
    expect(received).toEqual([]);
  });
});
