import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CountersignError } from '@countersign/shared';
import type { CredentialKey, CredentialKeyring } from './credential-keys.ts';

/** A sealed value as stored: base64 text of the IV, ciphertext and GCM tag, and the id of the key. */
export interface SealedValue {
  keyId: string;
  iv: string;
  ciphertext: string;
  tag: string;
}

/** What a sealed value is bound to: opening it anywhere else fails (a row copied to another tenant). */
export interface SealBinding {
  tenantId: string;
  credentialId: string;
}

const ALGORITHM = 'aes-256-gcm';

// Additional authenticated data: not secret, but the tag covers it, so a value only opens in its place.
function aad(keyId: string, binding: SealBinding): Buffer {
  return Buffer.from(JSON.stringify(['countersign.credential.v1', keyId, binding.tenantId, binding.credentialId]), 'utf8');
}

/** Seals a value with AES-256-GCM under `key`: a fresh 96-bit IV each time. */
export function seal(key: CredentialKey, binding: SealBinding, plaintext: string): SealedValue {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key.key, iv, { authTagLength: 16 });
  cipher.setAAD(aad(key.id, binding));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { keyId: key.id, iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/**
 * Opens a sealed value with the keyring's key of the same id. Fails (UNAVAILABLE, not retried) when that
 * key is not configured, or when the value was altered or does not belong to this tenant and credential.
 */
export function open(keyring: CredentialKeyring, binding: SealBinding, sealed: SealedValue): string {
  const key = keyring.byId.get(sealed.keyId);
  if (key === undefined) {
    throw new CountersignError(
      'UNAVAILABLE',
      `Credential ${binding.credentialId} is sealed with key "${sealed.keyId}", which this runtime does not hold: list it in COUNTERSIGN_CREDENTIAL_KEYS (after the current key) until the credentials are rotated`,
      { retryable: false, details: { credentialId: binding.credentialId, keyId: sealed.keyId } },
    );
  }
  try {
    // A fixed 16-byte tag: a truncated tag would make forgeries easier.
    const decipher = createDecipheriv(ALGORITHM, key.key, Buffer.from(sealed.iv, 'base64'), { authTagLength: 16 });
    decipher.setAAD(aad(key.id, binding));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new CountersignError(
      'UNAVAILABLE',
      `Credential ${binding.credentialId} cannot be decrypted with key "${key.id}": it was altered or belongs to another tenant or credential; set its value again`,
      { retryable: false, details: { credentialId: binding.credentialId, keyId: key.id } },
    );
  }
}
