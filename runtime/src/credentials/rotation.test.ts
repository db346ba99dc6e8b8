import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../api/api-test-harness.ts';
import { connectDatabase, type Database } from '../db/connect.ts';
import type { CredentialKey } from './credential-keys.ts';
import { saveHttpWorkflow, startRecordingTarget, testRun, type RecordingTarget } from './credential-test-kit.ts';

const A: CredentialKey = { id: 'key-a', key: randomBytes(32) };
const B: CredentialKey = { id: 'key-b', key: randomBytes(32) };
const VALUE = 'tok-rotation-5555';

let database: Database;
let target: RecordingTarget;

beforeAll(async () => {
  database = await connectDatabase({ dataDir: ':memory:' });
  target = await startRecordingTarget();
});

afterAll(async () => {
  await target?.close();
  await database?.close();
});

/** Runs `work` against a runtime on the shared database holding `keys`, then stops it (a restart with other keys). */
async function withKeys<T>(keys: CredentialKey[], work: (t: TestRuntime, tokens: { admin: string; designer: string }) => Promise<T>): Promise<T> {
  const t = await startTestRuntime({ database, credentialKeys: keys });
  try {
    return await work(t, { admin: await t.login('admin@demo.test'), designer: await t.login('designer@demo.test') });
  } finally {
    await t.close();
  }
}

describe('credential key rotation', () => {
  it('moves credentials from key A to key B; afterwards B alone opens them and A alone fails clearly', async () => {
    const { credentialId, workflowId, sealedUnderA } = await withKeys([A], async (t, { admin, designer }) => {
      const created = await t.call('POST', '/api/credentials', { token: admin, json: { name: 'Rotating', kind: 'api_token', value: VALUE } });
      expect(created.body.keyId).toBe('key-a');
      const id = await saveHttpWorkflow(t, designer, target.url, created.body.id);
      expect((await testRun(t, designer, id)).status).toBe('succeeded');
      const row = await database.knex('credentials').where({ id: created.body.id }).first('ciphertext');
      return { credentialId: created.body.id as string, workflowId: id, sealedUnderA: row.ciphertext as string };
    });

    await withKeys([B, A], async (t, { admin, designer }) => {
      // Before the rotation, A still opens what it sealed.
      expect((await testRun(t, designer, workflowId)).status).toBe('succeeded');
      const rotated = await t.call('POST', '/api/credentials/rotate', { token: admin });
      expect(rotated).toEqual({ status: 200, body: { rotated: 1, currentKeyId: 'key-b' } });
      expect((await t.call('GET', `/api/credentials/${credentialId}`, { token: admin })).body.keyId).toBe('key-b');
      expect((await t.call('POST', '/api/credentials/rotate', { token: admin })).body).toEqual({ rotated: 0, currentKeyId: 'key-b' });
      const row = await database.knex('credentials').where({ id: credentialId }).first('ciphertext', 'key_id');
      expect(row).toMatchObject({ key_id: 'key-b' });
      expect(row.ciphertext).not.toBe(sealedUnderA);
      const audit = await t.call('GET', '/api/audit', { token: await t.login('auditor@demo.test') });
      const event = (audit.body.items as { action: string; after: unknown }[]).find((e) => e.action === 'credential.rotated' && JSON.stringify(e.after).includes('"rotated":1'));
      expect(event?.after).toEqual({ rotated: 1, currentKeyId: 'key-b', fromKeys: ['key-a'], credentialIds: [credentialId] });
    });

    await withKeys([B], async (t, { designer }) => {
      expect((await testRun(t, designer, workflowId)).status).toBe('succeeded');
      expect(target.requests.at(-1)?.authorization).toBe(`Bearer ${VALUE}`);
    });

    await withKeys([A], async (t, { admin, designer }) => {
      const before = target.requests.length;
      const run = await testRun(t, designer, workflowId);
      expect(run.status).toBe('failed');
      const error = run.steps.find((s: { nodeId: string }) => s.nodeId === 'call').error;
      expect(error).toMatchObject({ code: 'UNAVAILABLE' });
      expect(error.message).toBe(
        `Credential ${credentialId} is sealed with key "key-b", which this runtime does not hold: list it in COUNTERSIGN_CREDENTIAL_KEYS (after the current key) until the credentials are rotated`,
      );
      expect(target.requests.length).toBe(before);
      // Rotating cannot help without the key: it changes nothing and says why.
      const refused = await t.call('POST', '/api/credentials/rotate', { token: admin });
      expect(refused.status).toBe(503);
      expect(refused.body.error.message).toMatch(/sealed with key "key-b", which this runtime does not hold/);
    });
  });
});
