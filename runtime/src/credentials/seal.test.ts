import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyringOf, parseCredentialKeys, type CredentialKey } from './credential-keys.ts';
import { open, seal } from './seal.ts';

const keyA: CredentialKey = { id: 'a', key: randomBytes(32) };
const keyB: CredentialKey = { id: 'b', key: randomBytes(32) };
const here = { tenantId: 't1', credentialId: 'c1' };

describe('sealing credential values', () => {
  it('round-trips with a fresh 96-bit IV each time, and opens with any listed key', () => {
    const first = seal(keyA, here, 'sk_live_123');
    const second = seal(keyA, here, 'sk_live_123');
    expect(Buffer.from(first.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(first.tag, 'base64')).toHaveLength(16);
    expect(first.iv).not.toBe(second.iv);
    expect(first.ciphertext).not.toContain('sk_live');
    expect(open(keyringOf([keyB, keyA]), here, first)).toBe('sk_live_123');
  });

  it('binds the value to its tenant, credential and key id (additional authenticated data)', () => {
    const sealed = seal(keyA, here, 'sk_live_123');
    const ring = keyringOf([keyA]);
    expect(() => open(ring, { ...here, tenantId: 't2' }, sealed)).toThrow(/cannot be decrypted with key "a": it was altered or belongs to another tenant/);
    expect(() => open(ring, { ...here, credentialId: 'c2' }, sealed)).toThrow(/cannot be decrypted/);
    // The same key material under another id: the id is authenticated too.
    expect(() => open(keyringOf([{ id: 'x', key: keyA.key }]), here, { ...sealed, keyId: 'x' })).toThrow(/cannot be decrypted/);
  });

  it('refuses an altered ciphertext and a truncated tag', () => {
    const sealed = seal(keyA, here, 'sk_live_123');
    const ring = keyringOf([keyA]);
    const flipped = Buffer.from(sealed.ciphertext, 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => open(ring, here, { ...sealed, ciphertext: flipped.toString('base64') })).toThrow(/cannot be decrypted/);
    expect(() => open(ring, here, { ...sealed, tag: Buffer.from(sealed.tag, 'base64').subarray(0, 4).toString('base64') })).toThrow(/cannot be decrypted/);
  });

  it('names the missing key when the value was sealed with a key this runtime does not hold', () => {
    const sealed = seal(keyA, here, 'v');
    expect(() => open(keyringOf([keyB]), here, sealed)).toThrow(/sealed with key "a", which this runtime does not hold: list it in COUNTERSIGN_CREDENTIAL_KEYS/);
  });

  it('parses keys from the environment form and refuses weak or ambiguous keyrings', () => {
    const text = `b:${keyB.key.toString('base64')},a:${keyA.key.toString('base64url')}`;
    expect(keyringOf(parseCredentialKeys(text)).current.id).toBe('b');
    expect(parseCredentialKeys(text)[1]?.key).toEqual(keyA.key);
    expect(() => keyringOf([])).toThrow(/At least one/);
    expect(() => keyringOf([{ id: 'short', key: randomBytes(16) }])).toThrow(/must be 32 bytes/);
    expect(() => keyringOf([keyA, keyA])).toThrow(/listed twice/);
  });
});
