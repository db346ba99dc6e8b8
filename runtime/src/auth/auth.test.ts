import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CountersignError } from '@countersign/shared';
import { connectDatabase, type Database } from '../db/connect.ts';
import { generateApiKey } from '../api-keys/api-key-secret.ts';
import { createAuth, type Auth } from './auth.ts';
import { hashPassword, verifyPassword } from './password.ts';

let db: Database;
let auth: Auth;

beforeAll(async () => {
  db = await connectDatabase({ dataDir: ':memory:' });
  auth = await createAuth(db.knex);
  await db.knex('tenants').insert({ id: 't1', name: 'Tenant one' });
  await db.knex('users').insert({ id: 'u1', tenant_id: 't1', email: 'ann@t1.test', name: 'Ann', password_hash: await hashPassword('correct horse'), roles: JSON.stringify(['designer']) });
});

afterAll(async () => {
  await db?.close();
});

async function rejection(promise: Promise<unknown>): Promise<CountersignError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(CountersignError);
  return error as CountersignError;
}

describe('passwords', () => {
  it('hashes with scrypt and a random salt, and verifies', async () => {
    const one = await hashPassword('s3cret');
    const two = await hashPassword('s3cret');
    expect(one).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/);
    expect(one).not.toBe(two);
    expect(await verifyPassword('s3cret', one)).toBe(true);
    expect(await verifyPassword('s3cret!', one)).toBe(false);
    expect(await verifyPassword('s3cret', 'plain-text')).toBe(false);
    expect(await verifyPassword('s3cret', 'scrypt$999999999$8$1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5')).toBe(false);
  });
});

describe('auth', () => {
  it('logs in and verifies the token back to the user', async () => {
    const { token, user } = await auth.login('ANN@t1.test', 'correct horse');
    // Sign-in also says what kind of tenant it is (the app shows a partner's pages by it).
    expect(user).toEqual({ id: 'u1', tenantId: 't1', email: 'ann@t1.test', name: 'Ann', roles: ['designer'], tenantKind: 'standalone' });
    const { tenantKind: _kind, ...verified } = user;
    expect(await auth.verify(token)).toEqual(verified);
  });

  it('gives the same error for a wrong password and an unknown email', async () => {
    const wrong = await rejection(auth.login('ann@t1.test', 'wrong'));
    const unknown = await rejection(auth.login('bob@t1.test', 'wrong'));
    expect([wrong.code, wrong.message]).toEqual(['UNAUTHENTICATED', 'Email or password is wrong']);
    expect([unknown.code, unknown.message]).toEqual([wrong.code, wrong.message]);
  });

  it('refuses tampered, foreign and expired tokens with 401', async () => {
    const { token } = await auth.login('ann@t1.test', 'correct horse');
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url')}.${signature}`;
    expect((await rejection(auth.verify(forged))).status).toBe(401);
    const foreign = await new SignJWT({ tid: 't1' }).setProtectedHeader({ alg: 'HS256' }).setSubject('u1').setIssuer('countersign').setExpirationTime('1h').sign(new TextEncoder().encode('x'.repeat(48)));
    expect((await rejection(auth.verify(foreign))).code).toBe('UNAUTHENTICATED');
    const row = await db.knex('runtime_settings').where({ key: 'jwt_secret' }).first();
    const expired = await new SignJWT({ tid: 't1' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u1')
      .setIssuer('countersign')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(row.value));
    expect((await rejection(auth.verify(expired))).code).toBe('UNAUTHENTICATED');
    expect((await rejection(auth.verify('garbage'))).code).toBe('UNAUTHENTICATED');
  });

  it('shares the generated secret through the database, so another process accepts the token', async () => {
    const other = await createAuth(db.knex);
    const { token } = await auth.login('ann@t1.test', 'correct horse');
    expect((await other.verify(token)).id).toBe('u1');
    const configured = await createAuth(db.knex, 'a-configured-secret-of-at-least-32-characters');
    expect((await rejection(configured.verify(token))).code).toBe('UNAUTHENTICATED');
  });

  it('refuses the token of a user who no longer exists', async () => {
    await db.knex('users').insert({ id: 'u2', tenant_id: 't1', email: 'gone@t1.test', name: 'Gone', password_hash: await hashPassword('pw-pw-pw'), roles: '[]' });
    const { token } = await auth.login('gone@t1.test', 'pw-pw-pw');
    await db.knex('users').where({ id: 'u2' }).delete();
    expect((await rejection(auth.verify(token))).code).toBe('UNAUTHENTICATED');
  });

  it('authenticates an API key as its own caller, with its rate limit; a sign-in token has none', async () => {
    const { key, prefix, hash } = generateApiKey();
    await db.knex('api_keys').insert({ id: 'k1', tenant_id: 't1', name: 'Partner server', prefix, key_hash: hash, roles: JSON.stringify(['operator']), rate_limit_per_minute: 60, created_by: 'u1' });
    const user = { id: 'apikey:k1', tenantId: 't1', email: '', name: 'Partner server', roles: ['operator'] };
    expect(await auth.authenticate(key)).toEqual({ user, apiKey: { id: 'k1', rateLimitPerMinute: 60 } });
    expect(await auth.verify(key)).toEqual(user);
    const { token } = await auth.login('ann@t1.test', 'correct horse');
    expect(await auth.authenticate(token)).toEqual({ user: expect.objectContaining({ id: 'u1' }) });
    await db.knex('api_keys').where({ id: 'k1' }).update({ revoked_at: new Date() });
    expect((await rejection(auth.verify(key))).message).toContain('revoked');
    expect((await rejection(auth.authenticate(`${key}x`))).message).toMatch(/^Unknown API key/);
  });
});
