import { describe, expect, it } from 'vitest';
import { decodeWebhookSecret, signWebhook, verifyWebhookSignature } from './webhook-signature.ts';

// The example of the Standard Webhooks specification and its reference libraries.
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const TIMESTAMP = 1614265330;
const BODY = '{"test": 2432232314}';
const SIGNATURE = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';
const NOW = TIMESTAMP * 1000;

const headers = (signature: string, timestamp = TIMESTAMP) => ({ 'webhook-id': ID, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature });

describe('webhook signatures', () => {
  it('matches the Standard Webhooks reference signature', () => {
    expect(signWebhook(SECRET, ID, TIMESTAMP, BODY)).toBe(SIGNATURE);
    expect(verifyWebhookSignature(SECRET, headers(SIGNATURE), BODY, NOW)).toBe(true);
  });

  it('decodes whsec_ secrets and uses other secrets as text', () => {
    expect(decodeWebhookSecret('whsec_aGVsbG8=').toString()).toBe('hello');
    expect(decodeWebhookSecret('plain secret').toString()).toBe('plain secret');
    const raw = signWebhook('a raw shared secret of some length', ID, TIMESTAMP, BODY);
    expect(verifyWebhookSignature('a raw shared secret of some length', headers(raw), BODY, NOW)).toBe(true);
    expect(verifyWebhookSignature(SECRET, headers(raw), BODY, NOW)).toBe(false);
  });

  it('refuses a tampered body, id or signature', () => {
    expect(verifyWebhookSignature(SECRET, headers(SIGNATURE), BODY.replace('2432232314', '2432232315'), NOW)).toBe(false);
    expect(verifyWebhookSignature(SECRET, { ...headers(SIGNATURE), 'webhook-id': 'msg_other' }, BODY, NOW)).toBe(false);
    expect(verifyWebhookSignature(SECRET, headers(SIGNATURE.replace('g0h', 'g1h')), BODY, NOW)).toBe(false);
    expect(verifyWebhookSignature(SECRET, headers('v2,' + SIGNATURE.slice(3)), BODY, NOW)).toBe(false);
    expect(verifyWebhookSignature(SECRET, headers('v1,short'), BODY, NOW)).toBe(false);
    expect(verifyWebhookSignature(SECRET, {}, BODY, NOW)).toBe(false);
  });

  it('refuses timestamps more than five minutes off (replays)', () => {
    expect(verifyWebhookSignature(SECRET, headers(SIGNATURE), BODY, NOW + 300_000)).toBe(true);
    expect(verifyWebhookSignature(SECRET, headers(SIGNATURE), BODY, NOW + 301_000)).toBe(false);
    expect(verifyWebhookSignature(SECRET, headers(SIGNATURE), BODY, NOW - 301_000)).toBe(false);
    expect(verifyWebhookSignature(SECRET, headers(SIGNATURE, Number.NaN), BODY, NOW)).toBe(false);
  });

  it('accepts any of several signatures (key rotation) and fetch Headers', () => {
    const rotated = `v1,${Buffer.alloc(32).toString('base64')} ${SIGNATURE}`;
    expect(verifyWebhookSignature(SECRET, new Headers(headers(rotated)), Buffer.from(BODY), NOW)).toBe(true);
  });
});
