import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hashPassword } from '../auth/password.ts';
import { TEST_PASSWORD, type LooseJson, type TestRuntime } from '../api/api-test-harness.ts';

/** A local HTTP server that records the headers of every request it answers (200, `{ "ok": true }`). */
export interface RecordingTarget {
  url: string;
  requests: IncomingHttpHeaders[];
  close(): Promise<void>;
}

/** Starts a {@link RecordingTarget} on a free port. */
export async function startRecordingTarget(): Promise<RecordingTarget> {
  const requests: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.headers);
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/inbox`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const node = (id: string, type: string, config: Record<string, unknown> = {}) => ({ id, type, typeVersion: 1, label: id, position: { x: 0, y: 0 }, config });

/** Saves a workflow (version 1): a manual trigger, then connector.http POSTing to `url` with the credential. */
export async function saveHttpWorkflow(t: TestRuntime, token: string, url: string, credentialId: string): Promise<string> {
  const graph = {
    schemaVersion: 1,
    nodes: [node('start', 'trigger.manual'), node('call', 'connector.http', { method: 'POST', url, purpose: 'notify', credentialId, body: { hello: 'erp' } })],
    edges: [{ id: 'e1', source: 'start', sourcePort: 'out', target: 'call', targetPort: 'in' }],
  };
  const created = await t.call('POST', '/api/workflows', { token, json: { name: `Uses ${credentialId}`, graph } });
  if (created.status !== 201) throw new Error(`creating the workflow failed: ${created.status} ${JSON.stringify(created.body)}`);
  const saved = await t.call('POST', `/api/workflows/${created.body.id}/versions`, { token });
  if (saved.status !== 201) throw new Error(`saving a version failed: ${saved.status} ${JSON.stringify(saved.body)}`);
  return created.body.id as string;
}

/** Starts a test run of the workflow's latest version and waits for its end. */
export async function testRun(t: TestRuntime, token: string, workflowId: string): Promise<LooseJson> {
  const started = await t.call('POST', `/api/workflows/${workflowId}/runs`, { token, json: { input: {}, test: true } });
  if (started.status !== 202) throw new Error(`starting the run failed: ${started.status} ${JSON.stringify(started.body)}`);
  return t.waitForRun(token, started.body.runId as string);
}

/** Creates a tenant with an admin and a designer; returns their tokens. */
export async function newTenant(t: TestRuntime, tenantId: string): Promise<{ admin: string; designer: string }> {
  const { knex } = t.database;
  await knex('tenants').insert({ id: tenantId, name: `Tenant ${tenantId}` });
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const user = (role: string) => ({ id: `${tenantId}-${role}`, tenant_id: tenantId, email: `${role}@${tenantId}.test`, name: role, password_hash: passwordHash, roles: JSON.stringify([role]) });
  await knex('users').insert([user('admin'), user('designer')]);
  return { admin: await t.login(`admin@${tenantId}.test`), designer: await t.login(`designer@${tenantId}.test`) };
}
