import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbedKeyListSchema } from '@countersign/shared';
import { startTestRuntime, type TestRuntime } from '../api/api-test-harness.ts';
import type { CredentialKey } from '../credentials/index.ts';
import { connectDatabase, type Database } from '../db/connect.ts';
import { createEmbedKey, embedToken, type HeldEmbedKey } from './embed-test-kit.ts';

const A: CredentialKey = { id: 'key-a', key: randomBytes(32) };
const B: CredentialKey = { id: 'key-b', key: randomBytes(32) };

let database: Database;

beforeAll(async () => {
  database = await connectDatabase({ dataDir: ':memory:' });
});

afterAll(async () => {
  await database?.close();
});

/** Runs `work` against a runtime on the shared database holding `keys`, then stops it (a restart with other keys). */
async function withKeys<T>(keys: CredentialKey[], work: (t: TestRuntime, admin: string) => Promise<T>): Promise<T> {
  const t = await startTestRuntime({ database, credentialKeys: keys });
  try {
    return await work(t, await t.login('admin@demo.test'));
  } finally {
    await t.close();
  }
}

describe('embed keys', () => {
  let held: HeldEmbedKey;

  it('shows the secret once; the listing, the database and the audit trail never hold it', async () => {
    await withKeys([A], async (t, admin) => {
      held = await createEmbedKey(t, admin, 'Northwind Portal');
      expect(held.id).toMatch(/^ek_/);
      expect(held.secret).toMatch(/^cses_[A-Za-z0-9_-]{43}$/);
      const list = await t.call('GET', '/api/embed/keys', { token: admin });
      expect(EmbedKeyListSchema.parse(list.body).items).toEqual([{ id: held.id, name: 'Northwind Portal', createdBy: 'demo-admin', createdAt: expect.any(String), lastUsedAt: null, revokedAt: null }]);
      const row = await t.database.knex('embed_keys').where({ id: held.id }).first();
      expect(row.key_id).toBe('key-a');
      const stored = JSON.stringify([row, await t.database.knex('audit_events').where({ target_id: held.id })]);
      expect(stored).not.toContain(held.secret);
      expect(stored).not.toContain(held.secret.slice(5));
      expect((await t.call('GET', '/api/workflows', { token: await embedToken(held) })).status).toBe(200);
      expect((await t.call('GET', '/api/embed/keys', { token: admin })).body.items[0].lastUsedAt).not.toBeNull();
    });
  });

  it('is for admins only', async () => {
    await withKeys([A], async (t) => {
      const designer = await t.login('designer@demo.test');
      expect((await t.call('POST', '/api/embed/keys', { token: designer, json: { name: 'mine' } })).status).toBe(403);
      expect((await t.call('GET', '/api/embed/keys', { token: designer })).status).toBe(403);
    });
  });

  it('keeps working across a credential key rotation: re-sealed under the new key on use', async () => {
    await withKeys([B, A], async (t) => {
      expect((await t.call('GET', '/api/workflows', { token: await embedToken(held) })).status).toBe(200);
      expect((await t.database.knex('embed_keys').where({ id: held.id }).first()).key_id).toBe('key-b');
    });
    await withKeys([B], async (t) => {
      expect((await t.call('GET', '/api/workflows', { token: await embedToken(held) })).status).toBe(200);
    });
  });
});
