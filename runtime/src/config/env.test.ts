import { describe, expect, it } from 'vitest';
import { loadEnv } from './env.ts';

describe('loadEnv', () => {
  it('applies defaults for an empty environment', () => {
    expect(loadEnv({})).toMatchObject({ PORT: 3000, COUNTERSIGN_DATA_DIR: './data', COUNTERSIGN_ROLE: 'all', COUNTERSIGN_LEASE_MS: 15_000, COUNTERSIGN_SEED: true });
  });

  it('stops the start with a message naming every bad variable', () => {
    expect(() => loadEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', COUNTERSIGN_ROLE: 'boss' })).toThrow(/PORT[\s\S]*DATABASE_URL: must be a postgres[\s\S]*COUNTERSIGN_ROLE/);
    expect(() => loadEnv({ COUNTERSIGN_DEMO_PASSWORD: 'short' })).toThrow(/COUNTERSIGN_DEMO_PASSWORD: must be at least 8 characters/);
  });

  it('treats an empty DATABASE_URL as unset (embedded database)', () => {
    expect(loadEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('leaves notifications off by default, with a default sender', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ MAIL_FROM: 'Countersign <no-reply@countersign.local>' });
    expect([env.SMTP_URL, env.NOTIFY_WEBHOOK_URL, env.NOTIFY_WEBHOOK_SECRET, env.PUBLIC_URL]).toEqual([undefined, undefined, undefined, undefined]);
    expect(loadEnv({ SMTP_URL: '', MAIL_FROM: '', NOTIFY_WEBHOOK_URL: '', PUBLIC_URL: '' })).toMatchObject({ SMTP_URL: undefined, MAIL_FROM: 'Countersign <no-reply@countersign.local>', PUBLIC_URL: undefined });
  });

  it('reads the notification settings', () => {
    const env = loadEnv({
      SMTP_URL: 'smtp://mail.internal:2525',
      MAIL_FROM: 'Approvals <approvals@example.com>',
      NOTIFY_WEBHOOK_URL: 'https://hooks.example.com/countersign',
      NOTIFY_WEBHOOK_SECRET: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      PUBLIC_URL: 'https://countersign.example.com/',
    });
    expect(env).toMatchObject({
      SMTP_URL: 'smtp://mail.internal:2525',
      MAIL_FROM: 'Approvals <approvals@example.com>',
      NOTIFY_WEBHOOK_URL: 'https://hooks.example.com/countersign',
      NOTIFY_WEBHOOK_SECRET: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      PUBLIC_URL: 'https://countersign.example.com',
    });
  });

  it('refuses malformed notification settings, and a webhook without a secret', () => {
    expect(() => loadEnv({ SMTP_URL: 'http://mail', NOTIFY_WEBHOOK_URL: 'ftp://x', PUBLIC_URL: 'countersign.example.com', MAIL_FROM: 'nobody' })).toThrow(
      /SMTP_URL: must be an smtp[\s\S]*MAIL_FROM: must hold an email address[\s\S]*NOTIFY_WEBHOOK_URL: must be an http[\s\S]*PUBLIC_URL: must be an http/,
    );
    expect(() => loadEnv({ NOTIFY_WEBHOOK_URL: 'https://hooks.example.com', NOTIFY_WEBHOOK_SECRET: 'short' })).toThrow(/NOTIFY_WEBHOOK_SECRET: must be at least 24 characters/);
    expect(() => loadEnv({ NOTIFY_WEBHOOK_URL: 'https://hooks.example.com' })).toThrow(/NOTIFY_WEBHOOK_SECRET: is required when NOTIFY_WEBHOOK_URL is set/);
  });
});

describe('COUNTERSIGN_CREDENTIAL_KEYS', () => {
  const key = (byte: number, length = 32): string => Buffer.alloc(length, byte).toString('base64');

  it('reads keyId:base64 pairs, the first being current, and leaves the variable unset when empty', () => {
    const keys = loadEnv({ COUNTERSIGN_CREDENTIAL_KEYS: `k2:${key(2)}, k1:${key(1)}` }).COUNTERSIGN_CREDENTIAL_KEYS;
    expect(keys?.map((k) => k.id)).toEqual(['k2', 'k1']);
    expect(keys?.[0]?.key).toEqual(Buffer.alloc(32, 2));
    expect(loadEnv({ COUNTERSIGN_CREDENTIAL_KEYS: '' }).COUNTERSIGN_CREDENTIAL_KEYS).toBeUndefined();
    expect(loadEnv({}).COUNTERSIGN_CREDENTIAL_KEYS).toBeUndefined();
  });

  it('stops the start on bad base64, a key that is not 32 bytes and a repeated id, without quoting key material', () => {
    const bad = (value: string) => () => loadEnv({ COUNTERSIGN_CREDENTIAL_KEYS: value });
    expect(bad('k1:not base64!')).toThrow(/COUNTERSIGN_CREDENTIAL_KEYS: key "k1" is not valid base64/);
    expect(bad(`k1:${key(1, 16)}`)).toThrow(/COUNTERSIGN_CREDENTIAL_KEYS: key "k1" must decode to 32 bytes \(AES-256\), not 16/);
    expect(bad(`k1:${key(1)},k1:${key(2)}`)).toThrow(/COUNTERSIGN_CREDENTIAL_KEYS: key id "k1" is listed twice/);
    expect(bad(key(1))).toThrow(/COUNTERSIGN_CREDENTIAL_KEYS: entry 1 must be keyId:base64-key/);
    expect(bad(`k1:${key(1, 16)}`)).not.toThrow(new RegExp(key(1, 16).slice(0, 12).replace(/[+/]/g, '\\$&')));
  });
});
