import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../api/api-test-harness.ts';
import { newTenant } from '../credentials/credential-test-kit.ts';
import { signWebhook } from '../notifications/index.ts';

const SECRET = `whsec_${randomBytes(32).toString('base64')}`;
const node = (id: string, type: string, config: Record<string, unknown> = {}) => ({ id, type, typeVersion: 1, label: id, position: { x: 0, y: 0 }, config });

let t: TestRuntime;
let designer: string;
let admin: string;
let secretId: string;

beforeAll(async () => {
  t = await startTestRuntime();
  designer = await t.login('designer@demo.test');
  admin = await t.login('admin@demo.test');
  const created = await t.call('POST', '/api/credentials', { token: admin, json: { name: 'erp-hook', kind: 'webhook_secret', value: SECRET } });
  secretId = created.body.id as string;
});

afterAll(async () => {
  await t?.close();
});

/** Publishes a workflow whose webhook trigger at `invoices` names `signatureSecret`; returns its hook URL path. */
async function signedHook(signatureSecret: string): Promise<{ path: string; workflowId: string }> {
  const graph = { schemaVersion: 1, nodes: [node('hook', 'trigger.webhook', { path: 'invoices', signatureSecret }), node('mark', 'data.set', { fields: { seen: true } })], edges: [{ id: 'e', source: 'hook', sourcePort: 'out', target: 'mark', targetPort: 'in' }] };
  const { body: workflow } = await t.call('POST', '/api/workflows', { token: designer, json: { name: `Signed by ${signatureSecret}`, graph } });
  await t.call('POST', `/api/workflows/${workflow.id}/versions`, { token: designer });
  await t.publish(designer, workflow.id, 1);
  return { path: `/hooks/${workflow.id}/invoices`, workflowId: workflow.id as string };
}

/** Sends `body` (raw text) with Standard Webhooks headers. */
function deliver(path: string, body: string, headers: { id?: string; timestamp?: number; signature?: string } = {}, secret = SECRET) {
  const id = headers.id ?? `msg_${randomBytes(8).toString('hex')}`;
  const timestamp = headers.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = headers.signature ?? signWebhook(secret, id, timestamp, body);
  return t.call('POST', path, { body, headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature } });
}

const runCount = async (workflowId: string): Promise<number> => (await t.call('GET', `/api/runs?workflowId=${workflowId}`, { token: designer })).body.items.length;

describe('signed webhook triggers (Standard Webhooks)', () => {
  it('accepts a correctly signed call, checking the raw body as sent, and dedupes a replayed webhook-id', async () => {
    const { path, workflowId } = await signedHook('erp-hook');
    // Spacing that JSON re-encoding would lose: the signature covers these exact bytes.
    const body = '{ "invoice":  "INV-1",\n "amount": 12000 }';
    const first = await deliver(path, body, { id: 'msg_replay_1' });
    expect(first.status).toBe(202);
    expect(await t.waitForRun(designer, first.body.runId)).toMatchObject({ status: 'succeeded', output: { invoice: 'INV-1', amount: 12000, seen: true } });

    const replay = await deliver(path, body, { id: 'msg_replay_1' });
    expect(replay).toEqual({ status: 202, body: { runId: first.body.runId } });
    expect(await runCount(workflowId)).toBe(1);
    // The same id on another workflow is another delivery.
    const other = await signedHook(secretId);
    expect((await deliver(other.path, body, { id: 'msg_replay_1' })).body.runId).not.toBe(first.body.runId);
  });

  it('refuses unsigned, badly signed, tampered and stale calls with 401, starting nothing', async () => {
    const { path, workflowId } = await signedHook('erp-hook');
    const body = '{"invoice":"INV-2"}';
    const unsigned = await t.call('POST', path, { body, headers: { 'content-type': 'application/json' } });
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.error.message).toMatch(/requires a signed request .*webhook-id, webhook-timestamp and webhook-signature/);

    const wrongSecret = await deliver(path, body, {}, `whsec_${randomBytes(32).toString('base64')}`);
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.body.error.message).toBe('The webhook signature does not match the body and the signing secret');

    const now = Math.floor(Date.now() / 1000);
    const signedForOtherBody = signWebhook(SECRET, 'msg_t', now, '{"invoice":"INV-3"}');
    expect((await deliver(path, body, { id: 'msg_t', timestamp: now, signature: signedForOtherBody })).status).toBe(401);

    const stale = await deliver(path, body, { timestamp: now - 301 });
    expect(stale.status).toBe(401);
    expect(stale.body.error.message).toMatch(/more than 300 s from now/);
    expect((await deliver(path, body, { timestamp: now + 301 })).status).toBe(401);
    expect((await deliver(path, body, { signature: 'v1,bm90IGEgc2lnbmF0dXJl' })).status).toBe(401);
    expect(await runCount(workflowId)).toBe(0);
  });

  it('takes any one of several space-separated signatures (key rotation at the sender)', async () => {
    const { path } = await signedHook(secretId);
    const body = '{"invoice":"INV-4"}';
    const now = Math.floor(Date.now() / 1000);
    const oldKey = signWebhook(`whsec_${randomBytes(32).toString('base64')}`, 'msg_rot', now, body);
    const signature = `${oldKey} ${signWebhook(SECRET, 'msg_rot', now, body)}`;
    expect((await deliver(path, body, { id: 'msg_rot', timestamp: now, signature })).status).toBe(202);
  });

  it('fails closed when the named secret is missing, of another kind, or of another tenant', async () => {
    const token = await t.call('POST', '/api/credentials', { token: admin, json: { name: 'not-a-signing-key', kind: 'api_token', value: SECRET } });
    const other = await newTenant(t, 'hook-tenant-b');
    const foreign = await t.call('POST', '/api/credentials', { token: other.admin, json: { name: 'b-hook', kind: 'webhook_secret', value: SECRET } });
    for (const ref of ['no-such-secret', token.body.id as string, foreign.body.id as string]) {
      const { path } = await signedHook(ref);
      const refused = await deliver(path, '{}');
      expect(refused.status).toBe(401);
      expect(refused.body.error.message).toBe('The signing secret of this webhook trigger is not set up (it must name a webhook_secret credential); ask the workflow owner');
    }
  });
});
