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
